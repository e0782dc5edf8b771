import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { HandlerMap } from '@server/core/handler';
import {
  documentHandler,
  type DocumentReader,
  pdfResult,
  requireVisible,
} from '@server/documents/document-handler';
import type { PrescriptionData } from '@server/documents/prescription.document';
import { getAppointment, getDoctor, getPatient } from '@server/repositories/lookups.repository';
import { auditConsultation, consultationOfAppointment, findConsultation } from './consultations.repository';

/** Who signed: the doctor behind the signing account (name, qualification, registration). */
function signerOf(ctx: DocumentReader, userId: string): PrescriptionData['signer'] {
  const user = ctx.db.first(
    ctx.db.q.selectFrom('users').select(['displayName', 'doctorId']).where('id', '=', userId),
  );
  if (user?.doctorId) {
    const doctor = getDoctor(ctx.db, user.doctorId);
    return {
      name: doctor.fullName,
      qualification: doctor.qualification,
      registrationNumber: doctor.registrationNumber,
    };
  }
  return { name: user?.displayName ?? 'Unknown', qualification: '', registrationNumber: null };
}

/** What the prescription of a signed consultation shows (also attached to prescription e-mails). */
export function loadPrescription(ctx: DocumentReader, id: string): PrescriptionData {
  // Both lookups always: an id that names nothing takes the work of another patient's one.
  const byId = findConsultation(ctx.db, id);
  const byAppointment = consultationOfAppointment(ctx.db, id);
  const found = byId ?? byAppointment;
  const consultation = requireVisible(ctx, 'consultations', found, 'prescription');
  if (consultation.status !== 'finalized' || !consultation.signedAt || !consultation.signedBy) {
    // A patient never sees drafts: for them an unsigned record does not exist yet.
    if (ctx.actor?.role === 'patient') throw notFound('prescription');
    throw failure('POLICY', 'This consultation is not signed yet; sign it before printing the prescription.');
  }
  return {
    clinic: ctx.settings(),
    summary: {
      id: consultation.id,
      appointmentId: consultation.appointmentId,
      doctorId: consultation.doctorId,
      signedAt: consultation.signedAt,
      diagnosis: consultation.diagnosis,
      advice: consultation.advice,
      prescription: consultation.prescription,
      tests: consultation.tests,
      followUpDate: consultation.followUpDate,
    },
    appointment: getAppointment(ctx.db, consultation.appointmentId),
    patient: getPatient(ctx.db, consultation.patientId),
    doctor: getDoctor(ctx.db, consultation.doctorId),
    signer: signerOf(ctx, consultation.signedBy),
    signature: { receivedAt: consultation.signatureReceivedAt, clock: consultation.signatureClock },
    printedAt: ctx.now,
  };
}

/**
 * The prescription PDF of a signed consultation (docs/product.md §8, §12). `id` is the consultation's id (an
 * appointment's id is accepted too). Reading it is a read of medical content, audited like
 * consultations.get; only the patient-facing summary is printed, never clinical notes.
 */
export const prescriptionHandlers: HandlerMap = {
  'consultations.prescriptionPdf': documentHandler('consultations.prescriptionPdf', {
    load: (input, ctx) => loadPrescription(ctx, input.id),
    render: async (data, input) =>
      pdfResult(
        await (await import('@server/documents/prescription.document')).renderPrescription(data, input.paper),
      ),
    audit: (data, input, ctx) =>
      auditConsultation(
        ctx,
        'read',
        'consultations.prescriptionPdf',
        { id: data.summary.id, patientId: data.patient.id },
        { appointmentId: data.summary.appointmentId, paper: input.paper },
      ),
  }),
};
