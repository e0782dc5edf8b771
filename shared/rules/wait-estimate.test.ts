import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  averageConsultationMinutes,
  earlyCheckInMinutes,
  estimateWaits,
  formatMinutes,
  minutesUntilCall,
  remainingCurrentMinutes,
  waitingMinutes,
} from './wait-estimate';

// Times in the clinic's zone (Asia/Kolkata, +05:30): 10:00 IST = 04:30Z, 10:15 IST = 04:45Z, 12:00 IST = 06:30Z.
const at = (hhmm: string) => `2026-11-21T${hhmm}:00+05:30`;
const queue = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, token: `K-${i + 1}` }));

describe('estimateWaits — the docs/product.md §7 worked example', () => {
  const input = { now: at('10:15'), current: { startedAt: at('10:00') }, averageMinutes: 30 };

  it('now 10:15, started 10:00, average 30, 3 ahead → 105 min → 12:00', () => {
    expect(remainingCurrentMinutes(input.now, input.current, 30)).toBe(15);
    const estimates = estimateWaits({ ...input, waiting: queue(4) });
    expect(estimates[3]).toEqual({
      id: 'p4',
      patientsAhead: 3,
      waitMinutes: 105,
      estimatedCallAt: '2026-11-21T06:30:00.000Z',
    });
  });

  it('gives every entry its own estimate in queue order', () => {
    const estimates = estimateWaits({ ...input, waiting: queue(4) });
    expect(estimates.map((e) => [e.id, e.patientsAhead, e.waitMinutes, e.estimatedCallAt])).toEqual([
      ['p1', 0, 15, '2026-11-21T05:00:00.000Z'],
      ['p2', 1, 45, '2026-11-21T05:30:00.000Z'],
      ['p3', 2, 75, '2026-11-21T06:00:00.000Z'],
      ['p4', 3, 105, '2026-11-21T06:30:00.000Z'],
    ]);
  });

  it('gives the same answer for UTC instants', () => {
    const estimates = estimateWaits({
      now: '2026-11-21T04:45:00.000Z',
      current: { startedAt: '2026-11-21T04:30:00Z' },
      averageMinutes: 30,
      waiting: queue(4),
    });
    expect(estimates[3]?.estimatedCallAt).toBe('2026-11-21T06:30:00.000Z');
  });
});

describe("estimateWaits — the doctor's working time", () => {
  const ms = (hhmm: string) => Date.parse(at(hhmm));
  const window = (from: string, to: string) => ({ start: ms(from), end: ms(to) });

  it('keeps the docs/product.md §7 example exact inside the working window', () => {
    const estimates = estimateWaits({
      now: at('10:15'),
      current: { startedAt: at('10:00') },
      averageMinutes: 30,
      waiting: queue(4),
      workingTime: [window('09:00', '13:00'), window('14:00', '17:00')],
    });
    expect(estimates[3]).toEqual({
      id: 'p4',
      patientsAhead: 3,
      waitMinutes: 105,
      estimatedCallAt: '2026-11-21T06:30:00.000Z',
    });
  });

  it('starts at the next working window: at 03:58 for a doctor working 17:00–20:00', () => {
    const estimates = estimateWaits({
      now: at('03:58'),
      current: null,
      averageMinutes: 15,
      waiting: queue(2),
      workingTime: [window('17:00', '20:00')],
    });
    expect(estimates.map((e) => [e.waitMinutes, e.estimatedCallAt])).toEqual([
      [13 * 60 + 2, new Date(ms('17:00')).toISOString()],
      [13 * 60 + 17, new Date(ms('17:15')).toISOString()],
    ]);
  });

  it('adds a break (and a part-day leave, which is a gap in the pieces) to the wait', () => {
    const estimates = estimateWaits({
      now: at('12:30'),
      current: null,
      averageMinutes: 20,
      waiting: queue(3),
      workingTime: [window('09:00', '13:00'), window('14:00', '17:00')],
    });
    // 12:30, 12:50, then 13:10 falls in the break: 10 min before it and 10 after → 14:10.
    expect(estimates.map((e) => e.estimatedCallAt)).toEqual(
      ['12:30', '12:50', '14:10'].map((t) => new Date(ms(t)).toISOString()),
    );
    expect(estimates[2]?.waitMinutes).toBe(100);
  });

  it("a patient who would be called exactly at a window's end is called at the next window", () => {
    expect(
      addWorkingTime(ms('12:40'), 20 * 60_000, [window('09:00', '13:00'), window('14:00', '17:00')]),
    ).toBe(ms('14:00'));
  });

  it('counts the current consultation from now, and runs over after the last window', () => {
    const estimates = estimateWaits({
      now: at('19:50'),
      current: { startedAt: at('19:45') },
      averageMinutes: 15,
      waiting: queue(2),
      workingTime: [window('17:00', '20:00')],
    });
    expect(estimates.map((e) => e.waitMinutes)).toEqual([10, 25]);
  });
});

describe('earlyCheckInMinutes', () => {
  it('flags a check-in more than 2 h before the appointment', () => {
    expect(earlyCheckInMinutes(at('03:58'), at('17:00'))).toBe(13 * 60 + 2);
    expect(earlyCheckInMinutes(at('15:00'), at('17:00'))).toBeNull();
    expect(earlyCheckInMinutes(at('14:59'), at('17:00'))).toBe(121);
    expect(earlyCheckInMinutes(at('17:30'), at('17:00'))).toBeNull();
  });
});

describe('estimateWaits — edge cases', () => {
  it('has no remaining time when nobody is in consultation', () => {
    const estimates = estimateWaits({
      now: at('10:15'),
      current: null,
      averageMinutes: 20,
      waiting: queue(3),
    });
    expect(estimates.map((e) => e.waitMinutes)).toEqual([0, 20, 40]);
    expect(estimates[0]?.estimatedCallAt).toBe('2026-11-21T04:45:00.000Z');
  });

  it('has no remaining time when the current consultation overran', () => {
    const estimates = estimateWaits({
      now: at('11:00'),
      current: { startedAt: at('10:00') },
      averageMinutes: 30,
      waiting: queue(2),
    });
    expect(estimates.map((e) => e.waitMinutes)).toEqual([0, 30]);
  });

  it('rounds the remaining time up to a whole minute', () => {
    const now = '2026-11-21T04:45:30Z'; // 15.5 min elapsed of 30
    expect(remainingCurrentMinutes(now, { startedAt: '2026-11-21T04:30:00Z' }, 30)).toBe(15);
    expect(remainingCurrentMinutes('2026-11-21T04:44:30Z', { startedAt: '2026-11-21T04:30:00Z' }, 30)).toBe(
      16,
    );
  });

  it('never counts more than the average for a consultation that starts in the future (clock skew)', () => {
    expect(remainingCurrentMinutes(at('10:00'), { startedAt: at('10:05') }, 30)).toBe(30);
  });

  it('returns nothing for an empty queue', () => {
    expect(
      estimateWaits({
        now: at('10:15'),
        current: { startedAt: at('10:00') },
        averageMinutes: 30,
        waiting: [],
      }),
    ).toEqual([]);
  });

  it('refuses zone-less times and bad averages', () => {
    const base = { current: null, waiting: queue(1) };
    expect(() => estimateWaits({ ...base, now: '2026-11-21T10:15:00', averageMinutes: 30 })).toThrow(
      /offset/,
    );
    expect(() => estimateWaits({ ...base, now: 'soon', averageMinutes: 30 })).toThrow(RangeError);
    expect(() => estimateWaits({ ...base, now: at('10:15'), averageMinutes: 0 })).toThrow(RangeError);
    expect(() => estimateWaits({ ...base, now: at('10:15'), averageMinutes: 12.5 })).toThrow(RangeError);
  });
});

describe('averageConsultationMinutes', () => {
  it('averages recent durations and rounds to a whole minute', () => {
    expect(averageConsultationMinutes([10, 12, 13], 15)).toBe(12); // 11.67
    expect(averageConsultationMinutes([10, 11], 15, { minSamples: 2 })).toBe(11); // 10.5 rounds up
  });

  it('falls back to the session length with fewer than 3 usable samples', () => {
    expect(averageConsultationMinutes([], 15)).toBe(15);
    expect(averageConsultationMinutes([10, 12], 15)).toBe(15);
    expect(averageConsultationMinutes([10, 12, 0.5, 200], 15)).toBe(15);
  });

  it('ignores outliers: under 1 minute or over 4 × the session length', () => {
    expect(averageConsultationMinutes([10, 0.2, 20, 61, 30, Number.NaN], 15)).toBe(20);
    expect(averageConsultationMinutes([1, 60, 2], 15)).toBe(21); // both bounds are inclusive
  });

  it('uses the most recent 20 usable durations (most recent first)', () => {
    const recent = Array.from({ length: 20 }, () => 10);
    const older = Array.from({ length: 30 }, () => 40);
    expect(averageConsultationMinutes([...recent, ...older], 15)).toBe(10);
    expect(averageConsultationMinutes([500, ...recent, ...older], 15)).toBe(10);
    expect(averageConsultationMinutes([...recent.slice(0, 10), ...older], 15)).toBe(25);
  });

  it('refuses a bad session length', () => {
    expect(() => averageConsultationMinutes([10], 0)).toThrow(RangeError);
    expect(() => averageConsultationMinutes([10], Number.NaN)).toThrow(RangeError);
  });
});

describe('waitingMinutes', () => {
  it('counts whole minutes since check-in, rounded down', () => {
    expect(waitingMinutes(at('10:00'), at('10:15'))).toBe(15);
    expect(waitingMinutes('2026-11-21T04:30:00Z', '2026-11-21T04:45:59.999Z')).toBe(15);
  });
  it('is never negative', () => {
    expect(waitingMinutes(at('10:15'), at('10:00'))).toBe(0);
  });
});

describe('minutesUntilCall and formatMinutes: what both queues show', () => {
  it('counts down to the estimated call in whole minutes, rounded up, as the hub estimated it', () => {
    const [first, second] = estimateWaits({
      now: at('10:00'),
      current: { startedAt: at('09:55') },
      averageMinutes: 15,
      waiting: queue(2),
    });
    expect(minutesUntilCall(first!.estimatedCallAt, at('10:00'))).toBe(first!.waitMinutes);
    expect(minutesUntilCall(second!.estimatedCallAt, at('10:00'))).toBe(second!.waitMinutes);
    expect(minutesUntilCall(second!.estimatedCallAt, '2026-11-21T04:40:30Z')).toBe(15); // 14.5 → 15
    expect(minutesUntilCall(first!.estimatedCallAt, at('10:30'))).toBe(0); // overdue: now
  });
  it('shows minutes to the nearest minute (never floors an estimate down), hours past 60', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(4.4)).toBe('4 min');
    expect(formatMinutes(4.5)).toBe('5 min');
    expect(formatMinutes(4.6)).toBe('5 min');
    expect(formatMinutes(59.6)).toBe('1 h 00 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
    expect(formatMinutes(-3)).toBe('0 min');
  });
});

describe('properties', () => {
  it('estimates never decrease along the queue, and the first waits at most one average', () => {
    const base = Date.parse('2026-11-21T03:30:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 * 60 * 60_000 }),
        fc.option(fc.integer({ min: -10 * 60_000, max: 6 * 60 * 60_000 })),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 40 }),
        (nowOffset, startedBefore, averageMinutes, n) => {
          const now = new Date(base + nowOffset).toISOString();
          const current =
            startedBefore === null
              ? null
              : { startedAt: new Date(base + nowOffset - startedBefore).toISOString() };
          const estimates = estimateWaits({ now, current, averageMinutes, waiting: queue(n) });
          expect(estimates).toHaveLength(n);
          estimates.forEach((estimate, k) => {
            expect(estimate.patientsAhead).toBe(k);
            expect(Number.isInteger(estimate.waitMinutes)).toBe(true);
            expect(Date.parse(estimate.estimatedCallAt)).toBe(
              Date.parse(now) + estimate.waitMinutes * 60_000,
            );
            const previous = estimates[k - 1];
            if (previous) {
              expect(estimate.waitMinutes - previous.waitMinutes).toBe(averageMinutes);
              expect(estimate.estimatedCallAt >= previous.estimatedCallAt).toBe(true);
            } else {
              expect(estimate.waitMinutes).toBeGreaterThanOrEqual(0);
              expect(estimate.waitMinutes).toBeLessThanOrEqual(averageMinutes);
            }
          });
        },
      ),
    );
  });
});
