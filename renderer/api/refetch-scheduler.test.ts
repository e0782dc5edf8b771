import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refetchScheduler } from './refetch-scheduler';

describe('refetchScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  const setUp = () => {
    const runs: number[] = [];
    const scheduler = refetchScheduler(() => runs.push(Date.now() - 1_000_000), 25, 150);
    return { runs, scheduler };
  };

  it('runs once, 25 ms after the pushes one change sends together', () => {
    const { runs, scheduler } = setUp();
    scheduler.push();
    vi.advanceTimersByTime(5);
    scheduler.push();
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([25]);
  });

  it('keeps runs 150 ms apart in a burst, and always runs after the last push', () => {
    const { runs, scheduler } = setUp();
    for (let t = 0; t < 400; t += 10) {
      scheduler.push();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1_000);
    expect(runs).toEqual([25, 175, 325, 475]);
  });

  it('a lone push after a quiet spell waits only the settle time; stop cancels what is pending', () => {
    const { runs, scheduler } = setUp();
    scheduler.push();
    vi.advanceTimersByTime(1_000);
    scheduler.push();
    vi.advanceTimersByTime(25);
    expect(runs).toEqual([25, 1_025]);
    scheduler.push();
    scheduler.stop();
    vi.advanceTimersByTime(1_000);
    expect(runs).toHaveLength(2);
  });
});
