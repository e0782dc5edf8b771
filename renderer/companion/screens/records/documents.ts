import type { PatientAppointment, PatientBillView, PatientConsultation } from './records-types';

export type DocumentKind = 'prescription' | 'receipt' | 'slip';

/** One PDF the patient can open or save: where the gateway serves it and what to call the file. */
export interface PatientDocument {
  kind: DocumentKind;
  /** A stable key for the list. */
  key: string;
  /** The gateway path (under /api/v1) that answers the PDF. */
  path: string;
  /** The file name offered on download. */
  fileName: string;
  /** When it is from: the signing, the bill, or the appointment's start (an instant). */
  at: string;
  doctorId: string | null;
  /** The bill's or appointment's number, where it has one. */
  number: string | null;
}

/** Appointments that still get a slip: the ones a patient may still go to. */
const SLIP_STATUSES = new Set(['REQUESTED', 'CONFIRMED', 'CHECKED_IN']);

const safe = (value: string) => value.replace(/[^A-Za-z0-9-]+/g, '-');

/**
 * The patient's documents, newest first: the prescription of every signed consultation, the
 * receipt of every numbered bill, and the slip of every upcoming appointment.
 */
export function patientDocuments(
  consultations: readonly PatientConsultation[],
  bills: readonly PatientBillView[],
  upcoming: readonly PatientAppointment[] = [],
): PatientDocument[] {
  const documents: PatientDocument[] = [];
  for (const consultation of consultations) {
    if (!consultation.signedAt) continue;
    documents.push({
      kind: 'prescription',
      key: `prescription-${consultation.id}`,
      path: `/consultations/${consultation.id}/prescription.pdf`,
      fileName: `prescription-${consultation.signedAt.slice(0, 10)}.pdf`,
      at: consultation.signedAt,
      doctorId: consultation.doctorId,
      number: null,
    });
  }
  for (const { bill } of bills) {
    if (!bill.number) continue;
    documents.push({
      kind: 'receipt',
      key: `receipt-${bill.id}`,
      path: `/bills/${bill.id}/receipt.pdf`,
      fileName: `receipt-${safe(bill.number)}.pdf`,
      at: bill.createdAt,
      doctorId: bill.doctorId,
      number: bill.number,
    });
  }
  for (const appointment of upcoming) {
    if (!SLIP_STATUSES.has(appointment.status)) continue;
    documents.push({
      kind: 'slip',
      key: `slip-${appointment.id}`,
      path: `/appointments/${appointment.id}/slip.pdf`,
      fileName: `appointment-${appointment.number ? safe(appointment.number) : appointment.startsAt.slice(0, 10)}.pdf`,
      at: appointment.startsAt,
      doctorId: appointment.doctorId,
      number: appointment.number,
    });
  }
  return documents.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
