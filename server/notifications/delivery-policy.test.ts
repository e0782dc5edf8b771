import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, reminderSkipReason, retryDelayMs } from './delivery-policy';

describe('retry backoff', () => {
  it('doubles from 30 s, with half of each wait random, and never waits more than an hour', () => {
    const least = (attempts: number) => retryDelayMs(defaultRetryPolicy, attempts, () => 0);
    const most = (attempts: number) => retryDelayMs(defaultRetryPolicy, attempts, () => 1);
    expect([1, 2, 3, 4].map(most)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map(least)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(most(8)).toBe(3_600_000);
    expect(most(50)).toBe(3_600_000);
    expect(least(50)).toBe(1_800_000);
  });

  it('gives up after 10 attempts, at most about three hours after the first', () => {
    const waits = Array.from({ length: defaultRetryPolicy.maxAttempts - 1 }, (_, i) =>
      retryDelayMs(defaultRetryPolicy, i + 1, () => 1),
    );
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(30_000 * (2 ** 7 - 1) + 2 * 3_600_000);
  });
});

describe('reminders that must not go out', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('are those whose appointment started, is gone or is no longer booked', () => {
    expect(reminderSkipReason({ status: 'CONFIRMED', startMs: now + 60_000 }, now)).toBeNull();
    expect(reminderSkipReason({ status: 'REQUESTED', startMs: now + 60_000 }, now)).toBeNull();
    expect(reminderSkipReason({ status: 'CONFIRMED', startMs: now }, now)).toMatch(/already started/);
    expect(reminderSkipReason({ status: 'NO_SHOW', startMs: now + 60_000 }, now)).toBe(
      'the appointment is no show',
    );
    expect(reminderSkipReason(undefined, now)).toBe('the appointment no longer exists');
  });
});
