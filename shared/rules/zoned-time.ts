import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock ↔ instant conversion in the clinic's IANA zone (docs/architecture.md (Data): all zone arithmetic
 * through luxon). Inside the rules, instants are epoch milliseconds; ISO strings only at the edges.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets on Earth lie within −12h … +14h; checking ±14h around a date covers all its instants. */
const OFFSET_SPAN_MS = 14 * 60 * MINUTE_MS;

/** Thrown when a wall-clock time falls in a DST gap (the clocks skip it). */
export class NonexistentLocalTimeError extends Error {
  constructor(
    readonly date: string,
    readonly time: string,
    readonly zone: string,
  ) {
    super(`${time} does not exist on ${date} in ${zone} (clocks go forward)`);
    this.name = 'NonexistentLocalTimeError';
  }
}

/** A local wall-clock instant viewed in the clinic zone. */
export interface LocalDateTime {
  date: string;
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** How a wall-clock time maps onto instants. */
export type LocalResolution =
  | { kind: 'exact'; at: number }
  | { kind: 'ambiguous'; earlier: number; later: number }
  | { kind: 'gap'; jump: number };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Epoch ms of a UTC calendar reading. `Date.UTC` reads years 0–99 as 1900–1999; setUTCFullYear
 * takes the year as given. Days past the month's end roll over (used by addDays).
 */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, 0, 0);
  return at.getTime();
}

/** YYYY-MM-DD of a UTC reading, the year padded to four digits. */
function utcDate(at: Date): string {
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())}`;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || utcDate(new Date(utcMs(year, month, day))) !== date) {
    throw new RangeError(`${date} is not a date YYYY-MM-DD`);
  }
  return { year, month, day };
}

export function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`${time} is not a time HH:MM (00:00–23:59)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function zoneOf(zone: string): IANAZone {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(`${zone} is not an IANA time zone`);
  return iana;
}

const HOUR_MS = 60 * MINUTE_MS;
const offsetCache = new Map<string, Map<number, number | null>>();
const OFFSET_CACHE_LIMIT = 50_000;

/**
 * The zone's offset (minutes) at an instant. luxon asks Intl for it each time, which costs tens of
 * microseconds, so offsets are remembered per UTC hour: an hour whose two ends have one offset has
 * it throughout (no zone changes its clocks twice within an hour). An hour with a change inside
 * is asked about each time.
 */
function offsetAt(iana: IANAZone, at: number): number {
  let hours = offsetCache.get(iana.name);
  if (!hours) offsetCache.set(iana.name, (hours = new Map<number, number | null>()));
  const hour = Math.floor(at / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    if (hours.size >= OFFSET_CACHE_LIMIT) hours.clear();
    const start = iana.offset(hour * HOUR_MS);
    offset = start === iana.offset((hour + 1) * HOUR_MS - 1) ? start : null;
    hours.set(hour, offset);
  }
  return offset ?? iana.offset(at);
}

/** The wall-clock reading (date and time) as if it were UTC, in epoch ms: "local ms". */
function localMs(date: string, time: string): number {
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  return utcMs(year, month, day, hour, minute);
}

/** The exact instant the clock jumps, found between an instant before it and one after it. */
function transitionBetween(iana: IANAZone, before: number, after: number): number {
  const offsetBefore = iana.offset(before);
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (iana.offset(mid) === offsetBefore) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Precise resolution with luxon: exact, ambiguous (fall back) or in a gap (spring forward). */
export function resolveLocal(date: string, time: string, zone: string): LocalResolution {
  const iana = zoneOf(zone);
  const { year, month, day } = parseDate(date);
  const { hour, minute } = parseTime(time);
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: iana });
  if (dt.year !== year || dt.month !== month || dt.day !== day || dt.hour !== hour || dt.minute !== minute) {
    // luxon moved a nonexistent time forward by the gap; dt is after the jump, at the later offset.
    const beforeJump = localMs(date, time) - dt.offset * MINUTE_MS;
    return { kind: 'gap', jump: transitionBetween(iana, beforeJump, dt.toMillis()) };
  }
  const candidates = dt.getPossibleOffsets().map((d) => d.toMillis());
  const earlier = Math.min(...candidates);
  const later = Math.max(...candidates);
  return earlier === later ? { kind: 'exact', at: earlier } : { kind: 'ambiguous', earlier, later };
}

/**
 * The UTC instant (ISO, e.g. 2026-11-21T03:30:00.000Z) of a wall-clock time on a date in a zone.
 * A time that occurs twice (clocks go back) gives the earlier instant; a time that does not exist
 * (clocks go forward) throws NonexistentLocalTimeError.
 */
export function localToInstant(date: string, time: string, zone: string): string {
  const resolved = resolveLocal(date, time, zone);
  switch (resolved.kind) {
    case 'exact':
      return new Date(resolved.at).toISOString();
    case 'ambiguous':
      return new Date(resolved.earlier).toISOString();
    case 'gap':
      throw new NonexistentLocalTimeError(date, time, zone);
  }
}

/** A clinic date's clock: converts wall times of that date to instants, fast when no transition is near. */
export interface DayClock {
  readonly date: string;
  /** Earliest instant whose wall time is at/after `time` on this date (the jump instant in a gap). */
  startOf(time: string): number;
  /** End edge of a window: the later occurrence if ambiguous, the jump instant in a gap. */
  endOf(time: string): number;
  /** The wall time HH:MM of an instant. */
  localTime(at: number): string;
}

export function dayClock(date: string, zone: string): DayClock {
  const iana = zoneOf(zone);
  const midnight = localMs(date, '00:00');
  const offsetEarly = offsetAt(iana, midnight - OFFSET_SPAN_MS);
  const offsetLate = offsetAt(iana, midnight + DAY_MS + OFFSET_SPAN_MS);
  // Like luxon's getPossibleOffsets, assume at most one transition within a day either side:
  // equal offsets around the date mean one offset for all of its instants.
  const fixed = offsetEarly === offsetLate ? offsetEarly * MINUTE_MS : null;
  const edge = (time: string, pick: 'earlier' | 'later') => {
    if (fixed !== null) return localMs(date, time) - fixed;
    const resolved = resolveLocal(date, time, zone);
    if (resolved.kind === 'exact') return resolved.at;
    if (resolved.kind === 'gap') return resolved.jump;
    return resolved[pick];
  };
  return {
    date,
    startOf: (time) => edge(time, 'earlier'),
    endOf: (time) => edge(time, 'later'),
    localTime: (at) => {
      const local = new Date(at + (fixed ?? offsetAt(iana, at) * MINUTE_MS));
      return `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
    },
  };
}

/**
 * The instants whose wall time lies in [start, end) on that date: start → earliest instant at/after
 * the wall time (the jump instant if start is in a gap); end → the later occurrence if ambiguous,
 * the jump instant if in a gap. Epoch ms; empty (start ≥ end) if the window lies wholly in a gap.
 */
export function windowToInterval(
  date: string,
  start: string,
  end: string,
  zone: string,
): { start: number; end: number } {
  const clock = dayClock(date, zone);
  return { start: clock.startOf(start), end: clock.endOf(end) };
}

/** Epoch ms of an ISO instant or of epoch ms; throws on anything else. */
export function toEpochMs(instant: string | number): number {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`${String(instant)} is not an instant`);
  return ms;
}

/** The wall-clock date, time and ISO weekday of an instant in a zone. */
export function instantToLocal(instant: string | number, zone: string): LocalDateTime {
  const at = toEpochMs(instant);
  const local = new Date(at + offsetAt(zoneOf(zone), at) * MINUTE_MS);
  const date = utcDate(local);
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  return { date, time, weekday: local.getUTCDay() || 7 };
}

/** The clinic date (YYYY-MM-DD) of an instant. */
export function clinicDate(instant: string | number, zone: string): string {
  return instantToLocal(instant, zone).date;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(utcMs(year, month, day)).getUTCDay() || 7;
}

/** The date `days` after (or before, if negative) a date. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return utcDate(new Date(utcMs(year, month, day + days)));
}
