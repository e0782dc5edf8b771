import { describe, expect, it } from 'vitest';
import { addDays, clinicToday, dateStrip } from './date-strip';

describe('date strip', () => {
  it('reads today in the clinic’s zone, not the phone’s', () => {
    // 20:00 UTC on 7 Dec is already 8 Dec in Kolkata (+05:30) and still 7 Dec in New York.
    const instant = new Date('2026-12-07T20:00:00Z');
    expect(clinicToday('Asia/Kolkata', instant)).toBe('2026-12-08');
    expect(clinicToday('America/New_York', instant)).toBe('2026-12-07');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('starts at the doctor’s next free day and ends at the booking horizon', () => {
    expect(dateStrip('2026-12-07', '2026-12-09', 5)).toEqual([
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
    ]);
  });

  it('starts today when the next free day is unknown or already past', () => {
    expect(dateStrip('2026-12-07', null, 2)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    expect(dateStrip('2026-12-07', '2026-12-01', 1)).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('is empty when the next free day is beyond the horizon, and bounded', () => {
    expect(dateStrip('2026-12-07', '2027-03-01', 30)).toEqual([]);
    expect(dateStrip('2026-12-07', null, 365, 60)).toHaveLength(60);
  });
});
