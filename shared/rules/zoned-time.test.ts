import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  NonexistentLocalTimeError,
  addDays,
  clinicDate,
  dayClock,
  instantToLocal,
  localToInstant,
  parseDate,
  parseTime,
  resolveLocal,
  toEpochMs,
  weekdayOf,
  windowToInterval,
} from './zoned-time';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const iso = (ms: number) => new Date(ms).toISOString();

describe('localToInstant', () => {
  it('gives the UTC instant with milliseconds and Z', () => {
    expect(localToInstant('2026-11-21', '09:00', 'Asia/Kolkata')).toBe('2026-11-21T03:30:00.000Z');
    expect(localToInstant('2026-11-21', '00:00', 'UTC')).toBe('2026-11-21T00:00:00.000Z');
  });

  it('uses the offset in force on the date (New York)', () => {
    expect(localToInstant('2026-03-07', '09:00', NY)).toBe('2026-03-07T14:00:00.000Z');
    expect(localToInstant('2026-03-08', '09:00', NY)).toBe('2026-03-08T13:00:00.000Z');
    expect(localToInstant('2026-10-31', '09:00', NY)).toBe('2026-10-31T13:00:00.000Z');
    expect(localToInstant('2026-11-01', '09:00', NY)).toBe('2026-11-01T14:00:00.000Z');
  });

  it('uses the offset in force on the date (London)', () => {
    expect(localToInstant('2026-03-28', '09:00', LONDON)).toBe('2026-03-28T09:00:00.000Z');
    expect(localToInstant('2026-03-29', '09:00', LONDON)).toBe('2026-03-29T08:00:00.000Z');
    expect(localToInstant('2026-10-25', '09:00', LONDON)).toBe('2026-10-25T09:00:00.000Z');
  });

  it('refuses a wall time in a DST gap with a clear error', () => {
    expect(() => localToInstant('2026-03-08', '02:30', NY)).toThrow(NonexistentLocalTimeError);
    expect(() => localToInstant('2026-03-08', '02:00', NY)).toThrow(
      '02:00 does not exist on 2026-03-08 in America/New_York (clocks go forward)',
    );
    expect(() => localToInstant('2026-03-29', '01:59', LONDON)).toThrow(NonexistentLocalTimeError);
    const error = (() => {
      try {
        localToInstant('2026-03-08', '02:30', NY);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'NonexistentLocalTimeError',
      date: '2026-03-08',
      time: '02:30',
      zone: NY,
    });
  });

  it('accepts the wall times either side of a gap', () => {
    expect(localToInstant('2026-03-08', '01:59', NY)).toBe('2026-03-08T06:59:00.000Z');
    expect(localToInstant('2026-03-08', '03:00', NY)).toBe('2026-03-08T07:00:00.000Z');
  });

  it('gives the earlier instant of an ambiguous wall time', () => {
    expect(localToInstant('2026-11-01', '01:30', NY)).toBe('2026-11-01T05:30:00.000Z');
    expect(localToInstant('2026-11-01', '01:00', NY)).toBe('2026-11-01T05:00:00.000Z');
    expect(localToInstant('2026-10-25', '01:30', LONDON)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses malformed dates, times and zones', () => {
    expect(() => localToInstant('2026-02-30', '09:00', NY)).toThrow(RangeError);
    expect(() => localToInstant('2026-2-3', '09:00', NY)).toThrow('2026-2-3 is not a date YYYY-MM-DD');
    expect(() => localToInstant('2026-11-21', '24:00', NY)).toThrow(RangeError);
    expect(() => localToInstant('2026-11-21', '9:00', NY)).toThrow('9:00 is not a time HH:MM (00:00–23:59)');
    expect(() => localToInstant('2026-11-21', '09:00', 'Mars/Olympus')).toThrow(
      'Mars/Olympus is not an IANA time zone',
    );
  });
});

describe('resolveLocal', () => {
  it('classifies exact, ambiguous and nonexistent wall times', () => {
    expect(resolveLocal('2026-11-01', '00:30', NY)).toEqual({
      kind: 'exact',
      at: Date.parse('2026-11-01T04:30Z'),
    });
    expect(resolveLocal('2026-11-01', '01:30', NY)).toEqual({
      kind: 'ambiguous',
      earlier: Date.parse('2026-11-01T05:30Z'),
      later: Date.parse('2026-11-01T06:30Z'),
    });
    expect(resolveLocal('2026-03-08', '02:30', NY)).toEqual({
      kind: 'gap',
      jump: Date.parse('2026-03-08T07:00Z'),
    });
    expect(resolveLocal('2026-03-29', '01:00', LONDON)).toEqual({
      kind: 'gap',
      jump: Date.parse('2026-03-29T01:00Z'),
    });
  });

  it('finds the jump of a half-hour DST change (Lord Howe) and of a skipped day (Samoa 2011)', () => {
    // Lord Howe: 02:00 → 02:30 on 2026-10-04.
    expect(resolveLocal('2026-10-04', '02:10', 'Australia/Lord_Howe')).toEqual({
      kind: 'gap',
      jump: Date.parse('2026-10-03T15:30Z'),
    });
    // Samoa skipped 2011-12-30 entirely: midnight jumped to 2011-12-31 00:00 (+14:00).
    expect(resolveLocal('2011-12-30', '09:00', 'Pacific/Apia')).toEqual({
      kind: 'gap',
      jump: Date.parse('2011-12-30T10:00Z'),
    });
  });
});

describe('windowToInterval', () => {
  it('converts an ordinary window', () => {
    expect(windowToInterval('2026-11-23', '09:00', '13:00', 'Asia/Kolkata')).toEqual({
      start: Date.parse('2026-11-23T03:30Z'),
      end: Date.parse('2026-11-23T07:30Z'),
    });
  });

  it('covers 23 real hours on the spring-forward day and 25 on the fall-back day', () => {
    const spring = windowToInterval('2026-03-08', '00:00', '04:00', NY);
    expect([iso(spring.start), iso(spring.end)]).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
    const fall = windowToInterval('2026-11-01', '00:00', '04:00', NY);
    expect([iso(fall.start), iso(fall.end)]).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T09:00:00.000Z',
    ]);
  });

  it('starts a window whose start is in a gap at the jump, and ends one whose end is in a gap there', () => {
    const starts = windowToInterval('2026-03-08', '02:30', '05:00', NY);
    expect(iso(starts.start)).toBe('2026-03-08T07:00:00.000Z');
    const ends = windowToInterval('2026-03-08', '01:00', '02:30', NY);
    expect(iso(ends.end)).toBe('2026-03-08T07:00:00.000Z');
    const inside = windowToInterval('2026-03-08', '02:10', '02:50', NY);
    expect(inside.start).toBe(inside.end);
  });

  it('starts at the earlier and ends at the later occurrence of an ambiguous time', () => {
    const w = windowToInterval('2026-11-01', '01:30', '01:30', NY);
    expect([iso(w.start), iso(w.end)]).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    const london = windowToInterval('2026-10-25', '01:00', '02:00', LONDON);
    expect(london.end - london.start).toBe(2 * 3_600_000);
  });

  const zones = [
    NY,
    LONDON,
    'Asia/Kolkata',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'America/Santiago',
    'UTC',
  ];
  const dateArb = fc.integer({ min: 0, max: 3652 }).map((n) => addDays('2020-01-01', n));
  const timeArb = fc
    .integer({ min: 0, max: 1439 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

  it('agrees with luxon on every date, time and zone (fast path and DST path alike)', () => {
    fc.assert(
      fc.property(dateArb, timeArb, fc.constantFrom(...zones), (date, time, zone) => {
        const clock = dayClock(date, zone);
        const [year, month, day] = date.split('-').map(Number);
        const [hour, minute] = time.split(':').map(Number);
        const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
        const start = clock.startOf(time);
        const end = clock.endOf(time);
        if (dt.hour === hour && dt.minute === minute && dt.day === day) {
          const options = dt.getPossibleOffsets().map((d) => d.toMillis());
          expect(start).toBe(Math.min(...options));
          expect(end).toBe(Math.max(...options));
          expect(clock.localTime(start)).toBe(time);
        } else {
          // In a gap: the first instant whose wall time is after the requested one.
          expect(end).toBe(start);
          expect(instantToLocal(start, zone).time > time).toBe(true);
          const justBefore = instantToLocal(start - 1, zone);
          expect(justBefore.date < date || justBefore.time < time).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every DST gap in a decade of New York and London', () => {
    for (const zone of [NY, LONDON]) {
      for (let year = 2020; year < 2030; year++) {
        const gaps = [];
        for (let n = 0; n < 366; n++) {
          const date = addDays(`${year}-01-01`, n);
          if (!date.startsWith(String(year))) break;
          const r = resolveLocal(date, zone === NY ? '02:30' : '01:30', zone);
          if (r.kind === 'gap') gaps.push(date);
        }
        expect(gaps).toHaveLength(1);
      }
    }
  });
});

describe('instantToLocal, clinicDate, weekdayOf, addDays', () => {
  it('reads an instant as wall-clock date, time and ISO weekday', () => {
    expect(instantToLocal('2026-11-21T03:30:00.000Z', 'Asia/Kolkata')).toEqual({
      date: '2026-11-21',
      time: '09:00',
      weekday: 6,
    });
    expect(instantToLocal(Date.parse('2026-11-23T03:00Z'), NY)).toEqual({
      date: '2026-11-22',
      time: '22:00',
      weekday: 7,
    });
    expect(instantToLocal('2026-11-01T05:30:00Z', NY).time).toBe('01:30');
    expect(instantToLocal('2026-11-01T06:30:00Z', NY).time).toBe('01:30');
  });

  it('gives the clinic date of an instant', () => {
    expect(clinicDate('2026-11-20T20:00:00.000Z', 'Asia/Kolkata')).toBe('2026-11-21');
    expect(clinicDate('2026-11-21T03:00:00.000Z', NY)).toBe('2026-11-20');
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf('2026-11-21')).toBe(6);
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2024-02-29')).toBe(4);
  });

  it('adds days across months, years and backwards', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('parses dates, times and instants strictly', () => {
    expect(parseDate('2026-11-21')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseTime('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(toEpochMs('2026-11-21T03:30:00.000Z')).toBe(Date.parse('2026-11-21T03:30:00.000Z'));
    expect(toEpochMs(5)).toBe(5);
    expect(() => toEpochMs('yesterday')).toThrow('yesterday is not an instant');
    expect(() => toEpochMs(Number.NaN)).toThrow(RangeError);
  });
});

describe('dayClock', () => {
  it('reads wall times on a transition day from the zone, instant by instant', () => {
    const clock = dayClock('2026-11-01', NY);
    expect(clock.date).toBe('2026-11-01');
    expect(clock.localTime(Date.parse('2026-11-01T05:30Z'))).toBe('01:30');
    expect(clock.localTime(Date.parse('2026-11-01T06:30Z'))).toBe('01:30');
    expect(clock.localTime(Date.parse('2026-11-01T14:00Z'))).toBe('09:00');
  });
});

describe('instantToLocal around clock changes (offsets remembered per hour)', () => {
  // Lord Howe moves its clocks by 30 minutes at 02:00 local, in the middle of a UTC hour;
  // Kathmandu sits at +05:45; the others change by an hour.
  const cases: [string, string][] = [
    [NY, '2026-03-08'],
    [NY, '2026-11-01'],
    [LONDON, '2026-03-29'],
    [LONDON, '2026-10-25'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
    ['Asia/Kathmandu', '2026-06-01'],
  ];
  it.each(cases)('matches luxon minute by minute in %s on %s', (zone, date) => {
    const from = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
    for (let at = from; at < from + 3 * 86_400_000; at += 60_000) {
      const expected = DateTime.fromMillis(at, { zone });
      const local = instantToLocal(at, zone);
      expect(`${local.date} ${local.time}`).toBe(expected.toFormat('yyyy-MM-dd HH:mm'));
    }
  });
});
