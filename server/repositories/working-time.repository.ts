import type { TimeWindow } from '@shared/domain/schedule.schema';
import type { Interval } from '@shared/rules/interval';
import { workingDay } from '@shared/rules/working-day';
import type { Db } from '@server/db/database';

/**
 * A doctor's working time on one clinic date (epoch ms): weekly windows and extra windows,
 * with breaks (gaps between windows) and leave taken out; empty when not working that day.
 */
export function workingTimeOn(db: Db, doctorId: string, date: string, zone: string): Interval[] {
  const weeklyWindows = db.all(
    db.q
      .selectFrom('weekly_windows')
      .select(['weekday', 'start', 'end', 'roomId'])
      .where('doctorId', '=', doctorId),
  );
  const exceptions = db
    .all(
      db.q
        .selectFrom('schedule_exceptions')
        .select(['date', 'kind', 'window'])
        .where('doctorId', '=', doctorId)
        .where('date', '=', date),
    )
    .map((e) => ({ ...e, window: e.window === null ? null : (JSON.parse(e.window) as TimeWindow) }));
  const day = workingDay(date, zone, weeklyWindows, exceptions);
  return day.kind === 'working' ? day.pieces.map(({ start, end }) => ({ start, end })) : [];
}
