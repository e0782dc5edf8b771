import type { TimeWindow } from '@shared/domain/schedule.schema';
import { workingDay } from '@shared/rules/working-day';
import type { HandlerContext } from '@server/core/handler';

/**
 * The room a doctor works in on a date: the room of the window under way now, else of the next
 * window that day, else of the last one. Null when the day's windows name no room.
 */
export function doctorRoomOn(
  ctx: Pick<HandlerContext, 'db' | 'settings' | 'now'>,
  doctorId: string,
  date: string,
): { id: string; name: string } | null {
  const weekly = ctx.db.all(
    ctx.db.q
      .selectFrom('weekly_windows')
      .select(['weekday', 'start', 'end', 'roomId'])
      .where('doctorId', '=', doctorId),
  );
  const exceptions = ctx.db
    .all(
      ctx.db.q
        .selectFrom('schedule_exceptions')
        .select(['date', 'kind', 'window'])
        .where('doctorId', '=', doctorId)
        .where('date', '=', date),
    )
    .map((e) => ({ ...e, window: e.window === null ? null : (JSON.parse(e.window) as TimeWindow) }));
  const day = workingDay(date, ctx.settings().timeZone, weekly, exceptions);
  if (day.kind !== 'working') return null;
  const windows = day.windows
    .flatMap((piece) => piece.windows)
    .filter((w) => w.roomId !== null)
    .sort((a, b) => a.start - b.start);
  const now = Date.parse(ctx.now);
  const chosen =
    windows.find((w) => w.start <= now && now < w.end) ??
    windows.find((w) => w.start > now) ??
    windows.at(-1);
  if (!chosen?.roomId) return null;
  const room = ctx.db.first(
    ctx.db.q.selectFrom('rooms').select(['id', 'name']).where('id', '=', chosen.roomId),
  );
  return room ?? null;
}
