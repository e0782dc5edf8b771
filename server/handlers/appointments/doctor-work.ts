import type { DoctorWork } from '@shared/rules/lifecycle';
import type { Db } from '@server/db/database';
import { consultationOfAppointment } from '@server/handlers/consultations/consultations.repository';
import { hasDoctorText } from '@server/handlers/consultations/draft-revisions';
import { findEntryByAppointment } from '@server/handlers/queue/queue.repository';

/**
 * What the doctor has begun on a checked-in visit: a draft record with text, or a consultation
 * started from the queue. A receptionist's desktop holds no consultations (privacy), so offline
 * it sees only a started consultation; the hub, which holds both, has the last word.
 */
export function doctorWorkOn(db: Db, appointmentId: string): DoctorWork | null {
  const record = consultationOfAppointment(db, appointmentId);
  if (record && record.status === 'draft' && hasDoctorText(record)) return 'draft';
  const entry = findEntryByAppointment(db, appointmentId);
  if (entry?.state === 'in_consultation') return 'consultation_started';
  return null;
}
