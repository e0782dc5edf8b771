import { describe, expect, it } from 'vitest';
import { addDays, daysOf, mondayOf } from './schedule-dates';

describe('schedule dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
  it('finds the Monday of an ISO week (Sunday belongs to the week before)', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-21')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });
  it('lists one day or a Monday-to-Sunday week', () => {
    expect(daysOf('day', '2026-11-21')).toEqual(['2026-11-21']);
    expect(daysOf('week', '2026-11-21')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });
});
