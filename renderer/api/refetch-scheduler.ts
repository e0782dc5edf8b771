import { type ChangeHint, mergeHints } from '@shared/contract/change-hint';

/**
 * Turns a stream of pushes into refetches: the pushes one change sends together settle for
 * `settleMs` into one run; after that, runs are at least `coalesceMs` apart; every push has a
 * run after it. A run gets the union of what its pushes named (null: anything may have changed).
 */
export function refetchScheduler(
  run: (hint: ChangeHint | null) => void,
  settleMs: number,
  coalesceMs: number,
) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = Number.NEGATIVE_INFINITY;
  let pending: ChangeHint | null = null;
  return {
    push(hint: ChangeHint | null = null): void {
      if (timer) {
        pending = mergeHints(pending, hint);
        return;
      }
      pending = hint;
      const wait = Math.max(settleMs, lastRun + coalesceMs - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRun = Date.now();
        const hinted = pending;
        pending = null;
        run(hinted);
      }, wait);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
