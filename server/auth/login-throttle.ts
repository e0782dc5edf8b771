import type { Db } from '@server/db/database';

/** The window failures count in, and the longest block. */
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;

/** Failures allowed before delays start: per account from one source, and per source in all. */
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_SOURCE = 20;

/** Where a sign-in comes from: the connection's address (null: in-process) and the device it names. */
export interface LoginSource {
  address: string | null;
  deviceId: string;
}

export interface ThrottleKey {
  key: string;
  freeFailures: number;
}

/**
 * What a sign-in attempt counts against (SPEC §15): the account from this source (address and
 * device), and the source's address across all accounts. Never the account alone: then anyone
 * on the LAN could keep a colleague locked out of their own desktop. The address is what the
 * network says, so an attacker cannot borrow the victim's; the device id is the client's word,
 * so the per-address ceiling is what holds someone who makes up a new one for every try.
 */
export function loginThrottleKeys(username: string, source: LoginSource): ThrottleKey[] {
  const address = normalizeAddress(source.address);
  return [
    {
      key: `account:${JSON.stringify([username, address, source.deviceId])}`,
      freeFailures: FREE_FAILURES_PER_ACCOUNT,
    },
    { key: `source:${address}`, freeFailures: FREE_FAILURES_PER_SOURCE },
  ];
}

/** The per-account key alone: a success clears it, never the source's ceiling. */
export function accountKeys(keys: readonly ThrottleKey[]): ThrottleKey[] {
  return keys.filter((k) => k.key.startsWith('account:'));
}

function normalizeAddress(address: string | null): string {
  if (!address) return 'this-machine';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/**
 * Slows password guessing without ever locking anyone out for good: past a key's free failures
 * in 15 minutes each further failure blocks the key for 30 s, 1 min, 2 min … at most 15 minutes;
 * a success (for the account key) or a quiet window clears it.
 */
export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /** Milliseconds the caller must still wait, or 0. */
  retryAfterMs(keys: readonly ThrottleKey[], now: Date): number {
    let wait = 0;
    for (const { key } of keys) {
      const row = this.db.first(this.db.q.selectFrom('login_throttle').selectAll().where('key', '=', key));
      if (row?.blockedUntil) wait = Math.max(wait, Date.parse(row.blockedUntil) - now.getTime());
    }
    return Math.max(0, wait);
  }

  recordFailure(keys: readonly ThrottleKey[], now: Date): void {
    this.forgetQuiet(now);
    for (const { key, freeFailures } of keys) {
      const row = this.db.first(this.db.q.selectFrom('login_throttle').selectAll().where('key', '=', key));
      const fresh = !row || now.getTime() - Date.parse(row.firstFailureAt) > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const firstFailureAt = fresh ? now.toISOString() : row.firstFailureAt;
      const over = failures - freeFailures;
      const blockedUntil =
        over > 0
          ? new Date(
              now.getTime() + Math.min(MAX_BLOCK_MS, 30_000 * 2 ** Math.min(over - 1, 20)),
            ).toISOString()
          : null;
      this.db.run(
        this.db.q
          .insertInto('login_throttle')
          .values({ key, failures, firstFailureAt, blockedUntil })
          .onConflict((oc) => oc.column('key').doUpdateSet({ failures, firstFailureAt, blockedUntil })),
      );
    }
  }

  clear(keys: readonly ThrottleKey[]): void {
    for (const { key } of keys) this.db.run(this.db.q.deleteFrom('login_throttle').where('key', '=', key));
  }

  /** Rows whose window and block are both over count for nothing: dropped, so the table stays small. */
  private forgetQuiet(now: Date): void {
    const nowIso = now.toISOString();
    this.db.run(
      this.db.q
        .deleteFrom('login_throttle')
        .where('firstFailureAt', '<', new Date(now.getTime() - WINDOW_MS).toISOString())
        .where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', nowIso)])),
    );
  }
}
