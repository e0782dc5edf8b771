import type { ApiClient } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { proposeMove } from '@shared/rules/move-proposal';
import { addDays, instantToLocal, localToInstant } from '@shared/rules/zoned-time';

/** One row of the move: the booking's new wall-clock date and time, and its doctor. */
export interface MoveRow {
  appointmentId: string;
  date: string;
  time: string;
  doctorId: string;
}

/** A new time for one booking with `doctorId`, avoiding the slots in `taken` (which gains it). */
async function proposeFor(
  client: ApiClient,
  appointment: Appointment,
  doctorId: string,
  context: {
    timeZone: string;
    today: string;
    taken: Set<string>;
    /** Dates the booking's own doctor will not work (a leave not yet in the schedule). */
    excludeDates?: readonly string[];
  },
): Promise<{ date: string; time: string }> {
  const original = instantToLocal(appointment.startsAt, context.timeZone);
  const from = [addDays(original.date, -15), context.today].sort().at(-1)!;
  const excluded = doctorId === appointment.doctorId ? (context.excludeDates ?? []) : [];
  const days = (
    await client.call('slots.list', { doctorId, fromDate: from, toDate: addDays(from, 30) })
  ).filter((d) => !excluded.includes(d.date));
  const start = proposeMove(original, days, context.taken, {
    sameDay: doctorId !== appointment.doctorId,
  });
  const local = start ? instantToLocal(start, context.timeZone) : null;
  return { date: local?.date ?? '', time: local?.time ?? '' };
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
    const time = await proposeFor(client, a, a.doctorId, { timeZone, today, taken, excludeDates });
    rows.push({ appointmentId: a.id, ...time, doctorId: a.doctorId });
  }
  return rows;
}

/**
 * The row of a booking switched to another doctor, with a time proposed afresh from that
 * doctor's free slots (their own day first: a colleague may see the patient at the same time),
 * leaving out the times the other rows already give that doctor.
 */
export async function proposeWithDoctor(
  client: ApiClient,
  appointment: Appointment,
  doctorId: string,
  others: readonly MoveRow[],
  context: { timeZone: string; today: string },
): Promise<MoveRow> {
  const taken = new Set(
    others
      .filter((r) => r.doctorId === doctorId && r.appointmentId !== appointment.id && r.date && r.time)
      .map((r) => localToInstant(r.date, r.time, context.timeZone)),
  );
  const time = await proposeFor(client, appointment, doctorId, { ...context, taken });
  return { appointmentId: appointment.id, ...time, doctorId };
}
