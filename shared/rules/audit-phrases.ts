import type { Role } from '@shared/domain/common.schema';

/**
 * What an audit entry's action means, in words, for the audit log screen and its CSV export.
 * An action is named like the contract operation that wrote it (`appointments.book`,
 * `queue.walkIn`, `consultations.get`); the few entries that are not an operation's own are named
 * in the same `area.verb` style under its area (AUDIT_ACTIONS_BEYOND_OPERATIONS). An unknown action
 * is shown readable but as it is (auditPhrase), so a new action is never hidden.
 */
const PHRASES: Record<string, string> = {
  'auth.setup': 'Set up the clinic',
  'auth.login': 'Signed in',
  'auth.loginFailed': 'Failed to sign in',
  'auth.logout': 'Signed out',
  'auth.changePassword': 'Changed their password',
  'users.create': 'Added a user',
  'users.update': 'Changed a user',
  'users.setDisabled': 'Disabled or re-enabled a user',
  'users.resetPassword': 'Reset a user’s password',
  'settings.update': 'Changed the clinic settings',
  'doctors.create': 'Added a doctor',
  'doctors.update': 'Changed a doctor',
  'rooms.create': 'Added a room',
  'rooms.update': 'Changed a room',
  'schedules.setWeekly': 'Changed a doctor’s weekly hours',
  'schedules.addException': 'Added leave or special hours',
  'schedules.removeException': 'Removed leave or special hours',
  'schedules.bulkReschedule': 'Moved appointments off a leave day',
  'leave.request': 'Asked for leave',
  'leave.withdraw': 'Withdrew a leave request',
  'leave.approve': 'Approved leave',
  'leave.decline': 'Declined leave',
  'patients.register': 'Registered a patient',
  'patients.update': 'Changed a patient’s details',
  'patients.get': 'Opened a patient’s record',
  'appointments.book': 'Booked an appointment',
  'appointments.override': 'Booked outside the rules (override)',
  'appointments.reschedule': 'Rescheduled an appointment',
  'appointments.requestReschedule': 'Asked to reschedule an appointment',
  'appointments.decideReschedule': 'Decided a reschedule request',
  'appointments.confirm': 'Confirmed an appointment',
  'appointments.decline': 'Declined an appointment',
  'appointments.cancel': 'Cancelled an appointment',
  'appointments.markNoShow': 'Marked a no-show',
  'appointments.complete': 'Completed an appointment',
  'appointments.undoTransition': 'Undid the last status change',
  'queue.checkIn': 'Checked a patient in',
  'queue.walkIn': 'Added a walk-in',
  'queue.callNext': 'Called the next patient',
  'queue.startConsultation': 'Started a consultation',
  'queue.recall': 'Called a patient again',
  'queue.move': 'Moved a patient in the queue',
  'queue.setPriority': 'Changed a patient’s priority',
  'consultations.get': 'Read a consultation',
  'consultations.recordVitals': 'Recorded vitals',
  'consultations.saveDraft': 'Saved consultation notes',
  'consultations.finalize': 'Signed a consultation',
  'consultations.addAddendum': 'Added an addendum',
  'consultations.patientHistory': 'Read a patient’s history',
  'consultations.mySummaries': 'Read their consultation summaries',
  'consultations.vitals': 'Read vitals',
  'consultations.prescriptionPdf': 'Printed a prescription',
  'consultations.prescriptionEmailed': 'E-mailed a prescription',
  'billing.createBill': 'Created a bill',
  'billing.addItems': 'Added items to a bill',
  'billing.removeItem': 'Removed an item from a bill',
  'billing.setDiscount': 'Gave a discount',
  'billing.recordPayment': 'Recorded a payment',
  'billing.refund': 'Recorded a refund',
  'messages.saveTemplate': 'Changed a message text',
  'messages.resetTemplate': 'Reset a message text',
  'messages.saveMailSettings': 'Changed the e-mail settings',
  'messages.sendTestEmail': 'Sent a test e-mail',
  'notifications.retry': 'Retried a message',
  'formulary.addEntry': 'Added a medicine to the formulary',
  'prescriptions.saveTemplate': 'Saved a prescription template',
  'prescriptions.deleteTemplate': 'Deleted a prescription template',
};

/** The actions the hub writes today, each in words. */
export const PHRASED_AUDIT_ACTIONS: readonly string[] = Object.keys(PHRASES);

/** Entries that are not one operation's own: a failed sign-in, an override beside its booking, a prescription sent by e-mail. */
export const AUDIT_ACTIONS_BEYOND_OPERATIONS: readonly string[] = [
  'auth.loginFailed',
  'appointments.override',
  'consultations.prescriptionEmailed',
];

/**
 * The names entries were written with before actions followed the operations (issue 18). The
 * audit log is hash-chained over each entry's action, so old entries keep the name they were
 * written with; they are read through this: said in the same words and found by the new name.
 */
const EARLIER_NAMES: Record<string, string> = {
  'patient.register': 'patients.register',
  'appointment.book': 'appointments.book',
  'appointment.walk_in': 'queue.walkIn',
  'appointment.override': 'appointments.override',
  'appointment.reschedule': 'appointments.reschedule',
  'appointment.rescheduleRequested': 'appointments.requestReschedule',
  'appointment.rescheduleApproved': 'appointments.decideReschedule',
  'appointment.rescheduleRejected': 'appointments.decideReschedule',
  'appointment.confirmed': 'appointments.confirm',
  'appointment.declined': 'appointments.decline',
  'appointment.checked_in': 'queue.checkIn',
  'appointment.in_consultation': 'queue.startConsultation',
  'appointment.completed': 'appointments.complete',
  'appointment.cancelled': 'appointments.cancel',
  'appointment.no_show': 'appointments.markNoShow',
  'appointment.booked': 'appointments.undoTransition',
  'appointment.requested': 'appointments.undoTransition',
  checkIn: 'queue.checkIn',
  complete: 'appointments.complete',
  'queue.priority': 'queue.setPriority',
  'consultation.read': 'consultations.get',
  'consultation.recordVitals': 'consultations.recordVitals',
  'consultation.saveDraft': 'consultations.saveDraft',
  'consultation.finalize': 'consultations.finalize',
  'consultation.addAddendum': 'consultations.addAddendum',
  'consultation.history': 'consultations.patientHistory',
  'consultation.summaries': 'consultations.mySummaries',
  'consultation.vitals': 'consultations.vitals',
  'consultation.prescriptionPdf': 'consultations.prescriptionPdf',
  'consultation.prescriptionEmailed': 'consultations.prescriptionEmailed',
  'bill.create': 'billing.createBill',
  'bill.addItems': 'billing.addItems',
  'bill.removeItem': 'billing.removeItem',
  'bill.setDiscount': 'billing.setDiscount',
  'bill.payment': 'billing.recordPayment',
  'bill.refund': 'billing.refund',
  'leave.requested': 'leave.request',
  'leave.withdrawn': 'leave.withdraw',
  'leave.approved': 'leave.approve',
  'leave.declined': 'leave.decline',
};

/** Old decisions said which way they went in the name; new ones say it in their details. */
const EARLIER_PHRASES: Record<string, string> = {
  'appointment.rescheduleApproved': 'Approved a reschedule request',
  'appointment.rescheduleRejected': 'Declined a reschedule request',
  'appointment.booked': 'Put an appointment back to booked',
  'appointment.requested': 'Put an appointment back to requested',
};

/** An entry's action by today's name (an entry written under an earlier name: its new one). */
export function auditAction(action: string): string {
  return EARLIER_NAMES[action] ?? action;
}

export function auditPhrase(action: string): string {
  const known = EARLIER_PHRASES[action] ?? PHRASES[auditAction(action)];
  if (known) return known;
  // "bill.addItems" → "Bill: add items"; "appointment.in_progress" → "Appointment: in progress".
  const [area, ...rest] = action.split('.');
  const words = (text: string) =>
    text
      .replace(/_/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  const head = words(area ?? action);
  const capitalised = head.charAt(0).toUpperCase() + head.slice(1);
  return rest.length > 0 ? `${capitalised}: ${words(rest.join(' '))}` : capitalised;
}

export const AUDIT_ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  receptionist: 'Receptionist',
  doctor: 'Doctor',
  nurse: 'Nurse',
  patient: 'Patient',
};

/** "appointments" → "Appointment"; the record kinds audit entries name. */
const ENTITY_LABELS: Record<string, string> = {
  appointments: 'Appointment',
  patients: 'Patient',
  consultations: 'Consultation',
  bills: 'Bill',
  payments: 'Payment',
  queue_entries: 'Queue entry',
  users: 'User',
  doctors: 'Doctor',
  rooms: 'Room',
  settings: 'Clinic settings',
  schedules: 'Schedule',
  message_templates: 'Message text',
  notifications: 'Message',
  formulary_entries: 'Formulary entry',
  prescription_templates: 'Prescription template',
};

export function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? auditPhrase(entity);
}
