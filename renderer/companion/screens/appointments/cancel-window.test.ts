import { describe, expect, it } from 'vitest';
import { insideCancellationWindow } from '@shared/rules/lifecycle';
import { cancelBy, cancelState } from './cancel-window';

// 10:00 in Kolkata on 8 Dec 2026.
const startsAt = '2026-12-08T04:30:00.000Z';

describe('cancellation window', () => {
  it('closes the window minutes before the start', () => {
    expect(cancelBy(startsAt, 120)).toBe('2026-12-08T02:30:00.000Z');
    expect(cancelBy(startsAt, 0)).toBe(startsAt);
  });

  it('is open up to and including the last instant, then passed', () => {
    const open = cancelState({ status: 'CONFIRMED', startsAt }, 120, new Date('2026-12-08T02:30:00.000Z'));
    expect(open).toEqual({ kind: 'open', until: '2026-12-08T02:30:00.000Z' });
    const late = cancelState({ status: 'REQUESTED', startsAt }, 120, new Date('2026-12-08T02:30:00.001Z'));
    expect(late).toEqual({ kind: 'passed', until: '2026-12-08T02:30:00.000Z' });
  });

  it('agrees with the hub’s rule at the edge', () => {
    for (const now of ['2026-12-08T02:29:59.999Z', '2026-12-08T02:30:00.000Z', '2026-12-08T02:30:00.001Z']) {
      const shown = cancelState({ status: 'CONFIRMED', startsAt }, 120, new Date(now)).kind === 'open';
      expect(shown).toBe(insideCancellationWindow(startsAt, now, 120));
    }
  });

  it('offers no cancel for a visit that is checked in, over or cancelled', () => {
    for (const status of ['CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const)
      expect(cancelState({ status, startsAt }, 120, new Date('2026-12-01T00:00:00Z'))).toEqual({
        kind: 'closed',
      });
  });
});
