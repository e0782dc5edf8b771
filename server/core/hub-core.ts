import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { failure } from '@shared/contract/errors';
import { type ClinicSettings, clinicSettingsSchema } from '@shared/domain/settings.schema';
import type { Actor } from '@shared/domain/user.schema';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import { LoginThrottle } from '@server/auth/login-throttle';
import { argon2Passwords, type PasswordHasher } from '@server/auth/password';
import { Sessions } from '@server/auth/sessions.repository';
import { AuditAnchorFile } from './audit-anchor';
import { AuditGuard } from './audit-guard';
import { AuditLog } from './audit-log.repository';
import type { Clock } from './clock';
import { GroupCommit } from './group-commit';
import { HubEvents } from './hub-events';
import { OutboxSignal } from '@server/notifications/outbox-signal';
import { PushSignal } from '@server/notifications/push-signal';

const bumpCounter = preparedQuery((q, p: ParameterOf<{ name: string }>) =>
  q
    .insertInto('counters')
    .values({ name: p('name'), value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value'),
);

export interface HubCoreOptions {
  db: Db;
  /** HMAC key of the audit chain; kept outside the database (the hub's data directory). */
  auditKey: Buffer;
  clock: Clock;
  logger: Logger;
  /** Check every result against the contract's result schema (tests). */
  validateResults?: boolean;
  /** Anchor the audit chain in this file (the hub's data directory), and check it (AuditGuard). */
  auditAnchorFile?: string;
  /** How staff passwords are hashed and checked; argon2 (the demo's seeding memoizes it). */
  passwords?: PasswordHasher;
}

/** Long-lived hub state shared by all handlers and transports. */
export class HubCore {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events = new HubEvents();
  /** Messages due now were committed: the delivery worker need not wait for its next poll. */
  readonly outbox = new OutboxSignal();
  /** Inbox messages of a push kind were committed: the push sender sends them (Web Push). */
  readonly push = new PushSignal();
  readonly audit: AuditLog;
  /** Present when the chain is anchored outside the database (a hub on a data directory). */
  readonly auditGuard: AuditGuard | null;
  readonly sessions: Sessions;
  readonly throttle: LoginThrottle;
  readonly passwords: PasswordHasher;
  /** Operations arriving together share one durable commit (see GroupCommit). */
  readonly writes: GroupCommit;
  readonly validateResults: boolean;
  private cachedSettings: ClinicSettings | null = null;
  private readonly hubId: string;
  private epoch: number;

  constructor(options: HubCoreOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.logger = options.logger;
    this.validateResults = options.validateResults ?? false;
    this.audit = new AuditLog(this.db, options.auditKey);
    this.auditGuard = options.auditAnchorFile
      ? new AuditGuard(
          this.db,
          this.audit,
          new AuditAnchorFile(options.auditAnchorFile, options.auditKey),
          this.clock,
          this.logger,
        )
      : null;
    if (this.auditGuard) this.audit.anchorWith(this.auditGuard);
    this.sessions = new Sessions(this.db);
    this.throttle = new LoginThrottle(this.db);
    this.passwords = options.passwords ?? argon2Passwords;
    this.writes = new GroupCommit(this.db);
    this.hubId = this.meta('hub_id') ?? this.setMeta('hub_id', randomUUID());
    this.epoch = Number(this.meta('epoch') ?? this.setMeta('epoch', '1'));
  }

  identity(): { hubId: string; epoch: number } {
    return { hubId: this.hubId, epoch: this.epoch };
  }

  isSetUp(): boolean {
    return this.storedSettings() !== null;
  }

  /** The clinic's settings; refused before the first-run setup has created them. */
  settings(): ClinicSettings {
    const settings = this.storedSettings();
    if (!settings)
      throw failure('POLICY', 'The clinic is not set up yet: an admin must complete the first-run setup.');
    return settings;
  }

  saveSettings(settings: ClinicSettings): void {
    const data = JSON.stringify(settings);
    this.db.run(
      this.db.q
        .insertInto('settings')
        .values({ id: 1, data })
        .onConflict((oc) => oc.column('id').doUpdateSet({ data })),
    );
    this.cachedSettings = null;
  }

  /** Resolves a session token to the acting user, or throws UNAUTHENTICATED. */
  authenticate(token: string, deviceId: string): Actor {
    return this.authenticateUntil(token, deviceId).actor;
  }

  /** The session's actor and when the session ends unless used again (epoch ms). */
  authenticateUntil(token: string, deviceId: string): { actor: Actor; expiresAt: number } {
    const settings =
      this.storedSettings() ?? clinicSettingsSchema.parse({ clinicName: '-', timeZone: 'UTC' });
    // No transaction: a read, then at most one statement (the sliding expiry), each atomic.
    const session = this.sessions.validate(token, this.clock.now(), settings);
    const actor: Actor = {
      userId: session.user.id,
      role: session.user.role,
      doctorId: session.user.doctorId,
      patientId: session.user.patientId,
      deviceId: session.deviceId || deviceId,
    };
    const expiresAt = Math.min(Date.parse(session.idleExpiresAt), Date.parse(session.absoluteExpiresAt));
    return { actor, expiresAt };
  }

  /** The next value of a named counter (patient codes, bill numbers, tokens), inside the caller's transaction. */
  nextCounter(name: string): number {
    return bumpCounter.first(this.db, { name })!.value;
  }

  private storedSettings(): ClinicSettings | null {
    if (this.cachedSettings) return this.cachedSettings;
    const row = this.db.first(this.db.q.selectFrom('settings').select('data').where('id', '=', 1));
    this.cachedSettings = row ? clinicSettingsSchema.parse(JSON.parse(row.data)) : null;
    return this.cachedSettings;
  }

  private meta(key: string): string | undefined {
    return this.db.first(this.db.q.selectFrom('hub_meta').select('value').where('key', '=', key))?.value;
  }

  private setMeta(key: string, value: string): string {
    this.db.run(
      this.db.q
        .insertInto('hub_meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
    );
    return value;
  }
}
