import type { QueryName } from './index';
import type { SyncedEntity } from './sync.contract';

/**
 * Which synced tables each query's answer is read from, so that a push naming the tables a
 * change wrote refetches only the queries that depend on them (docs/architecture.md, "Live
 * refresh"). `'any'`: the answer also depends on tables outside the change log (audit, devices,
 * sessions, messages, leave requests) or on the clock, so it refetches on every push, as all
 * queries did before. Typed as a complete record: a new query does not compile until it says.
 * Generous is safe (an extra refetch); a missing table leaves a stale screen.
 */
type Reads = readonly SyncedEntity[] | 'any';

const clinic = ['settings', 'doctors', 'rooms', 'weekly_windows', 'schedule_exceptions'] as const;
const visits = [
  'appointments',
  'status_transitions',
  'reschedule_records',
  'reschedule_requests',
  'queue_entries',
  'queue_moves',
  'doctors',
  'rooms',
  'settings',
] as const;
const slots = [...clinic, 'appointments', 'queue_entries'] as const;
const records = [...visits, 'patients', 'consultations', 'addenda', 'attachments'] as const;
const bills = [...visits, 'patients', 'bills', 'bill_items', 'payments'] as const;

export const queryTables: Readonly<Record<QueryName, Reads>> = {
  'auth.setupStatus': ['settings', 'users'],
  'auth.session': ['users', 'settings'],
  'users.list': ['users', 'doctors'],
  'users.get': ['users', 'doctors'],

  'settings.get': ['settings'],
  'doctors.list': ['doctors'],
  'doctors.get': ['doctors'],
  'rooms.list': ['rooms'],
  'rooms.availability': [...clinic, 'appointments'],
  'schedules.get': clinic,
  'schedules.windowsOn': clinic,
  'schedules.previewWeekly': slots,
  'schedules.previewException': slots,
  'slots.list': slots,
  'slots.nextFree': slots,
  'leave.list': 'any',
  'leave.collisions': 'any',
  'devices.list': 'any',
  'devices.names': 'any',

  'patients.checkDuplicates': ['patients'],
  'patients.search': ['patients'],
  'patients.get': ['patients'],
  'patients.getMany': ['patients'],
  'patients.profile': bills,
  'patients.me': ['patients'],

  'appointments.get': visits,
  'appointments.history': visits,
  'appointments.list': visits,
  'appointments.search': [...visits, 'patients'], // by patient name
  'appointments.rescheduleRequests': visits,
  'appointments.mine': visits,
  'appointments.slip': [...visits, 'patients'],

  'queue.list': 'any', // estimated waits move with the clock
  'queue.myPosition': 'any',

  'consultations.get': records,
  'consultations.vitals': records,
  'consultations.patientHistory': records,
  'consultations.mySummaries': records,
  'consultations.prescriptionPdf': records,
  'formulary.list': ['formulary_entries'],
  'prescriptions.templates': ['prescription_templates', 'formulary_entries'],
  'attachments.list': records,
  'attachments.download': records,

  'billing.get': bills,
  'billing.list': bills,
  'billing.mine': bills,
  'billing.receiptPdf': bills,
  'billing.dailyCollection': bills,
  'billing.doctorRevenue': bills,

  'waitlist.list': ['waitlist_entries', ...visits],
  'displays.list': 'any',
  'analytics.dashboard': 'any',
  'analytics.export': 'any',
  'audit.list': 'any',
  'audit.export': 'any',
  'audit.verify': 'any',
  'audit.status': 'any',
  'notifications.inbox': 'any',
  'notifications.outbox': 'any',
  'messages.templates': 'any',
  'messages.preview': 'any',
  'messages.mailSettings': 'any',
  'push.publicKey': [],
};
