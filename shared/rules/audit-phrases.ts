import type { Role } from '@shared/domain/common.schema';

/**
 * What an audit entry's action means, in words, for the audit log screen and its CSV export.
 * Actions are the names the hub writes (server/handlers/…, server/repositories/…); an unknown one
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
  'patient.register': 'Registered a patient',
  'patients.register': 'Registered a patient',
  'patients.update': 'Changed a patient’s details',
  'patients.get': 'Opened a patient’s record',
  'appointment.book': 'Booked an appointment',
  'appointment.walk_in': 'Added a walk-in',
  'appointment.override': 'Booked outside the rules (override)',
  'appointment.reschedule': 'Rescheduled an appointment',
  'appointment.rescheduleRequested': 'Asked to reschedule an appointment',
  'appointment.rescheduleApproved': 'Approved a reschedule request',
  'appointment.rescheduleRejected': 'Declined a reschedule request',
  'appointment.confirmed': 'Confirmed an appointment',
  'appointment.declined': 'Declined an appointment',
  'appointment.checked_in': 'Checked a patient in',
  'appointment.in_consultation': 'Started a consultation',
  'appointment.completed': 'Completed an appointment',
  'appointment.cancelled': 'Cancelled an appointment',
  'appointment.no_show': 'Marked a no-show',
  'appointment.booked': 'Put an appointment back to booked',
  checkIn: 'Checked a patient in',
  complete: 'Completed a consultation',
  'queue.callNext': 'Called the next patient',
  'queue.startConsultation': 'Started a consultation',
  'queue.recall': 'Called a patient again',
  'queue.move': 'Moved a patient in the queue',
  'queue.setPriority': 'Changed a patient’s priority',
  'consultation.read': 'Read a consultation',
  'consultation.recordVitals': 'Recorded vitals',
  'consultation.saveDraft': 'Saved consultation notes',
  'consultation.finalize': 'Signed a consultation',
  'consultation.addAddendum': 'Added an addendum',
  'consultation.history': 'Read a patient’s history',
  'consultation.vitals': 'Read vitals',
  'consultation.prescriptionPdf': 'Printed a prescription',
  'consultation.prescriptionEmailed': 'E-mailed a prescription',
  'bill.create': 'Created a bill',
  'bill.addItems': 'Added items to a bill',
  'bill.removeItem': 'Removed an item from a bill',
  'bill.setDiscount': 'Gave a discount',
  'bill.payment': 'Recorded a payment',
  'bill.refund': 'Recorded a refund',
  'messages.saveTemplate': 'Changed a message text',
  'messages.resetTemplate': 'Reset a message text',
  'messages.saveMailSettings': 'Changed the e-mail settings',
  'messages.sendTestEmail': 'Sent a test e-mail',
  'notifications.retry': 'Retried a message',
  'formulary.addEntry': 'Added a medicine to the formulary',
  'prescriptions.saveTemplate': 'Saved a prescription template',
  'prescriptions.deleteTemplate': 'Deleted a prescription template',
};

export function auditPhrase(action: string): string {
  const known = PHRASES[action];
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
