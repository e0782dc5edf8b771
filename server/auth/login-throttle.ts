import type { Db } from '@server/db/database';

/** Failures allowed before delays start, the window they count in, and the longest block. */
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;

/**
 * Slows password guessing (SPEC §15) without ever locking anyone out for good: after five
 * failures in 15 minutes each further failure blocks the key for 30 s, 1 min, 2 min … at most
 * 15 minutes; a success or a quiet window clears it. Keys are per account and per address.
 */
export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /** Milliseconds the caller must still wait, or 0. */
  retryAfterMs(keys: readonly string[], now: Date): number {
    let wait = 0;
    for (const key of keys) {
      const row = this.db.first(this.db.q.selectFrom('login_throttle').selectAll().where('key', '=', key));
      if (row?.blockedUntil) wait = Math.max(wait, Date.parse(row.blockedUntil) - now.getTime());
    }
    return Math.max(0, wait);
  }

  recordFailure(keys: readonly string[], now: Date): void {
    for (const key of keys) {
      const row = this.db.first(this.db.q.selectFrom('login_throttle').selectAll().where('key', '=', key));
      const fresh = !row || now.getTime() - Date.parse(row.firstFailureAt) > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - FREE_FAILURES;
      const blockedUntil =
        over > 0
          ? new Date(now.getTime() + Math.min(MAX_BLOCK_MS, 30_000 * 2 ** (over - 1))).toISOString()
          : null;
      this.db.run(
        this.db.q
          .insertInto('login_throttle')
          .values({
            key,
            failures,
            firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt,
            blockedUntil,
          })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              failures,
              firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt,
              blockedUntil,
            }),
          ),
      );
    }
  }

  clear(keys: readonly string[]): void {
    for (const key of keys) this.db.run(this.db.q.deleteFrom('login_throttle').where('key', '=', key));
  }
}
