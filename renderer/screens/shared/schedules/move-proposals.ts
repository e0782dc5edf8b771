import type { ApiClient } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { proposeMove } from '@shared/rules/move-proposal';
import { addDays, instantToLocal } from '@shared/rules/zoned-time';

/** One row of the move: the booking's new wall-clock date and time, and its doctor. */
export interface MoveRow {
  appointmentId: string;
  date: string;
  time: string;
  doctorId: string;
}

/**
 * Default new times (shared/rules/move-proposal.ts: the same time of day on the nearest free
 * day) from the doctor's free slots in the 31 days around each stranded date; a row without
 * one is left empty for staff to fill.
 */
export async function proposeMoves(
  client: ApiClient,
  appointments: readonly Appointment[],
  timeZone: string,
  today: string,
  /** Dates the doctor will not work (the other days of a leave not yet in the schedule). */
  excludeDates: readonly string[] = [],
): Promise<MoveRow[]> {
  const taken = new Set<string>();
  const ordered = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const rows: MoveRow[] = [];
  for (const a of ordered) {
    const original = instantToLocal(a.startsAt, timeZone);
    const from = [addDays(original.date, -15), today].sort().at(-1)!;
    const days = (
      await client.call('slots.list', { doctorId: a.doctorId, fromDate: from, toDate: addDays(from, 30) })
    ).filter((d) => !excludeDates.includes(d.date));
    const start = proposeMove(original, days, taken);
    const local = start ? instantToLocal(start, timeZone) : null;
    rows.push({
      appointmentId: a.id,
      date: local?.date ?? '',
      time: local?.time ?? '',
      doctorId: a.doctorId,
    });
  }
  return rows;
}
