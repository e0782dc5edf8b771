import { describe, expect, it } from 'vitest';
import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import type { ExceptionLike } from './working-day';
import { MAX_RANGE_DAYS, type SlotInput, availableSlots, availableSlotsForRange } from './slots';
import { localToInstant } from './zoned-time';

const ZONE = 'Asia/Kolkata';
const MONDAY = '2026-11-23';
const ROOM_A = '00000000-0000-4000-8000-00000000000a';
const ROOM_B = '00000000-0000-4000-8000-00000000000b';

type Room = string | null;
const window = (weekday: number, start: string, end: string, roomId: Room = null): WeeklyWindow => {
  return { weekday, start, end, roomId };
};
const weekdays = (start: string, end: string, roomId: Room = null) =>
  [1, 2, 3, 4, 5].map((d) => window(d, start, end, roomId));
const SPEC_SCHEDULE = [...weekdays('09:00', '13:00', ROOM_A), ...weekdays('14:00', '17:00', ROOM_B)];
const SPEC_TIMES = '09:00 09:30 10:00 10:30 11:00 11:30 12:00 12:30 14:00 14:30 15:00 15:30 16:00 16:30';
const SPEC_LIST = SPEC_TIMES.split(' ');
const without = (...drop: string[]) => SPEC_LIST.filter((t) => !drop.includes(t)).join(' ');
const fromIndex = (n: number) => SPEC_LIST.slice(n).join(' ');

function input(overrides: Partial<SlotInput> = {}): SlotInput {
  return {
    date: MONDAY,
    zone: ZONE,
    sessionMinutes: 30,
    buffers: { before: 0, after: 0 },
    weeklyWindows: SPEC_SCHEDULE,
    exceptions: [],
    busy: [],
    now: '2026-01-01T00:00:00.000Z',
    minNoticeMinutes: 0,
    ...overrides,
  };
}

/** The local start times offered, space-separated, or the reason there are none. */
function times(overrides: Partial<SlotInput> = {}): string {
  const result = availableSlots(input(overrides));
  return result.available ? result.slots.map((s) => s.localTime).join(' ') : result.reason;
}

const at = (time: string, date = MONDAY, zone = ZONE) => localToInstant(date, time, zone);
const booked = (start: string, end: string, bufferBefore = 0, bufferAfter = 0) => {
  return { start: at(start), end: at(end), bufferBefore, bufferAfter };
};
const leave = (date: string, start?: string, end?: string): ExceptionLike => {
  return { date, kind: 'leave', window: start && end ? { start, end, roomId: null } : null };
};
const extra = (date: string, start: string, end: string, roomId: Room = null): ExceptionLike => {
  return { date, kind: 'extra', window: { start, end, roomId } };
};
const notAvailable = (reason: string) => ({ available: false, reason, message: 'Doctor not available' });

describe('availableSlots: the worked examples of docs/product.md §4', () => {
  it('window 09:00–13:00, 30-minute sessions, buffers 5 + 5', () => {
    expect(times({ weeklyWindows: [window(1, '09:00', '13:00')], buffers: { before: 5, after: 5 } })).toEqual(
      '09:00 09:40 10:20 11:00 11:40 12:20',
    );
  });

  it('Mon–Fri 09:00–13:00 and 14:00–17:00, 30-minute sessions, no buffer', () => {
    expect(times()).toEqual(SPEC_TIMES);
    const result = availableSlots(input());
    expect(result.available && result.slots[0]).toEqual({
      start: '2026-11-23T03:30:00.000Z',
      end: '2026-11-23T04:00:00.000Z',
      localTime: '09:00',
      roomId: ROOM_A,
    });
    expect(result.available && result.slots.at(-1)).toEqual({
      start: '2026-11-23T11:00:00.000Z',
      end: '2026-11-23T11:30:00.000Z',
      localTime: '16:30',
      roomId: ROOM_B,
    });
  });

  it('a booked slot removes it', () => {
    expect(times({ busy: [booked('10:00', '10:30')] })).toEqual(without('10:00'));
  });

  it('a booking with buffers removes the neighbours it overlaps, and only those', () => {
    const buffers = { before: 5, after: 5 };
    const weeklyWindows = [window(1, '09:00', '13:00')];
    // On the grid: occupies 09:35–10:15, touching 09:40's and 10:20's occupied intervals.
    expect(times({ weeklyWindows, buffers, busy: [booked('09:40', '10:10', 5, 5)] })).toEqual(
      '09:00 10:20 11:00 11:40 12:20',
    );
    // Off the grid (a staff override): occupies 09:45–10:25, overlapping 09:40 and 10:20.
    expect(times({ weeklyWindows, buffers, busy: [booked('09:50', '10:20', 5, 5)] })).toEqual(
      '09:00 11:00 11:40 12:20',
    );
  });

  it('uses the buffers recorded with each busy appointment', () => {
    // 10:30–11:00 with 30 minutes after occupies until 11:30: 11:00 goes, 11:30 stays.
    expect(times({ busy: [booked('10:30', '11:00', 0, 30)] })).toEqual(without('10:30', '11:00'));
    // …and 30 before reaches back to 10:00.
    expect(times({ busy: [booked('10:30', '11:00', 30, 0)] })).toEqual(without('10:00', '10:30'));
  });

  it('touching a busy interval is fine; busy times as epoch ms work too', () => {
    const busy = [
      { start: Date.parse(at('10:00')), end: Date.parse(at('10:30')), bufferBefore: 0, bufferAfter: 0 },
    ];
    expect(times({ busy })).toEqual(without('10:00'));
    const empty = [{ start: at('10:00'), end: at('10:00'), bufferBefore: 0, bufferAfter: 0 }];
    expect(times({ busy: empty })).toEqual(SPEC_TIMES);
  });

  it('a past slot today is removed; a slot starting exactly now is offered', () => {
    expect(times({ now: at('10:10') })).toEqual(fromIndex(3));
    expect(times({ now: at('10:31') })).toEqual(fromIndex(4));
    expect(times({ now: at('10:30') })).toEqual(fromIndex(3));
    expect(times({ now: Date.parse(at('16:31')) })).toEqual('');
  });

  it('the minimum booking notice removes slots too soon', () => {
    expect(times({ now: at('10:10'), minNoticeMinutes: 60 })).toEqual(fromIndex(5));
    expect(times({ now: at('08:00'), minNoticeMinutes: 24 * 60 })).toEqual('');
  });

  it('a leave date → Doctor not available', () => {
    expect(availableSlots(input({ exceptions: [leave(MONDAY)] }))).toEqual(notAvailable('leave'));
  });

  it('a weekend → not working', () => {
    expect(availableSlots(input({ date: '2026-11-22' }))).toEqual(notAvailable('not_working'));
  });
});

describe('availableSlots: exceptions', () => {
  it('a partial leave cuts a window; each remaining piece gets its own grid', () => {
    const weeklyWindows = [window(1, '09:00', '13:00')];
    expect(times({ weeklyWindows, exceptions: [leave(MONDAY, '10:15', '11:05')] })).toEqual(
      '09:00 09:30 11:05 11:35 12:05',
    );
  });

  it('leave covering all working time → leave; leave on a non-working day stays not_working', () => {
    const allDay = [leave(MONDAY, '08:00', '13:00'), leave(MONDAY, '13:00', '18:00')];
    expect(times({ exceptions: allDay })).toBe('leave');
    const sunday = '2026-11-22';
    expect(times({ date: sunday, exceptions: [leave(sunday, '09:00', '10:00')] })).toBe('not_working');
    expect(times({ date: sunday, exceptions: [leave(sunday)] })).toBe('leave');
  });

  it('a whole-day leave wins over an extra window that day', () => {
    expect(times({ exceptions: [extra(MONDAY, '18:00', '19:00'), leave(MONDAY)] })).toBe('leave');
  });

  it('an extra window opens a non-working day, with its room', () => {
    const result = availableSlots(
      input({ date: '2026-11-21', exceptions: [extra('2026-11-21', '10:00', '11:00', ROOM_B)] }),
    );
    expect(result).toMatchObject({
      available: true,
      slots: [
        { localTime: '10:00', roomId: ROOM_B },
        { localTime: '10:30', roomId: ROOM_B },
      ],
    });
  });

  it('exceptions of other dates do not apply', () => {
    const tuesday = '2026-11-24';
    expect(times({ exceptions: [leave(tuesday), extra(tuesday, '18:00', '19:00')] })).toEqual(SPEC_TIMES);
  });

  it('an overlapping extra window merges into one grid with no duplicate starts', () => {
    const result = availableSlots(
      input({
        weeklyWindows: [window(1, '09:00', '13:00', ROOM_A)],
        exceptions: [extra(MONDAY, '12:00', '14:00', ROOM_B)],
      }),
    );
    expect(result.available && result.slots.map((s) => `${s.localTime} ${s.roomId === ROOM_A ? 'A' : 'B'}`)).toEqual([
      '09:00 A', '09:30 A', '10:00 A', '10:30 A', '11:00 A', '11:30 A', '12:00 A', '12:30 A', '13:00 B', '13:30 B',
    ]); // prettier-ignore
    const same = [window(1, '09:00', '10:00'), window(1, '09:00', '10:00')];
    const again = [extra(MONDAY, '09:00', '10:00')];
    expect(times({ weeklyWindows: same, exceptions: again })).toEqual('09:00 09:30');
  });

  it('a touching window keeps its own grid', () => {
    const weeklyWindows = [window(1, '09:00', '10:00')];
    const exceptions = [extra(MONDAY, '10:00', '11:00')];
    expect(times({ weeklyWindows, exceptions, buffers: { before: 5, after: 5 } })).toEqual('09:00 10:00');
  });

  it('buffers may extend past a window edge: a slot may end exactly at the window end', () => {
    expect(
      times({ weeklyWindows: [window(1, '09:00', '09:30')], buffers: { before: 10, after: 10 } }),
    ).toEqual('09:00');
    expect(times({ weeklyWindows: [window(1, '09:00', '09:25')] })).toEqual('');
  });

  it('a window without a room gives slots without a room', () => {
    const result = availableSlots(input({ weeklyWindows: [window(1, '09:00', '09:30')] }));
    expect(result.available && result.slots[0]?.roomId).toBeNull();
  });
});

describe('availableSlots: DST', () => {
  const NY = 'America/New_York';
  const LONDON = 'Europe/London';
  /** Hourly slots of a window on every weekday, as "local=UTC" pairs, e.g. "09:00=13:00Z". */
  const hourly = (date: string, zone: string, start: string, end: string) => {
    const weeklyWindows = [1, 2, 3, 4, 5, 6, 7].map((d) => window(d, start, end));
    const result = availableSlots(input({ date, zone, weeklyWindows, sessionMinutes: 60 }));
    if (!result.available) throw new Error(result.reason);
    return result.slots.map((s) => `${s.localTime}=${s.start.slice(11, 16)}Z`).join(' ');
  };

  it('09:00 is still 09:00 on the wall on the days clocks change (New York)', () => {
    expect(hourly('2026-03-07', NY, '09:00', '10:00')).toBe('09:00=14:00Z');
    expect(hourly('2026-03-08', NY, '09:00', '10:00')).toBe('09:00=13:00Z');
    expect(hourly('2026-10-31', NY, '09:00', '10:00')).toBe('09:00=13:00Z');
    expect(hourly('2026-11-01', NY, '09:00', '10:00')).toBe('09:00=14:00Z');
  });

  it('09:00 is still 09:00 on the wall on the days clocks change (London)', () => {
    expect(hourly('2026-03-29', LONDON, '09:00', '13:00')).toBe(
      '09:00=08:00Z 10:00=09:00Z 11:00=10:00Z 12:00=11:00Z',
    );
    expect(hourly('2026-10-25', LONDON, '09:00', '10:00')).toBe('09:00=09:00Z');
  });

  it('a 00:00–04:00 window holds 3 hourly slots on the 23-hour day', () => {
    expect(hourly('2026-03-08', NY, '00:00', '04:00')).toBe('00:00=05:00Z 01:00=06:00Z 03:00=07:00Z');
  });

  it('a 00:00–04:00 window holds 5 hourly slots on the 25-hour day (01:00 twice)', () => {
    expect(hourly('2026-11-01', NY, '00:00', '04:00')).toBe(
      '00:00=04:00Z 01:00=05:00Z 01:00=06:00Z 02:00=07:00Z 03:00=08:00Z',
    );
  });

  it('the same window in London: 01:00 is skipped in spring and repeated in autumn', () => {
    expect(hourly('2026-03-29', LONDON, '00:00', '04:00')).toBe('00:00=00:00Z 02:00=01:00Z 03:00=02:00Z');
    expect(hourly('2026-10-25', LONDON, '00:00', '04:00')).toBe(
      '00:00=23:00Z 01:00=00:00Z 01:00=01:00Z 02:00=02:00Z 03:00=03:00Z',
    );
  });

  it('a window starting in the gap starts at the jump', () => {
    expect(hourly('2026-03-08', NY, '02:30', '04:00')).toBe('03:00=07:00Z');
  });
});

describe('availableSlotsForRange', () => {
  it('equals availableSlots day by day', () => {
    const busy = [
      booked('10:00', '10:30'),
      { ...booked('11:00', '11:30'), start: at('11:00', '2026-11-25'), end: at('11:30', '2026-11-25') },
    ];
    const base = input({ busy, exceptions: [leave('2026-11-24')], now: at('12:00') });
    const range = availableSlotsForRange({ ...base, fromDate: '2026-11-22', toDate: '2026-11-29' });
    expect(range.map((d) => d.date)).toEqual([
      '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]); // prettier-ignore
    for (const day of range) {
      const { date, ...availability } = day;
      expect(availability).toEqual(availableSlots({ ...base, date }));
    }
    expect(range.map((d) => (d.available ? d.slots.length : d.reason))).toEqual([
      'not_working', 8, 'leave', 13, 14, 14, 'not_working', 'not_working',
    ]); // prettier-ignore
  });

  it('crosses a DST change', () => {
    const range = availableSlotsForRange({
      ...input({
        zone: 'America/New_York',
        weeklyWindows: [1, 2, 3, 4, 5, 6, 7].map((d) => window(d, '09:00', '09:30')),
      }),
      fromDate: '2026-10-31',
      toDate: '2026-11-02',
    });
    expect(range.map((d) => d.available && d.slots[0]?.start)).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('refuses reversed, too long or malformed ranges', () => {
    expect(() =>
      availableSlotsForRange({ ...input(), fromDate: '2026-11-23', toDate: '2026-11-22' }),
    ).toThrow('toDate must not be before fromDate');
    expect(() =>
      availableSlotsForRange({
        ...input(),
        fromDate: '2026-01-01',
        toDate: `${2026 + MAX_RANGE_DAYS}-01-01`,
      }),
    ).toThrow(RangeError);
    expect(() =>
      availableSlotsForRange({ ...input(), fromDate: '2026-11-31', toDate: '2026-12-01' }),
    ).toThrow(RangeError);
    expect(availableSlotsForRange({ ...input(), fromDate: MONDAY, toDate: MONDAY })).toHaveLength(1);
  });
});

describe('availableSlots: input checks', () => {
  it('refuses nonsense sessions, buffers and notice', () => {
    expect(() => availableSlots(input({ sessionMinutes: 0 }))).toThrow(
      'sessionMinutes must be a positive whole number',
    );
    expect(() => availableSlots(input({ sessionMinutes: 7.5 }))).toThrow(RangeError);
    expect(() => availableSlots(input({ buffers: { before: -5, after: 0 } }))).toThrow(RangeError);
    expect(() => availableSlots(input({ buffers: { before: 0, after: 0.5 } }))).toThrow(RangeError);
    expect(() => availableSlots(input({ minNoticeMinutes: Number.NaN }))).toThrow(RangeError);
    expect(() => availableSlots(input({ now: 'soon' }))).toThrow(RangeError);
    expect(() => availableSlots(input({ date: '2026-13-01' }))).toThrow(RangeError);
  });
});
