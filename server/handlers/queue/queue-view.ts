import type { ResultOf } from '@shared/contract/index';
import type { Doctor } from '@shared/domain/doctor.schema';
import {
  averageConsultationMinutes,
  earlyCheckInMinutes,
  estimateWaits,
  waitingMinutes,
} from '@shared/rules/wait-estimate';
import type { Db } from '@server/db/database';
import { workingTimeOn } from '@server/repositories/working-time.repository';
import { type OrderedDay, orderedDay } from './queue.repository';

export type DoctorQueue = ResultOf<'queue.list'>;
const MINUTE_MS = 60_000;

/** The doctor's average consultation, learned from their last 20 finished consultations (docs/product.md §7). */
export function learnedAverageMinutes(db: Db, doctor: Doctor): number {
  const rows = db.all(
    db.q
      .selectFrom('queue_entries')
      .select(['consultationStartedAt', 'finishedAt'])
      .where('doctorId', '=', doctor.id)
      .where('state', '=', 'done')
      .where('consultationStartedAt', 'is not', null)
      .where('finishedAt', 'is not', null)
      .orderBy('finishedAt', 'desc')
      .limit(20),
  );
  const durations = rows.map(
    (row) => (Date.parse(row.finishedAt!) - Date.parse(row.consultationStartedAt!)) / MINUTE_MS,
  );
  return averageConsultationMinutes(durations, doctor.sessionMinutes);
}

/**
 * One doctor's queue for a day with waits and estimates. Patients called but not yet in (pending)
 * come first among the waiting: they will be seen before anyone still waiting. A called patient
 * who is current counts as starting now, so the next in line waits a full consultation.
 * Estimates count only the doctor's working time of the day (windows, breaks, leave); a check-in
 * far ahead of its appointment is flagged with how early it came.
 */
export function buildDoctorQueue(
  db: Db,
  doctor: Doctor,
  date: string,
  now: string,
  zone: string,
  day: OrderedDay = orderedDay(db, doctor.id, date),
): DoctorQueue {
  const average = learnedAverageMinutes(db, doctor);
  const current = day.current?.entry ?? null;
  const waitingDays = [...day.pending, ...day.waiting];
  const waiting = waitingDays.map((d) => d.entry);
  const estimates = estimateWaits({
    now,
    current: current ? { startedAt: current.consultationStartedAt ?? now } : null,
    averageMinutes: average,
    waiting,
    workingTime: workingTimeOn(db, doctor.id, date, zone),
  });
  return {
    doctorId: doctor.id,
    clinicDate: date,
    averageConsultationMinutes: average,
    current,
    waiting: waitingDays.map(({ entry, startMs, slotless }, i) => ({
      entry,
      earlyCheckInMinutes: slotless
        ? null
        : earlyCheckInMinutes(entry.checkedInAt, new Date(startMs).toISOString()),
      waitingMinutes: waitingMinutes(entry.checkedInAt, now),
      patientsAhead: estimates[i]!.patientsAhead,
      estimatedWaitMinutes: estimates[i]!.waitMinutes,
      estimatedCallAt: estimates[i]!.estimatedCallAt,
    })),
    done: day.done.map((d) => d.entry),
  };
}
