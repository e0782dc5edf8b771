import type { ScheduleException, WeeklyWindow } from '@shared/domain/schedule.schema';
import { type Interval, overlaps } from './interval';
import { type DayClock, dayClock, weekdayOf } from './zoned-time';

/** A working window as instants, with the room it is held in. */
export interface RoomedInterval extends Interval {
  roomId: string | null;
}

/** A stretch of working time; `windows` are the (possibly overlapping) windows it was merged from. */
export interface WorkingPiece extends Interval {
  windows: readonly RoomedInterval[];
}

export type WorkingDay =
  | { kind: 'leave' | 'not_working' }
  /** `windows`: the day's windows merged, before leave; `pieces`: what is left after leave. */
  | { kind: 'working'; windows: WorkingPiece[]; pieces: WorkingPiece[]; clock: DayClock };

export type ExceptionLike = Pick<ScheduleException, 'date' | 'kind' | 'window'>;

function mergeWindows(intervals: RoomedInterval[]): WorkingPiece[] {
  const sorted = intervals.filter((w) => w.start < w.end).sort((a, b) => a.start - b.start);
  const merged: WorkingPiece[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    // Only overlapping windows merge; touching ones keep their own grid (docs/product.md §4).
    if (last && w.start < last.end) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, w.end),
        windows: [...last.windows, w],
      };
    } else {
      merged.push({ start: w.start, end: w.end, windows: [w] });
    }
  }
  return merged;
}

function subtract(pieces: WorkingPiece[], cuts: Interval[]): WorkingPiece[] {
  let result = pieces;
  for (const cut of cuts) {
    result = result.flatMap((p) => {
      if (!overlaps(p, cut)) return [p];
      const left = cut.start > p.start ? [{ ...p, end: cut.start }] : [];
      const right = cut.end < p.end ? [{ ...p, start: cut.end }] : [];
      return [...left, ...right];
    });
  }
  return result;
}

/**
 * Working time by date for one doctor: weekly windows of the weekday plus extra windows, minus
 * leave (a whole-day leave removes everything). Days are computed once and cached.
 */
export function workingDays(
  zone: string,
  weeklyWindows: readonly WeeklyWindow[],
  exceptions: readonly ExceptionLike[],
): (date: string) => WorkingDay {
  const byWeekday = new Map<number, WeeklyWindow[]>();
  for (const w of weeklyWindows) byWeekday.set(w.weekday, [...(byWeekday.get(w.weekday) ?? []), w]);
  const byDate = new Map<string, ExceptionLike[]>();
  for (const e of exceptions) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const cache = new Map<string, WorkingDay>();

  const compute = (date: string): WorkingDay => {
    const dayExceptions = byDate.get(date) ?? [];
    if (dayExceptions.some((e) => e.kind === 'leave' && e.window === null)) return { kind: 'leave' };
    const extras = dayExceptions.flatMap((e) => (e.kind === 'extra' && e.window ? [e.window] : []));
    const leaves = dayExceptions.flatMap((e) => (e.kind === 'leave' && e.window ? [e.window] : []));
    const dayWindows = [...(byWeekday.get(weekdayOf(date)) ?? []), ...extras];
    if (dayWindows.length === 0) return { kind: 'not_working' };
    const clock = dayClock(date, zone);
    const toInterval = (w: { start: string; end: string }) => ({
      start: clock.startOf(w.start),
      end: clock.endOf(w.end),
    });
    const windows = mergeWindows(dayWindows.map((w) => ({ ...toInterval(w), roomId: w.roomId })));
    if (windows.length === 0) return { kind: 'not_working' };
    const pieces = subtract(windows, leaves.map(toInterval));
    return pieces.length === 0 ? { kind: 'leave' } : { kind: 'working', windows, pieces, clock };
  };

  return (date) => {
    let day = cache.get(date);
    if (!day) {
      day = compute(date);
      cache.set(date, day);
    }
    return day;
  };
}

/** Working time of one date (see workingDays). */
export function workingDay(
  date: string,
  zone: string,
  weeklyWindows: readonly WeeklyWindow[],
  exceptions: readonly ExceptionLike[],
): WorkingDay {
  return workingDays(zone, weeklyWindows, exceptions)(date);
}
