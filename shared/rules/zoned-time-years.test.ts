import { describe, expect, it } from 'vitest';
import { addDays, dayClock, instantToLocal, localToInstant, parseDate, weekdayOf } from './zoned-time';

/** Years 0–99 are taken as given, not as 1900–1999 the way Date.UTC reads them. */
describe('zoned time in the years 0000–0099', () => {
  it('parses such dates, and still refuses dates not in the calendar', () => {
    expect(parseDate('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
    expect(parseDate('0099-12-31')).toEqual({ year: 99, month: 12, day: 31 });
    expect(parseDate('0004-02-29')).toEqual({ year: 4, month: 2, day: 29 });
    expect(() => parseDate('0001-02-29')).toThrow(RangeError);
    expect(() => parseDate('0050-13-01')).toThrow(RangeError);
  });

  it('converts, counts and reads them in their own year', () => {
    expect(localToInstant('0001-01-01', '00:00', 'UTC')).toBe('0001-01-01T00:00:00.000Z');
    expect(dayClock('0050-06-01', 'UTC').startOf('09:30')).toBe(Date.parse('0050-06-01T09:30:00.000Z'));
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0001-01-01', 30)).toBe('0001-01-31');
    expect(weekdayOf('0001-01-01')).toBe(1); // a Monday in the proleptic Gregorian calendar
    expect(instantToLocal('0001-01-01T10:15:00.000Z', 'UTC')).toEqual({
      date: '0001-01-01',
      time: '10:15',
      weekday: 1,
    });
  });
});
