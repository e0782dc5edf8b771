import { failure } from './errors';

/**
 * The one NOT_FOUND answer per kind of record, given alike for a record that does not exist and
 * for one the caller may not reach (another patient's, another doctor's): an error never tells
 * whether a record exists (docs/architecture.md, permissions). Every transport and the patient
 * gateway answer with these.
 */
export const notFoundMessages = {
  patient: 'No such patient.',
  doctor: 'No such doctor.',
  appointment: 'No such appointment.',
  statusChange: 'No such status change.',
  rescheduleRequest: 'No such reschedule request.',
  queueEntry: 'No such queue entry.',
  consultation: 'No such consultation record.',
  prescription: 'No such prescription.',
  bill: 'No such bill.',
  account: 'No such account.',
  room: 'No such room.',
  scheduleException: 'No such schedule exception.',
  prescriptionTemplate: 'No such prescription template.',
  leaveRequest: 'No such leave request.',
  waitlistEntry: 'No such waiting-list entry.',
} as const;

export type RecordKind = keyof typeof notFoundMessages;

export function notFound(kind: RecordKind) {
  return failure('NOT_FOUND', notFoundMessages[kind]);
}
