import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import { type Interval, overlaps } from './interval';
import type { ExceptionLike } from './working-day';
import { type BusyAppointment, type SlotInput, availableSlots, availableSlotsForRange } from './slots';
import { addDays, dayClock, weekdayOf } from './zoned-time';

const MINUTE = 60_000;
const ZONES = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'UTC'];
/** Ordinary dates and the DST change days of New York and London. */
const DATES = ['2026-11-23', '2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-06-17'];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A wall-clock window on a 5-minute grid, start < end ≤ 23:55. */
const windowArb = fc
  .tuple(fc.integer({ min: 0, max: 286 }), fc.integer({ min: 1, max: 96 }))
  .map(([s, len]) => ({ start: hhmm(s * 5), end: hhmm(Math.min(287, s + len) * 5) }));

const scenarioArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    date: fc.oneof(
      fc.constantFrom(...DATES),
      fc.integer({ min: 0, max: 730 }).map((n) => addDays('2026-01-01', n)),
    ),
    windows: fc.array(windowArb, { maxLength: 4 }),
    extras: fc.array(windowArb, { maxLength: 2 }),
    leaves: fc.array(windowArb, { maxLength: 2 }),
    wholeDayLeave: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
    sessionMinutes: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
    before: fc.integer({ min: 0, max: 15 }),
    after: fc.integer({ min: 0, max: 15 }),
    busy: fc.array(
      fc.record({
        offset: fc.integer({ min: -120, max: 1560 }),
        length: fc.integer({ min: 0, max: 120 }),
        bufferBefore: fc.integer({ min: 0, max: 15 }),
        bufferAfter: fc.integer({ min: 0, max: 15 }),
      }),
      { maxLength: 12 },
    ),
    nowOffset: fc.integer({ min: -1440, max: 1800 }),
    minNoticeMinutes: fc.integer({ min: 0, max: 240 }),
  })
  .map((s) => {
    const clock = dayClock(s.date, s.zone);
    const midnight = clock.startOf('00:00');
    const weekday = weekdayOf(s.date);
    // Decoys: a window on the next weekday and a leave the next day must not apply.
    const decoy = { weekday: (weekday % 7) + 1, start: '00:00', end: '23:55', roomId: null };
    const weeklyWindows: WeeklyWindow[] = [...s.windows.map((w) => ({ ...w, weekday, roomId: null })), decoy];
    const exceptions: ExceptionLike[] = [
      ...s.extras.map((w) => ({ date: s.date, kind: 'extra' as const, window: { ...w, roomId: 'room' } })),
      ...s.leaves.map((w) => ({ date: s.date, kind: 'leave' as const, window: { ...w, roomId: null } })),
      ...(s.wholeDayLeave ? [{ date: s.date, kind: 'leave' as const, window: null }] : []),
      { date: addDays(s.date, 1), kind: 'leave', window: null },
    ];
    const busy: BusyAppointment[] = s.busy.map((b) => ({
      start: new Date(midnight + b.offset * MINUTE).toISOString(),
      end: midnight + (b.offset + b.length) * MINUTE,
      bufferBefore: b.bufferBefore,
      bufferAfter: b.bufferAfter,
    }));
    const input: SlotInput = {
      date: s.date,
      zone: s.zone,
      sessionMinutes: s.sessionMinutes,
      buffers: { before: s.before, after: s.after },
      weeklyWindows,
      exceptions,
      busy,
      now: midnight + s.nowOffset * MINUTE,
      minNoticeMinutes: s.minNoticeMinutes,
    };
    const toInterval = (w: { start: string; end: string }) => ({
      start: clock.startOf(w.start),
      end: clock.endOf(w.end),
    });
    return {
      input,
      windows: [...s.windows, ...s.extras].map(toInterval),
      leaves: s.leaves.map(toInterval),
    };
  });

const toMs = (v: string | number) => (typeof v === 'number' ? v : Date.parse(v));
const busyOccupied = (b: BusyAppointment): Interval => ({
  start: toMs(b.start) - b.bufferBefore * MINUTE,
  end: toMs(b.end) + b.bufferAfter * MINUTE,
});
const slotOccupied = (input: SlotInput, slot: { start: string; end: string }): Interval => ({
  start: Date.parse(slot.start) - input.buffers.before * MINUTE,
  end: Date.parse(slot.end) + input.buffers.after * MINUTE,
});

/** The union of intervals, as disjoint sorted intervals. */
function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

const RUNS = { numRuns: 400 };

describe('availableSlots properties', () => {
  it('offered slots never overlap a busy occupied interval, buffers included', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const result = availableSlots(input);
        if (!result.available) return;
        for (const slot of result.slots) {
          for (const b of input.busy)
            expect(overlaps(slotOccupied(input, slot), busyOccupied(b))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('every slot lies inside the day’s windows and outside its leave', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, windows, leaves }) => {
        const result = availableSlots(input);
        if (!result.available) return;
        const working = union(windows);
        for (const slot of result.slots) {
          const own = { start: Date.parse(slot.start), end: Date.parse(slot.end) };
          expect(own.end - own.start).toBe(input.sessionMinutes * MINUTE);
          expect(working.some((w) => w.start <= own.start && own.end <= w.end)).toBe(true);
          for (const leave of leaves) expect(overlaps(own, leave)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('slots are sorted, unique and start at or after now + notice', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const result = availableSlots(input);
        if (!result.available) return;
        const starts = result.slots.map((s) => Date.parse(s.start));
        for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
        for (const start of starts) {
          expect(start).toBeGreaterThanOrEqual(toMs(input.now) + input.minNoticeMinutes * MINUTE);
        }
      }),
      RUNS,
    );
  });

  it('says not available exactly when a whole-day leave or no window applies', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const result = availableSlots(input);
        const today = input.exceptions.filter((e) => e.date === input.date);
        const wholeDay = today.some((e) => e.kind === 'leave' && e.window === null);
        const weekday = weekdayOf(input.date);
        const anyWindow =
          input.weeklyWindows.some((w) => w.weekday === weekday) || today.some((e) => e.kind === 'extra');
        if (wholeDay) expect(result).toMatchObject({ available: false, reason: 'leave' });
        else if (!anyWindow) expect(result).toMatchObject({ available: false, reason: 'not_working' });
        if (!result.available) expect(result.message).toBe('Doctor not available');
      }),
      RUNS,
    );
  });

  it('a fully booked day uses every slot: booking each offered slot leaves none', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const first = availableSlots(input);
        if (!first.available) return;
        const bookedAll = first.slots.map((s) => ({
          start: s.start,
          end: s.end,
          bufferBefore: input.buffers.before,
          bufferAfter: input.buffers.after,
        }));
        const again = availableSlots({ ...input, busy: [...input.busy, ...bookedAll] });
        expect(again).toEqual({ available: true, slots: [] });
      }),
      RUNS,
    );
  });

  it('on a single window, the offered slots are exactly the free grid points', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const window = input.weeklyWindows.find((w) => w.weekday === weekdayOf(input.date));
        const single = { ...input, weeklyWindows: window ? [window] : [], exceptions: [] };
        const result = availableSlots(single);
        if (!window || !result.available) return;
        const clock = dayClock(input.date, input.zone);
        const start = clock.startOf(window.start);
        const end = clock.endOf(window.end);
        const session = input.sessionMinutes * MINUTE;
        const step = session + (input.buffers.before + input.buffers.after) * MINUTE;
        const earliest = toMs(input.now) + input.minNoticeMinutes * MINUTE;
        const expected: number[] = [];
        for (let s = start; s + session <= end; s += step) {
          const occupied = slotOccupied(input, {
            start: new Date(s).toISOString(),
            end: new Date(s + session).toISOString(),
          });
          if (s >= earliest && !input.busy.some((b) => overlaps(occupied, busyOccupied(b)))) expected.push(s);
        }
        expect(result.slots.map((s) => Date.parse(s.start))).toEqual(expected);
        for (const slot of result.slots) expect(slot.localTime).toBe(clock.localTime(Date.parse(slot.start)));
      }),
      RUNS,
    );
  });

  it('the range result equals the day-by-day result', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 3 }), ({ input }, extraDays) => {
        const fromDate = addDays(input.date, -1);
        const toDate = addDays(input.date, extraDays);
        const range = availableSlotsForRange({ ...input, fromDate, toDate });
        expect(range).toHaveLength(extraDays + 2);
        for (const { date, ...day } of range) expect(day).toEqual(availableSlots({ ...input, date }));
      }),
      { numRuns: 100 },
    );
  });
});
