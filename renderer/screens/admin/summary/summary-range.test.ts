import { describe, expect, it } from 'vitest';
import { customRange, granularityFor, hourLabel, rangeDates } from './summary-range';

describe('summary ranges', () => {
  it('is the day itself for today', () => {
    expect(rangeDates('today', '2026-11-25')).toEqual({ fromDate: '2026-11-25', toDate: '2026-11-25' });
  });
  it('is Monday to Sunday for the week, also on a Sunday and across a month end', () => {
    expect(rangeDates('week', '2026-11-25')).toEqual({ fromDate: '2026-11-23', toDate: '2026-11-29' });
    expect(rangeDates('week', '2026-11-29')).toEqual({ fromDate: '2026-11-23', toDate: '2026-11-29' });
    expect(rangeDates('week', '2026-12-01')).toEqual({ fromDate: '2026-11-30', toDate: '2026-12-06' });
  });
  it('is the calendar month, leap February included', () => {
    expect(rangeDates('month', '2026-11-25')).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(rangeDates('month', '2028-02-10')).toEqual({ fromDate: '2028-02-01', toDate: '2028-02-29' });
  });
  it('labels hours', () => {
    expect(hourLabel(9)).toBe('09:00–10:00');
    expect(hourLabel(23)).toBe('23:00–00:00');
  });
});

describe('last month and custom ranges', () => {
  it('is the previous calendar month, across a year end', () => {
    expect(rangeDates('lastMonth', '2026-11-25')).toEqual({ fromDate: '2026-10-01', toDate: '2026-10-31' });
    expect(rangeDates('lastMonth', '2027-01-05')).toEqual({ fromDate: '2026-12-01', toDate: '2026-12-31' });
    expect(rangeDates('lastMonth', '2028-03-31')).toEqual({ fromDate: '2028-02-01', toDate: '2028-02-29' });
  });
  it('takes a custom range as chosen, and names what is wrong with one it cannot show', () => {
    expect(customRange('2026-10-05', '2026-11-20')).toEqual({
      ok: true,
      fromDate: '2026-10-05',
      toDate: '2026-11-20',
    });
    expect(customRange(null, '2026-11-20')).toEqual({ ok: false, message: 'Choose the first day (From).' });
    expect(customRange('2026-11-21', '2026-11-20')).toMatchObject({
      ok: false,
      message: 'To must be on or after From.',
    });
    expect(customRange('2020-01-01', '2026-11-20')).toMatchObject({ ok: false });
  });
  it('groups by day, week or month by the range’s length', () => {
    expect(granularityFor('2026-11-01', '2026-11-14')).toBe('day');
    expect(granularityFor('2026-11-01', '2026-11-30')).toBe('week');
    expect(granularityFor('2026-01-01', '2026-12-31')).toBe('month');
  });
});
