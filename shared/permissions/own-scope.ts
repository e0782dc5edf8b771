import type { Role } from '@shared/domain/common.schema';
import type { OperationName } from '@shared/contract/index';
import type { SyncedEntity } from '@shared/contract/sync.contract';

/** What an 'own' scope is about: a synced table, or a hub-only table with owned rows. */
export type OwnResource = SyncedEntity | 'leave_requests';

/**
 * Which rows of a resource are a role's own (docs/architecture.md (Security invariants)):
 * - `owner`: the row's `column` equals the actor's `owner` identity (never when the actor has
 *   none), and every `where` column holds the given value;
 * - `via`: the row's `column` names a row of `parent` that is the actor's own (by the parent's
 *   rule). The parent rows are read on the hub (a resolver), never in shared code.
 */
export type OwnRule =
  | {
      owner: 'patientId' | 'doctorId' | 'userId';
      column: string;
      where?: Readonly<Record<string, string>>;
    }
  | { via: OwnResource; column: string };

const patientsOwn = (column: string): OwnRule => ({ owner: 'patientId', column });
const doctorsOwn = (column: string): OwnRule => ({ owner: 'doctorId', column });
const viaAppointment: OwnRule = { via: 'appointments', column: 'appointmentId' };
const viaBill: OwnRule = { via: 'bills', column: 'billId' };

/**
 * The 'own' scope as policy data, like an access policy's criteria: for each resource, which
 * rows each role's 'own' means. A role without a rule owns no row of it (deny by default). The
 * one evaluator (ownership.ts) reads only this, for operations, sync pulls, documents and the UI.
 */
export const ownRules: Readonly<Record<OwnResource, Readonly<Partial<Record<Role, OwnRule>>>>> = {
  settings: {},
  users: { patient: { owner: 'userId', column: 'id' } },
  patients: { patient: patientsOwn('id') },
  doctors: { doctor: doctorsOwn('id') },
  rooms: {},
  weekly_windows: {},
  schedule_exceptions: { doctor: doctorsOwn('doctorId') },
  leave_requests: { doctor: doctorsOwn('doctorId') },
  appointments: { patient: patientsOwn('patientId'), doctor: doctorsOwn('doctorId') },
  status_transitions: { patient: viaAppointment },
  reschedule_records: { patient: viaAppointment },
  reschedule_requests: { patient: viaAppointment },
  queue_entries: { patient: patientsOwn('patientId'), doctor: doctorsOwn('doctorId') },
  queue_moves: {},
  consultations: {
    // A patient sees a consultation's summary once the doctor has signed it, never a draft.
    patient: { owner: 'patientId', column: 'patientId', where: { status: 'finalized' } },
    doctor: doctorsOwn('doctorId'),
  },
  addenda: {},
  bills: { patient: patientsOwn('patientId') },
  bill_items: { patient: viaBill },
  payments: { patient: viaBill },
  waitlist_entries: { patient: patientsOwn('patientId') },
  attachments: { patient: viaAppointment },
  formulary_entries: {},
  prescription_templates: {},
};

/**
 * For each operation some role uses with 'own' scope: the resource whose own rows it may reach
 * (the record its input names), or 'self' when it never names one and acts on the caller's own
 * identity (their patient record, their doctor's leave, their session). A test proves every 'own'
 * grant of the permission policy has an entry here, with a rule for that role.
 */
export const ownTargets: Readonly<Partial<Record<OperationName, OwnResource | 'self'>>> = {
  'auth.session': 'self',
  'auth.logout': 'self',
  'auth.changePassword': 'self',

  'schedules.previewException': 'schedule_exceptions',
  'schedules.addException': 'schedule_exceptions',
  'schedules.removeException': 'schedule_exceptions',
  'schedules.bulkReschedule': 'appointments',
  'leave.request': 'self',
  'leave.withdraw': 'leave_requests',
  'leave.list': 'self',

  'patients.update': 'patients',
  'patients.get': 'patients',
  'patients.getMany': 'patients',
  'patients.me': 'self',

  'appointments.book': 'patients',
  'appointments.confirm': 'appointments',
  'appointments.decline': 'appointments',
  'appointments.cancel': 'appointments',
  'appointments.reschedule': 'appointments',
  'appointments.requestReschedule': 'appointments',
  'appointments.decideReschedule': 'appointments',
  'appointments.markNoShow': 'appointments',
  'appointments.complete': 'appointments',
  'appointments.undoTransition': 'appointments',
  'appointments.get': 'appointments',
  'appointments.history': 'appointments',
  'appointments.rescheduleRequests': 'self', // a doctor: the requests on their own appointments
  'appointments.mine': 'self',
  'appointments.slip': 'appointments',

  'queue.checkIn': 'appointments',
  'queue.move': 'queue_entries',
  'queue.setPriority': 'queue_entries',
  'queue.callNext': 'doctors',
  'queue.recall': 'queue_entries',
  'queue.startConsultation': 'queue_entries',
  'queue.myPosition': 'appointments',

  'consultations.saveDraft': 'appointments',
  'consultations.recordVitals': 'appointments',
  'consultations.finalize': 'consultations',
  'consultations.mySummaries': 'self',
  'consultations.prescriptionPdf': 'consultations',

  'billing.get': 'bills',
  'billing.mine': 'self',
  'billing.receiptPdf': 'bills',

  'waitlist.join': 'patients',
  'waitlist.list': 'self',
  'waitlist.cancel': 'waitlist_entries',
  'waitlist.accept': 'waitlist_entries',
  'waitlist.decline': 'waitlist_entries',
  'notifications.inbox': 'self',
  // Marks only the caller's own messages read; another patient's id is ignored like a missing one.
  'notifications.markRead': 'self',
  // The hub's public key, and the caller's own phone subscriptions (an endpoint of another
  // patient's is taken over by whoever subscribes it last: one phone, one patient signed in).
  'push.publicKey': 'self',
  'push.subscribe': 'self',
  'push.unsubscribe': 'self',
  'attachments.list': 'appointments',
  'attachments.upload': 'appointments',
  'attachments.download': 'attachments',
};
