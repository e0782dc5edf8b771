import { describe, expect, it } from 'vitest';
import { type FreeDay, proposeMove } from './move-proposal';

const day = (date: string, ...times: string[]): FreeDay => ({
  date,
  slots: times.map((localTime) => ({ start: `${date}T${localTime}`, localTime })),
});

describe('a new time for a stranded booking', () => {
  it('keeps an evening booking in the evening on the nearest free day, not the next morning', () => {
    const days = [day('2026-12-08', '09:00', '09:15', '18:00'), day('2026-12-09', '09:00', '18:30')];
    expect(proposeMove({ date: '2026-12-07', time: '18:30' }, days, new Set())).toBe('2026-12-09T18:30');
    expect(proposeMove({ date: '2026-12-07', time: '18:00' }, days, new Set())).toBe('2026-12-08T18:00');
  });

  it('takes the nearer day either side, the later one on a tie, and never the leave day itself', () => {
    const days = [day('2026-12-05', '10:00'), day('2026-12-07', '10:00'), day('2026-12-09', '10:00')];
    expect(proposeMove({ date: '2026-12-07', time: '10:00' }, days, new Set())).toBe('2026-12-09T10:00');
    expect(proposeMove({ date: '2026-12-08', time: '10:00' }, days.slice(0, 1), new Set())).toBe(
      '2026-12-05T10:00',
    );
  });

  it('for a colleague, keeps the booking’s own day and time when the colleague is free then', () => {
    const days = [day('2026-12-07', '10:00', '18:30'), day('2026-12-08', '18:30')];
    const original = { date: '2026-12-07', time: '18:30' };
    expect(proposeMove(original, days, new Set(), { sameDay: true })).toBe('2026-12-07T18:30');
    expect(proposeMove(original, days, new Set())).toBe('2026-12-08T18:30');
  });

  it('gives two bookings two slots, then the nearest time of day when that time is not free anywhere', () => {
    const days = [day('2026-12-08', '17:00', '18:00', '19:30')];
    const taken = new Set<string>();
    expect(proposeMove({ date: '2026-12-07', time: '18:00' }, days, taken)).toBe('2026-12-08T18:00');
    expect(proposeMove({ date: '2026-12-07', time: '18:00' }, days, taken)).toBe('2026-12-08T17:00');
    expect(proposeMove({ date: '2026-12-07', time: '19:00' }, days, taken)).toBe('2026-12-08T19:30');
    expect(proposeMove({ date: '2026-12-07', time: '19:00' }, days, taken)).toBeNull();
  });
});
