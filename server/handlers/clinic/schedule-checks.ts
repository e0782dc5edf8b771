import { failure } from '@shared/contract/errors';
import {
  type ScheduleException,
  type WeeklyWindow,
  weeklyScheduleSchema,
} from '@shared/domain/schedule.schema';
import { roomConflicts } from '@shared/rules/conflicts';
import { localToInstant, NonexistentLocalTimeError, windowToInterval } from '@shared/rules/zoned-time';
import { fieldErrors } from '@shared/validation/format-error';
import type { HandlerContext } from '@server/core/handler';
import { roomUsageOn } from './room-usage';
import { weeklyWindowsByDoctor } from './schedule.repository';

/** Checks of a schedule change that need the database: overlaps, rooms, clashes, DST gaps. */

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function nameOf(ctx: HandlerContext, table: 'rooms' | 'doctors', id: string): string {
  if (table === 'rooms') {
    return ctx.db.first(ctx.db.q.selectFrom('rooms').select('name').where('id', '=', id))?.name ?? 'a room';
  }
  return (
    ctx.db.first(ctx.db.q.selectFrom('doctors').select('fullName').where('id', '=', id))?.fullName ??
    'another doctor'
  );
}

function assertRoomsExist(ctx: HandlerContext, roomIds: { field: string; roomId: string | null }[]) {
  const missing = roomIds.filter(
    ({ roomId }) =>
      roomId && !ctx.db.first(ctx.db.q.selectFrom('rooms').select('id').where('id', '=', roomId)),
  );
  if (missing.length > 0) {
    throw failure('VALIDATION', `No such room: please choose one of the clinic’s rooms.`, {
      fields: missing.map(({ field }) => ({ field, message: 'is not a room of this clinic' })),
    });
  }
}

/** Windows of one weekday must not overlap; rooms must exist; no room may host two doctors at once. */
export function assertWeeklyWindowsValid(
  ctx: HandlerContext,
  doctorId: string,
  windows: WeeklyWindow[],
): void {
  const parsed = weeklyScheduleSchema.safeParse({ doctorId, windows });
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
  }
  assertRoomsExist(
    ctx,
    windows.map((w, index) => ({ field: `windows.${index}.roomId`, roomId: w.roomId })),
  );
  const byDoctor = weeklyWindowsByDoctor(ctx.db, doctorId);
  byDoctor.set(doctorId, windows);
  const clashes = roomConflicts(Object.fromEntries(byDoctor)).filter(
    (c) => c.first.doctorId === doctorId || c.second.doctorId === doctorId,
  );
  if (clashes.length === 0) return;
  const fields = clashes.map((clash) => {
    const [own, other] =
      clash.first.doctorId === doctorId ? [clash.first, clash.second] : [clash.second, clash.first];
    return {
      field: `windows.${windows.indexOf(own.window)}.roomId`,
      message:
        `${nameOf(ctx, 'rooms', clash.roomId)} is used by ${nameOf(ctx, 'doctors', other.doctorId)} on ` +
        `${weekdayNames[clash.weekday - 1]} ${other.window.start}–${other.window.end}`,
    };
  });
  throw failure(
    'CONFLICT',
    `A room cannot host two doctors at once: ${fields.map((f) => f.message).join('; ')}. ` +
      'Choose another room or other times.',
    { fields },
  );
}

/** The exception's window must exist on its date (no DST gap), its room must exist and be free. */
export function assertExceptionValid(ctx: HandlerContext, exception: ScheduleException): void {
  const { window, date } = exception;
  if (!window) return;
  const zone = ctx.settings().timeZone;
  for (const edge of ['start', 'end'] as const) {
    try {
      localToInstant(date, window[edge], zone);
    } catch (error) {
      if (!(error instanceof NonexistentLocalTimeError)) throw error;
      throw failure('VALIDATION', `${window[edge]} does not exist on ${date}: the clocks go forward then.`, {
        fields: [{ field: `exception.window.${edge}`, message: error.message }],
      });
    }
  }
  if (exception.kind !== 'extra' || !window.roomId) return;
  assertRoomsExist(ctx, [{ field: 'exception.window.roomId', roomId: window.roomId }]);
  const wanted = windowToInterval(date, window.start, window.end, zone);
  const clash = roomUsageOn(ctx.db, date, zone).find(
    (use) =>
      use.roomId === window.roomId &&
      use.doctorId !== exception.doctorId &&
      use.start < wanted.end &&
      wanted.start < use.end,
  );
  if (clash) {
    const message = `${nameOf(ctx, 'rooms', clash.roomId)} is used by ${nameOf(ctx, 'doctors', clash.doctorId)} then`;
    throw failure('CONFLICT', `A room cannot host two doctors at once: ${message} on ${date}.`, {
      fields: [{ field: 'exception.window.roomId', message }],
    });
  }
}
