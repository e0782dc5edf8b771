import type { Db } from '@server/db/database';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: operations that arrive while the hub is busy share one durable commit.
 *
 * With `synchronous=FULL` every commit waits for the disk, which costs more than the work of a
 * booking itself. Operations submitted in the same turn of the event loop run one after another
 * inside one IMMEDIATE transaction, each in its own savepoint (better-sqlite3 turns the nested
 * `db.transaction` of each operation into one), so a failing operation rolls back alone. Nobody
 * is answered before the shared COMMIT has returned, so an acknowledged change is on disk; if the
 * COMMIT itself fails, every operation of the group fails. A lone operation behaves exactly as a
 * plain transaction.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxGroupSize = 64,
  ) {}

  /** Runs `work` (synchronous, using `db.transaction` for its own savepoint) in the next group. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const group = this.queue.splice(0, this.maxGroupSize);
    if (this.queue.length > 0) setImmediate(() => this.flush());
    else this.scheduled = false;

    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const pending of group) {
          try {
            outcomes.push({ ok: true, value: pending.work() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
