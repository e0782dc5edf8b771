/**
 * Queue wait estimates (docs/product.md §7). Worked example that must hold: now 10:15, current patient started
 * 10:00, average consultation 30 min, 3 patients ahead → 15 + 3 × 30 = 105 min → called at 12:00.
 * Waiting patients are seen only in the doctor's working time (windows minus breaks and leave):
 * before the first window the estimate starts at its start, and a break adds its length.
 */
import type { Interval } from './interval';

const MINUTE_MS = 60_000;

export interface AverageConsultationOptions {
  /** How many of the most recent usable consultations to average (default 20). */
  sampleSize?: number;
  /** Fewer usable samples than this falls back to the session length (default 3). */
  minSamples?: number;
  /** Durations below this many minutes are outliers, e.g. opened by mistake (default 1). */
  minMinutes?: number;
  /** Durations above this multiple of the session length are outliers, e.g. never closed (default 4). */
  maxSessionMultiple?: number;
}

/**
 * The average consultation length for a doctor, learned from recent completed consultations.
 * `recentDurationsMinutes` is ordered most recent first (as a query sorted by end time descending
 * returns them). Outliers (shorter than 1 minute or longer than 4 × the session length) are ignored,
 * then the most recent 20 usable durations are averaged and rounded to a whole minute. With fewer
 * than 3 usable durations the session length is used instead. Never less than 1 minute.
 */
export function averageConsultationMinutes(
  recentDurationsMinutes: readonly number[],
  sessionMinutes: number,
  options: AverageConsultationOptions = {},
): number {
  if (!Number.isFinite(sessionMinutes) || sessionMinutes <= 0) {
    throw new RangeError(
      `session length must be a positive number of minutes, got ${String(sessionMinutes)}`,
    );
  }
  const { sampleSize = 20, minSamples = 3, minMinutes = 1, maxSessionMultiple = 4 } = options;
  const maxMinutes = maxSessionMultiple * sessionMinutes;
  const usable = recentDurationsMinutes
    .filter((minutes) => Number.isFinite(minutes) && minutes >= minMinutes && minutes <= maxMinutes)
    .slice(0, sampleSize);
  if (usable.length < Math.max(1, minSamples)) return Math.max(1, Math.round(sessionMinutes));
  const mean = usable.reduce((total, minutes) => total + minutes, 0) / usable.length;
  return Math.max(1, Math.round(mean));
}

export interface WaitEstimateInput<T extends { id: string }> {
  /** The current instant, ISO 8601 with an offset (normally UTC, …Z). */
  now: string;
  /** The patient in consultation, if any. */
  current: { startedAt: string } | null;
  /** Average consultation length in whole minutes (see averageConsultationMinutes). */
  averageMinutes: number;
  /** Waiting entries in queue order (first is called next). */
  waiting: readonly T[];
  /**
   * The doctor's working time of the day (epoch ms, after leave), in any order. Absent or empty:
   * time is counted from now without regard to hours (e.g. the doctor is not scheduled today).
   */
  workingTime?: readonly Interval[];
}

export interface WaitEstimate {
  id: string;
  /** Waiting patients ahead of this one (the patient in consultation is not counted). */
  patientsAhead: number;
  waitMinutes: number;
  /** now + waitMinutes, as a UTC ISO instant. */
  estimatedCallAt: string;
}

/** Parses an ISO instant that states its offset; refuses zone-less text, which would mean "local time". */
function parseInstant(value: string, what: string): number {
  const ms = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(
      `${what} must be an ISO instant with an offset such as 2026-11-21T04:45:00Z, got "${value}"`,
    );
  }
  return ms;
}

function assertAverage(averageMinutes: number): void {
  if (!Number.isSafeInteger(averageMinutes) || averageMinutes < 1) {
    throw new RangeError(
      `average consultation must be a whole number of minutes ≥ 1, got ${String(averageMinutes)}`,
    );
  }
}

/**
 * Minutes left for the patient in consultation: the average minus the time elapsed, rounded up to a
 * whole minute; 0 when nobody is in consultation or the consultation has overrun the average.
 */
export function remainingCurrentMinutes(
  now: string,
  current: { startedAt: string } | null,
  averageMinutes: number,
): number {
  assertAverage(averageMinutes);
  const nowMs = parseInstant(now, 'now');
  if (current === null) return 0;
  const elapsedMs = Math.max(0, nowMs - parseInstant(current.startedAt, 'startedAt'));
  return Math.max(0, Math.ceil((averageMinutes * MINUTE_MS - elapsedMs) / MINUTE_MS));
}

/**
 * The instant reached after `durationMs` of working time from `fromMs`: time outside the pieces
 * does not count, a zero duration before a piece waits for its start (one that ends exactly at a
 * piece's end moves to the next piece), and past the last piece the doctor runs over (time counts
 * again). Without pieces, plain addition.
 */
export function addWorkingTime(fromMs: number, durationMs: number, pieces: readonly Interval[]): number {
  const sorted = pieces.filter((p) => p.start < p.end).sort((a, b) => a.start - b.start);
  let cursor = fromMs;
  let left = durationMs;
  for (const piece of sorted) {
    if (piece.end <= cursor) continue;
    if (cursor < piece.start) cursor = piece.start;
    const available = piece.end - cursor;
    if (left < available) return cursor + left;
    left -= available;
    cursor = piece.end;
  }
  return cursor + left;
}

/**
 * Estimated wait for each waiting entry: for the entry with k patients ahead of it, the remaining
 * time of the current consultation (counted from now: the doctor is seeing them) + k × average
 * of the doctor's working time; see `workingTime`.
 */
export function estimateWaits<T extends { id: string }>({
  now,
  current,
  averageMinutes,
  waiting,
  workingTime = [],
}: WaitEstimateInput<T>): WaitEstimate[] {
  assertAverage(averageMinutes);
  const nowMs = parseInstant(now, 'now');
  const freeAt = nowMs + remainingCurrentMinutes(now, current, averageMinutes) * MINUTE_MS;
  return waiting.map((entry, patientsAhead) => {
    const callAt = addWorkingTime(freeAt, patientsAhead * averageMinutes * MINUTE_MS, workingTime);
    return {
      id: entry.id,
      patientsAhead,
      waitMinutes: untilMinutes(callAt - nowMs),
      estimatedCallAt: new Date(callAt).toISOString(),
    };
  });
}

/** Check-ins this long before the appointment's start are flagged (the estimate may be misleading). */
export const EARLY_CHECK_IN_MINUTES = 120;

/** Minutes a check-in came before its appointment's start, when more than EARLY_CHECK_IN_MINUTES; else null. */
export function earlyCheckInMinutes(checkedInAt: string, startsAt: string): number | null {
  const early = Math.floor(
    (parseInstant(startsAt, 'startsAt') - parseInstant(checkedInAt, 'checkedInAt')) / MINUTE_MS,
  );
  return early > EARLY_CHECK_IN_MINUTES ? early : null;
}

/** Whole minutes a patient has been waiting since check-in (rounded down, never negative). */
export function waitingMinutes(checkedInAt: string, now: string): number {
  const elapsedMs = parseInstant(now, 'now') - parseInstant(checkedInAt, 'checkedInAt');
  return Math.max(0, Math.floor(elapsedMs / MINUTE_MS));
}

/** Whole minutes of an estimate, rounded up: a call is never promised sooner than estimated. */
const untilMinutes = (ms: number) => Math.max(0, Math.ceil(ms / MINUTE_MS));

/**
 * Minutes until an estimated call, counted down against `now` (the hub's clock): the same figure
 * the hub sends as `estimatedWaitMinutes`, ticking on screen between refreshes. Reception's and the
 * doctor's queues both show this.
 */
export function minutesUntilCall(estimatedCallAt: string, now: string): number {
  return untilMinutes(parseInstant(estimatedCallAt, 'estimatedCallAt') - parseInstant(now, 'now'));
}

/**
 * "5 min", "1 h 05 min". The rules above decide the direction of their rounding (waited: down,
 * estimates: up) and give whole minutes; any other figure is shown to the nearest minute.
 */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
