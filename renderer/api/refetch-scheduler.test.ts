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

describe('refetchScheduler with change hints', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('hands a run the union of the tables and ids its pushes named; one push without a hint means anything', () => {
    const hints: unknown[] = [];
    const scheduler = refetchScheduler((hint) => hints.push(hint), 25, 150);
    scheduler.push({ tables: ['appointments'], ids: { appointments: ['a1'] } });
    scheduler.push({ tables: ['queue_entries'], ids: { queue_entries: ['q1'] } });
    vi.advanceTimersByTime(25);
    expect(hints).toEqual([
      { tables: ['appointments', 'queue_entries'], ids: { appointments: ['a1'], queue_entries: ['q1'] } },
    ]);
    scheduler.push({ tables: ['patients'] });
    scheduler.push();
    vi.advanceTimersByTime(1_000);
    expect(hints[1]).toBeNull();
  });
});
