import type { Buffers, WeeklyWindow } from '@shared/domain/schedule.schema';
import type { Interval } from './interval';
import { type ExceptionLike, type WorkingPiece, workingDays } from './working-day';
import { addDays, toEpochMs } from './zoned-time';

/**
 * Available slots (docs/product.md §4): the day's windows minus leave, on a grid that starts at each window
 * (or leave-cut piece) start and steps by session + buffer before + buffer after in elapsed time;
 * a slot is offered when it ends inside its piece, its occupied interval [start − before, end + after)
 * overlaps no busy occupied interval, and it starts at or after now + the minimum notice.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Longest range availableSlotsForRange computes at once. */
export const MAX_RANGE_DAYS = 366;

/** An existing active appointment of the doctor, with the buffers recorded with it. */
export interface BusyAppointment {
  start: string | number;
  end: string | number;
  bufferBefore: number;
  bufferAfter: number;
}

interface SlotRules {
  /** The clinic's IANA zone. */
  zone: string;
  sessionMinutes: number;
  buffers: Buffers;
  /** All of the doctor's weekly windows; the date's weekday is picked here. */
  weeklyWindows: readonly WeeklyWindow[];
  /** The doctor's exceptions; those of the date apply. */
  exceptions: readonly ExceptionLike[];
  busy: readonly BusyAppointment[];
  /** ISO instant or epoch ms. */
  now: string | number;
  minNoticeMinutes: number;
}

export interface SlotInput extends SlotRules {
  date: string;
}

export interface SlotRangeInput extends SlotRules {
  /** Inclusive clinic dates. */
  fromDate: string;
  toDate: string;
}

export interface Slot {
  /** ISO instants. */
  start: string;
  end: string;
  /** Wall-clock start in the clinic zone, HH:MM. */
  localTime: string;
  roomId: string | null;
}

export const DOCTOR_NOT_AVAILABLE = 'Doctor not available';

export type SlotAvailability =
  | { available: false; reason: 'leave' | 'not_working'; message: typeof DOCTOR_NOT_AVAILABLE }
  | { available: true; slots: Slot[] };

export type DaySlots = { date: string } & SlotAvailability;

/** Busy occupied intervals sorted by start, with the running maximum end, for O(log n) overlap tests. */
interface BusyIndex {
  starts: number[];
  maxEnds: number[];
}

function buildBusyIndex(busy: readonly BusyAppointment[]): BusyIndex {
  const occupied = busy
    .map((b) => ({
      start: toEpochMs(b.start) - b.bufferBefore * MINUTE_MS,
      end: toEpochMs(b.end) + b.bufferAfter * MINUTE_MS,
    }))
    .filter((b) => b.start < b.end)
    .sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  let maxEnd = -Infinity;
  for (const b of occupied) {
    maxEnd = Math.max(maxEnd, b.end);
    starts.push(b.start);
    maxEnds.push(maxEnd);
  }
  return { starts, maxEnds };
}

/** Whether [start, end) overlaps any busy interval: among those starting before `end`, one ends after `start`. */
function isBusy(index: BusyIndex, occupied: Interval): boolean {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.starts[mid]! < occupied.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && index.maxEnds[lo - 1]! > occupied.start;
}

function checkRules(rules: SlotRules): void {
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!whole(rules.sessionMinutes, 1)) throw new RangeError('sessionMinutes must be a positive whole number');
  if (!whole(rules.buffers.before, 0) || !whole(rules.buffers.after, 0)) {
    throw new RangeError('buffers must be whole numbers of minutes, 0 or more');
  }
  if (!Number.isFinite(rules.minNoticeMinutes)) throw new RangeError('minNoticeMinutes must be a number');
}

/** The room of the first window the slot starts in. */
function roomAt(piece: WorkingPiece, start: number): string | null {
  return piece.windows.find((w) => w.start <= start && start < w.end)?.roomId ?? null;
}

function unavailable(reason: 'leave' | 'not_working'): SlotAvailability {
  return { available: false, reason, message: DOCTOR_NOT_AVAILABLE };
}

function slotEngine(rules: SlotRules) {
  checkRules(rules);
  const dayOf = workingDays(rules.zone, rules.weeklyWindows, rules.exceptions);
  const index = buildBusyIndex(rules.busy);
  const session = rules.sessionMinutes * MINUTE_MS;
  const before = rules.buffers.before * MINUTE_MS;
  const after = rules.buffers.after * MINUTE_MS;
  const step = session + before + after;
  const earliest = toEpochMs(rules.now) + rules.minNoticeMinutes * MINUTE_MS;

  return (date: string): SlotAvailability => {
    const day = dayOf(date);
    if (day.kind !== 'working') return unavailable(day.kind);
    const slots: Slot[] = [];
    for (const piece of day.pieces) {
      // Pieces are sorted and disjoint (windows merged, leave cut out), so starts stay sorted and unique.
      // Skip grid points before the notice horizon without visiting them.
      const skip = earliest > piece.start ? Math.ceil((earliest - piece.start) / step) : 0;
      for (let start = piece.start + skip * step; start + session <= piece.end; start += step) {
        if (isBusy(index, { start: start - before, end: start + session + after })) continue;
        slots.push({
          start: new Date(start).toISOString(),
          end: new Date(start + session).toISOString(),
          localTime: day.clock.localTime(start),
          roomId: roomAt(piece, start),
        });
      }
    }
    return { available: true, slots };
  };
}

/** Available slots of one doctor on one clinic date. */
export function availableSlots(input: SlotInput): SlotAvailability {
  return slotEngine(input)(input.date);
}

/** Available slots for each date from fromDate to toDate inclusive, sharing the busy index and schedule. */
export function availableSlotsForRange(input: SlotRangeInput): DaySlots[] {
  // addDays validates both dates (YYYY-MM-DD, a real calendar date).
  const days = Math.round(
    (Date.parse(addDays(input.toDate, 0)) - Date.parse(addDays(input.fromDate, 0))) / DAY_MS,
  );
  if (days < 0) throw new RangeError('toDate must not be before fromDate');
  if (days >= MAX_RANGE_DAYS) throw new RangeError(`a range covers at most ${MAX_RANGE_DAYS} days`);
  const slotsOn = slotEngine(input);
  const result: DaySlots[] = [];
  for (let i = 0; i <= days; i++) {
    const date = addDays(input.fromDate, i);
    result.push({ date, ...slotsOn(date) });
  }
  return result;
}
