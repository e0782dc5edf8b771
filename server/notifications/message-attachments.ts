import type { ClinicSettings } from '@shared/domain/settings.schema';
import type { Db } from '@server/db/database';
import type { DocumentReader } from '@server/documents/document-handler';
import { loadReceipt } from '@server/handlers/billing/receipt.handlers';
import { loadPrescription } from '@server/handlers/consultations/prescription.handlers';
import type { OutgoingMessage } from './channel-sender';
import type { DeliveryOutcome } from './delivery.repository';

export interface MadeAttachment {
  attachment: NonNullable<OutgoingMessage['attachment']>;
  /** A document with medical content (the prescription): its sending is audited like a read. */
  disclosed?: NonNullable<Extract<DeliveryOutcome, { result: 'sent' }>['disclosed']>;
}

/** Why a message's document could not be made: the message fails for good with this reason. */
export class AttachmentError extends Error {}

/**
 * The PDF an e-mail carries when the patient opted in (the writer set `attachment`), made with the
 * same loaders and renderers as the printed documents, as of the moment it is sent: a payment's
 * message carries its bill's receipt, a consultation's the prescription. The document modules are
 * imported on first use, as the print handlers do (pdf-lib and fonts are large).
 */
export async function makeAttachment(
  db: Db,
  settings: () => ClinicSettings,
  now: string,
  message: { attachment: string | null; aboutEntity: string | null; aboutId: string | null },
): Promise<MadeAttachment | null> {
  if (!message.attachment) return null;
  const reader: DocumentReader = { db, settings, now, scope: 'any', actor: null };
  const { attachment, aboutEntity, aboutId } = message;
  if (!aboutId) throw new AttachmentError(`the ${attachment} PDF has no record to be made from`);
  try {
    if (attachment === 'receipt') {
      const billId =
        aboutEntity === 'payments'
          ? db.first(db.q.selectFrom('payments').select('billId').where('id', '=', aboutId))?.billId
          : aboutEntity === 'bills'
            ? aboutId
            : undefined;
      if (!billId)
        throw new AttachmentError(`no bill found for the receipt (${aboutEntity ?? '-'} ${aboutId})`);
      const data = loadReceipt(reader, billId);
      const { renderReceipt } = await import('@server/documents/receipt.document');
      return { attachment: pdf(await renderReceipt(data, 'A5')) };
    }
    if (
      attachment === 'prescription' &&
      (aboutEntity === 'consultations' || aboutEntity === 'appointments')
    ) {
      const data = loadPrescription(reader, aboutId);
      const { renderPrescription } = await import('@server/documents/prescription.document');
      return {
        attachment: pdf(await renderPrescription(data, 'A4')),
        disclosed: {
          action: 'consultations.prescriptionEmailed',
          entity: 'consultations',
          entityId: data.summary.id,
          patientId: data.patient.id,
        },
      };
    }
  } catch (error) {
    if (error instanceof AttachmentError) throw error;
    throw new AttachmentError(`the ${attachment} PDF could not be made: ${(error as Error).message}`);
  }
  throw new AttachmentError(`a ${attachment} PDF cannot be made for ${aboutEntity ?? 'no record'}`);
}

function pdf(document: { fileName: string; bytes: Uint8Array }): MadeAttachment['attachment'] {
  return {
    fileName: document.fileName,
    contentType: 'application/pdf',
    content: Buffer.from(document.bytes),
  };
}
