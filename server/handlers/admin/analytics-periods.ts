import { DateTime, IANAZone } from 'luxon';
import { type RawBuilder, sql } from 'kysely';
import { addDays } from '@shared/rules/zoned-time';

export type Granularity = 'day' | 'week' | 'month';

/** Every date from `fromDate` to `toDate`, both included. */
export function datesBetween(fromDate: string, toDate: string): string[] {
  const dates: string[] = [];
  for (let date = fromDate; date <= toDate; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The period a clinic date belongs to: 2026-11-23, ISO week 2026-W48, or month 2026-11. */
export function periodOf(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return date.slice(0, 7);
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/** The same key computed by SQLite from a date column (must agree with periodOf; tested). */
export function periodSql(dateColumn: RawBuilder<unknown>, granularity: Granularity): RawBuilder<string> {
  if (granularity === 'day') return sql<string>`${dateColumn}`;
  if (granularity === 'month') return sql<string>`substr(${dateColumn}, 1, 7)`;
  return sql<string>`strftime('%G-W%V', ${dateColumn})`;
}

/** The periods touching a date range, in order (a range's first and last weeks may be partial). */
export function periodsBetween(fromDate: string, toDate: string, granularity: Granularity): string[] {
  return [...new Set(datesBetween(fromDate, toDate).map((date) => periodOf(date, granularity)))];
}

/** The zone's UTC offset (minutes) from an instant on, until the next change (null: to the end). */
export interface OffsetSegment {
  offsetMinutes: number;
  untilMs: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The clinic zone's UTC offsets over [fromMs, toMs): one segment per offset in force, split at
 * each daylight-saving change (found to the millisecond). A year in Kolkata is one segment; in a
 * zone with daylight saving, three. SQL then turns instants into local wall-clock values with
 * a CASE over these few boundaries — exact across DST, and cheap inside an aggregate.
 */
export function offsetSegments(fromMs: number, toMs: number, zone: string): OffsetSegment[] {
  const tz = IANAZone.create(zone);
  const segments: OffsetSegment[] = [];
  let current = tz.offset(fromMs);
  let known = fromMs;
  while (known < toMs) {
    const probe = Math.min(known + DAY_MS, toMs);
    const next = tz.offset(probe);
    if (next !== current) {
      let before = known;
      let after = probe;
      while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        if (tz.offset(middle) === current) before = middle;
        else after = middle;
      }
      segments.push({ offsetMinutes: current, untilMs: after });
      current = next;
    }
    known = probe;
  }
  segments.push({ offsetMinutes: current, untilMs: null });
  return segments;
}

/**
 * A value that depends on the offset in force at a row's instant: `CASE WHEN <before the first
 * change> THEN … ELSE … END`, or the value alone when the offset never changes in the range.
 */
export function byOffset<T>(
  segments: readonly OffsetSegment[],
  before: (untilMs: number) => RawBuilder<unknown>,
  value: (offsetMinutes: number) => RawBuilder<T>,
): RawBuilder<T> {
  const last = segments[segments.length - 1]!;
  if (segments.length === 1) return value(last.offsetMinutes);
  const branches = segments
    .slice(0, -1)
    .map((segment) => sql`WHEN ${before(segment.untilMs!)} THEN ${value(segment.offsetMinutes)}`);
  return sql<T>`(CASE ${sql.join(branches, sql` `)} ELSE ${value(last.offsetMinutes)} END)`;
}
