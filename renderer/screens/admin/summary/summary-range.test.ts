import { describe, expect, it } from 'vitest';
import { hourLabel, rangeDates } from './summary-range';

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
