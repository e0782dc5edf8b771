import type { Db } from '@server/db/database';
import { sourceGroup } from './source-address';

/** The window failures count in, and the longest block. */
const WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 15 * 60_000;
/** How long a source that signed in to an account stays exempt from that account's overall limit. */
export const TRUSTED_SOURCE_MS = 30 * 24 * 3_600_000;

/** Failures allowed before delays start: per account from one source, and per source in all. */
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_SOURCE = 20;
/** Per account across all sources: loose, and only for sources that have not signed in to it. */
export const FREE_FAILURES_PER_ACCOUNT_EVERYWHERE = 30;

/** Wrong pairing codes (`displays.pair`, public) one source may send in a window before delays start. */
export const FREE_PAIRING_FAILURES_PER_SOURCE = 5;

/**
 * The key wrong pairing codes from one source count against: the same source groups and the same
 * delays as sign-in (one mechanism), in a bucket of their own so a TV being set up never slows
 * anyone's sign-in and a guessed password never blocks a pairing.
 */
export const pairingThrottleKey = (address: string | null) => `display-pair:${sourceGroup(address)}`;

/** Where a sign-in comes from: the connection's address (null: in-process) and the device it names. */
export interface LoginSource {
  address: string | null;
  deviceId: string;
}

/** The throttle rows one attempt counts against (keys of `login_throttle`). */
export interface ThrottleKeys {
  /** This account from this source (address group and device id). */
  account: string;
  /** This source across all accounts. */
  source: string;
  /** This account across all sources; not applied to a trusted source. */
  accountEverywhere: string;
  /** Present while this source signed in to this account within TRUSTED_SOURCE_MS. */
  trusted: string;
}

/**
 * What a sign-in attempt counts against (docs/product.md §15): the account from this source (address and
 * device), and the source's address across all accounts. Never the account alone: then anyone
 * on the LAN could keep a colleague locked out of their own desktop. The address is what the
 * network says (an IPv6 one by its /64, see source-address.ts), so an attacker cannot borrow the
 * victim's; the device id is the client's word, so the per-address ceiling is what holds someone
 * who makes up a new one for every try. The loose per-account limit across all sources holds
 * guessing spread over many addresses, and spares the sources the account signed in from before
 * (the real user at her own desk).
 */
export function loginThrottleKeys(username: string, source: LoginSource): ThrottleKeys {
  const group = sourceGroup(source.address);
  return {
    account: `account:${JSON.stringify([username, group, source.deviceId])}`,
    source: `source:${group}`,
    accountEverywhere: `account-everywhere:${JSON.stringify(username)}`,
    trusted: `trusted:${JSON.stringify([username, group])}`,
  };
}

/**
 * Slows password guessing without ever locking anyone out for good: past a key's free failures
 * in 15 minutes each further failure blocks the key for 30 s, 1 min, 2 min … at most 15 minutes;
 * a success (for the account key) or a quiet window clears it. A success also marks the source
 * trusted for the account: a `trusted:` row whose `firstFailureAt` is the time of that success.
 */
export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /** Milliseconds the caller must still wait, or 0. */
  retryAfterMs(keys: ThrottleKeys, now: Date): number {
    const checked = [keys.account, keys.source];
    if (!this.isTrusted(keys, now)) checked.push(keys.accountEverywhere);
    let wait = 0;
    for (const key of checked) {
      const row = this.row(key);
      if (row?.blockedUntil) wait = Math.max(wait, Date.parse(row.blockedUntil) - now.getTime());
    }
    return Math.max(0, wait);
  }

  /** Milliseconds one key (such as pairingThrottleKey) must still wait, or 0. */
  retryAfterMsFor(key: string, now: Date): number {
    const row = this.row(key);
    return row?.blockedUntil ? Math.max(0, Date.parse(row.blockedUntil) - now.getTime()) : 0;
  }

  /** Counts one failure against a single key, blocking it past `freeFailures` in the window. */
  recordFailureFor(key: string, freeFailures: number, now: Date): void {
    this.forgetQuiet(now);
    this.countFailure(key, freeFailures, now);
  }

  recordFailure(keys: ThrottleKeys, now: Date): void {
    this.forgetQuiet(now);
    this.countFailure(keys.account, FREE_FAILURES_PER_ACCOUNT, now);
    this.countFailure(keys.source, FREE_FAILURES_PER_SOURCE, now);
    this.countFailure(keys.accountEverywhere, FREE_FAILURES_PER_ACCOUNT_EVERYWHERE, now);
  }

  /** Clears this source's count for the account (never the ceilings) and trusts the source. */
  succeeded(keys: ThrottleKeys, now: Date): void {
    this.db.run(this.db.q.deleteFrom('login_throttle').where('key', '=', keys.account));
    const at = now.toISOString();
    this.db.run(
      this.db.q
        .insertInto('login_throttle')
        .values({ key: keys.trusted, failures: 0, firstFailureAt: at, blockedUntil: null })
        .onConflict((oc) => oc.column('key').doUpdateSet({ firstFailureAt: at })),
    );
  }

  private isTrusted(keys: ThrottleKeys, now: Date): boolean {
    const row = this.row(keys.trusted);
    return !!row && now.getTime() - Date.parse(row.firstFailureAt) <= TRUSTED_SOURCE_MS;
  }

  private row(key: string) {
    return this.db.first(this.db.q.selectFrom('login_throttle').selectAll().where('key', '=', key));
  }

  private countFailure(key: string, freeFailures: number, now: Date): void {
    const row = this.row(key);
    const fresh = !row || now.getTime() - Date.parse(row.firstFailureAt) > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const firstFailureAt = fresh ? now.toISOString() : row.firstFailureAt;
    const over = failures - freeFailures;
    const blockedUntil =
      over > 0
        ? new Date(now.getTime() + Math.min(MAX_BLOCK_MS, 30_000 * 2 ** Math.min(over - 1, 20))).toISOString()
        : null;
    this.db.run(
      this.db.q
        .insertInto('login_throttle')
        .values({ key, failures, firstFailureAt, blockedUntil })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures, firstFailureAt, blockedUntil })),
    );
  }

  /** Rows that count for nothing any more are dropped, so the table stays small. */
  private forgetQuiet(now: Date): void {
    const nowIso = now.toISOString();
    this.db.run(
      this.db.q
        .deleteFrom('login_throttle')
        .where('key', 'not like', 'trusted:%')
        .where('firstFailureAt', '<', new Date(now.getTime() - WINDOW_MS).toISOString())
        .where((eb) => eb.or([eb('blockedUntil', 'is', null), eb('blockedUntil', '<', nowIso)])),
    );
    this.db.run(
      this.db.q
        .deleteFrom('login_throttle')
        .where('key', 'like', 'trusted:%')
        .where('firstFailureAt', '<', new Date(now.getTime() - TRUSTED_SOURCE_MS).toISOString()),
    );
  }
}
