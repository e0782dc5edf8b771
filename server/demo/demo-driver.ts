import type { Logger } from 'pino';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import { fixedClock } from '@server/core/clock';
import { type Caller, createDispatcher, type Dispatcher } from '@server/core/dispatcher';
import { HubCore } from '@server/core/hub-core';
import { memoizedPasswords } from '@server/auth/password';
import type { Db } from '@server/db/database';
import { handlers } from '@server/handlers/registry';

const MINUTE_MS = 60_000;

interface StaffSession {
  caller: Caller;
  lastUsedMs: number;
  absoluteExpiresMs: number;
}

/**
 * Drives a hub through its real handlers on a clock the demo moves forward: each staff member
 * signs in (auth.login) on their own device when they first act and again whenever their session
 * would have expired, exactly as at the clinic.
 */
export class DemoDriver {
  readonly clock: ReturnType<typeof fixedClock>;
  readonly core: HubCore;
  readonly dispatcher: Dispatcher;
  private readonly sessions = new Map<string, StaffSession>();
  private readonly passwords = new Map<string, { password: string; deviceId: string }>();
  private idleMinutes = 60;

  constructor(options: { db: Db; auditKey: Buffer; start: Date; logger: Logger }) {
    this.clock = fixedClock(options.start.toISOString());
    this.core = new HubCore({
      db: options.db,
      auditKey: options.auditKey,
      clock: this.clock,
      logger: options.logger,
      // ~500 sign-ins with one password: argon2 once per distinct check (the records are the same).
      passwords: memoizedPasswords(),
    });
    this.dispatcher = createDispatcher(this.core, handlers);
  }

  get nowMs(): number {
    return this.clock.now().getTime();
  }

  /** Moves the clock to an instant (never backwards). */
  at(ms: number): void {
    if (ms > this.nowMs) this.clock.set(new Date(ms).toISOString());
  }

  /**
   * Runs `work` (many operations) in one transaction: each operation still commits or rolls back
   * alone in its own savepoint, and the seeding pays for one commit instead of one per operation.
   * Nothing else writes to the database being seeded, and it is kept only once seeding completes.
   */
  async batch(work: () => Promise<void>): Promise<void> {
    const { sqlite } = this.core.db;
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      await work();
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
    sqlite.exec('COMMIT');
  }

  /** Remembers how a staff member signs in; `session` is the one auth.setup already gave. */
  addStaff(username: string, password: string, deviceId: string, session?: ResultOf<'auth.login'>): void {
    this.passwords.set(username, { password, deviceId });
    if (session) this.remember(username, session);
  }

  async anonymous<N extends OperationName>(name: N, input: InputOf<N>): Promise<ResultOf<N>> {
    return (await this.dispatcher.call(name, input, { token: null, deviceId: 'demo' })) as ResultOf<N>;
  }

  /** One operation as that staff member, signing in first when needed. */
  async as<N extends OperationName>(username: string, name: N, input: InputOf<N>): Promise<ResultOf<N>> {
    const caller = await this.signedIn(username);
    return (await this.dispatcher.call(name, input, caller)) as ResultOf<N>;
  }

  private async signedIn(username: string): Promise<Caller> {
    const now = this.nowMs;
    const live = this.sessions.get(username);
    // A margin of a few minutes: the hub slides the idle expiry only once a minute.
    if (
      live &&
      now - live.lastUsedMs < (this.idleMinutes - 5) * MINUTE_MS &&
      now < live.absoluteExpiresMs - 5 * MINUTE_MS
    ) {
      live.lastUsedMs = now;
      return live.caller;
    }
    const account = this.passwords.get(username);
    if (!account) throw new Error(`demo: no account ${username}`);
    const session = await this.anonymous('auth.login', {
      username,
      password: account.password,
      deviceId: account.deviceId,
    });
    return this.remember(username, session).caller;
  }

  private remember(username: string, session: ResultOf<'auth.login'>): StaffSession {
    const deviceId = this.passwords.get(username)?.deviceId ?? 'demo';
    this.idleMinutes = this.core.settings().sessionIdleMinutes;
    const entry = {
      caller: { token: session.token, deviceId },
      lastUsedMs: this.nowMs,
      absoluteExpiresMs: Date.parse(session.absoluteExpiresAt),
    };
    this.sessions.set(username, entry);
    return entry;
  }
}
