import type { Appointment } from '@shared/domain/appointment.schema';
import type { ScheduleException, WeeklyWindow } from '@shared/domain/schedule.schema';
import { failure } from '@shared/contract/errors';
import { findScheduleCollisions } from '@shared/rules/conflicts';
import { instantToLocal } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { appointmentFromRow, appointmentLike } from './appointment-rows';
import { activeBookings, type BookedRow } from './schedule.repository';

export interface Collision {
  row: BookedRow;
  reason: 'leave' | 'outside_hours';
}

/**
 * Bookings from now on that a doctor's schedule (weekly windows and exceptions, as they would be)
 * leaves outside working time (docs/product.md §3). `onDate` narrows to one date (an exception's).
 */
export function scheduleCollisions(
  ctx: HandlerContext,
  doctorId: string,
  weekly: readonly WeeklyWindow[],
  exceptions: readonly ScheduleException[],
  onDate?: string,
): Collision[] {
  const rows = activeBookings(ctx.db, doctorId, Date.parse(ctx.now), onDate);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return findScheduleCollisions(weekly, exceptions, rows.map(appointmentLike), ctx.settings().timeZone).map(
    (collision) => ({ row: byId.get(collision.appointment.id)!, reason: collision.reason }),
  );
}

export function collisionAppointments(collisions: readonly Collision[]): Appointment[] {
  return collisions.map(({ row: { patientCode: _code, patientName: _name, ...row } }) =>
    appointmentFromRow(row),
  );
}

const SHOWN = 15;

/** "Mon 2026-11-30 10:00 PAT000012 Asha Rao" for staff messages. */
export function describeBooking(row: BookedRow, zone: string): string {
  const local = instantToLocal(row.startsAt, zone);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][local.weekday - 1];
  return `${weekday} ${local.date} ${local.time} ${row.patientCode} ${row.patientName}`;
}

/** The first bookings of a list, "; and N more" for the rest. */
export function describeBookings(
  rows: readonly BookedRow[],
  zone: string,
  suffix?: (row: BookedRow) => string,
) {
  const lines = rows.slice(0, SHOWN).map((row) => describeBooking(row, zone) + (suffix ? suffix(row) : ''));
  const more = rows.length > SHOWN ? `; and ${rows.length - SHOWN} more` : '';
  return lines.join('; ') + more;
}

export function describeCollisions(collisions: readonly Collision[], zone: string): string {
  const reasons = new Map(collisions.map((c) => [c.row.id, c.reason]));
  return describeBookings(
    collisions.map((c) => c.row),
    zone,
    (row) => (reasons.get(row.id) === 'leave' ? ' (on leave)' : ' (outside working hours)'),
  );
}

/**
 * Refuses a change that strands bookings unless the user has seen them and confirmed; nothing is
 * changed then. Confirmed, the change applies and the bookings stay as they are, to be moved.
 */
export function guardCollisions(
  ctx: HandlerContext,
  collisions: readonly Collision[],
  acknowledged: boolean,
  doctorName: string,
): void {
  if (collisions.length === 0 || acknowledged) return;
  const count = collisions.length === 1 ? '1 booked appointment' : `${collisions.length} booked appointments`;
  throw failure(
    'CONFLICT',
    `${count} would fall outside ${doctorName}’s working time: ` +
      `${describeCollisions(collisions, ctx.settings().timeZone)}. Nothing was changed. ` +
      'Confirm to apply the change and then move these appointments (bulk reschedule), or adjust the change.',
  );
}
