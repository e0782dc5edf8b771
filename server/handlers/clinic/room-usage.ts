import type { ScheduleException, WeeklyWindow } from '@shared/domain/schedule.schema';
import { type WorkingDay, workingDay } from '@shared/rules/working-day';
import { weekdayOf } from '@shared/rules/zoned-time';
import type { Db } from '@server/db/database';
import { exceptionsOn, toWeeklyWindow } from './schedule.repository';

/** A doctor holding a room over [start, end) (epoch ms). */
export interface RoomUse {
  roomId: string;
  doctorId: string;
  start: number;
  end: number;
}

/** The roomed parts of a working day, after leave. */
export function roomUsesOfDay(doctorId: string, day: WorkingDay): RoomUse[] {
  if (day.kind !== 'working') return [];
  return day.pieces.flatMap((piece) =>
    piece.windows.flatMap((window) => {
      const start = Math.max(window.start, piece.start);
      const end = Math.min(window.end, piece.end);
      return window.roomId && start < end ? [{ roomId: window.roomId, doctorId, start, end }] : [];
    }),
  );
}

/**
 * Which active doctor uses which room on a date: weekly windows of that weekday plus extra
 * windows, minus leave (docs/product.md §3: a room cannot host two doctors at once).
 */
export function roomUsageOn(db: Db, date: string, zone: string): RoomUse[] {
  const active = new Set(
    db.all(db.q.selectFrom('doctors').select('id').where('active', '=', 1)).map((row) => row.id),
  );
  const windows = new Map<string, WeeklyWindow[]>();
  const rows = db.all(db.q.selectFrom('weekly_windows').selectAll().where('weekday', '=', weekdayOf(date)));
  for (const row of rows)
    windows.set(row.doctorId, [...(windows.get(row.doctorId) ?? []), toWeeklyWindow(row)]);
  const exceptions: Map<string, ScheduleException[]> = exceptionsOn(db, date);
  const doctors = [...new Set([...windows.keys(), ...exceptions.keys()])].filter((id) => active.has(id));
  return doctors
    .flatMap((doctorId) =>
      roomUsesOfDay(
        doctorId,
        workingDay(date, zone, windows.get(doctorId) ?? [], exceptions.get(doctorId) ?? []),
      ),
    )
    .sort(
      (a, b) => a.roomId.localeCompare(b.roomId) || a.start - b.start || a.doctorId.localeCompare(b.doctorId),
    );
}
