/**
 * Turns a stream of pushes into refetches: the pushes one change sends together settle for
 * `settleMs` into one run; after that, runs are at least `coalesceMs` apart; every push has a
 * run after it.
 */
export function refetchScheduler(run: () => void, settleMs: number, coalesceMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  return {
    push(): void {
      if (timer) return;
      const wait = Math.max(settleMs, lastRun + coalesceMs - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRun = Date.now();
        run();
      }, wait);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
