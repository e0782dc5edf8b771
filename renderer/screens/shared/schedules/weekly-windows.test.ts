import { describe, expect, it } from 'vitest';
import { nextWindow, rowProblems, toRows, toWindows } from './weekly-windows';

const DOCTOR = '00000000-0000-4000-8000-000000000001';

describe('weekly window rows', () => {
  it('round-trips windows sorted by weekday and start', () => {
    const rows = toRows([
      { weekday: 2, start: '14:00', end: '17:00', roomId: null },
      { weekday: 1, start: '09:00', end: '13:00', roomId: null },
    ]);
    expect(toWindows(rows).map((w) => `${w.weekday} ${w.start}`)).toEqual(['1 09:00', '2 14:00']);
  });
  it('names the row that overlaps or ends before it starts', () => {
    const rows = toRows([
      { weekday: 1, start: '09:00', end: '13:00', roomId: null },
      { weekday: 1, start: '12:00', end: '15:00', roomId: null },
      { weekday: 3, start: '10:00', end: '09:00', roomId: null },
    ]);
    const problems = rowProblems(DOCTOR, rows);
    expect(problems.get(rows[1]!.key)).toMatch(/overlaps/);
    expect(problems.get(rows[2]!.key)).toMatch(/end: must end after it starts/);
    expect(problems.has(rows[0]!.key)).toBe(false);
  });
  it('suggests a window after the last one of the day', () => {
    const rows = toRows([{ weekday: 1, start: '09:00', end: '13:00', roomId: null }]);
    expect(nextWindow(rows, 1)).toEqual({ start: '14:00', end: '17:00' });
    expect(nextWindow(rows, 2)).toEqual({ start: '09:00', end: '12:00' });
  });
});
