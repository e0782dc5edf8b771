import { sql } from 'kysely';
import type { AuditLog } from '@server/core/audit-log.repository';
import type { Clock } from '@server/core/clock';
import type { GroupCommit } from '@server/core/group-commit';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import { EMAIL_NOT_SET_UP, reminderSkipReason } from './delivery-policy';
import { readSmtpSettings } from './mail-settings.repository';

/** An outbox row claimed for sending (leased: no other claim takes it until it is recorded). */
export interface ClaimedMessage {
  id: string;
  patientId: string | null;
  kind: string;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  segments: number | null;
  attachment: string | null;
  aboutEntity: string | null;
  aboutId: string | null;
  /** Attempts before this one. */
  attempts: number;
}

/** What became of one claimed message; written with others in one transaction. */
export type DeliveryOutcome =
  | {
      id: string;
      result: 'sent';
      providerMessageId: string | null;
      segments?: number | null;
      /** A document with medical content left the clinic with it: audited like a read. */
      disclosed?: { action: string; entity: string; entityId: string; patientId: string | null };
    }
  | { id: string; result: 'retry'; error: string; nextAttemptMs: number }
  | { id: string; result: 'failed' | 'skipped'; error: string };

const claimDue = preparedQuery(
  (q, p: ParameterOf<{ channel: string; nowMs: number; leaseUntilMs: number; limit: number }>) =>
    q
      .updateTable('notifications')
      .set({ leaseUntilMs: p('leaseUntilMs') })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notifications')
          .select('id')
          .where('state', '=', 'pending')
          .where('channel', '=', p('channel'))
          .where('nextAttemptMs', '<=', p('nowMs'))
          .where((w) => w.or([w('leaseUntilMs', 'is', null), w('leaseUntilMs', '<=', p('nowMs'))]))
          .orderBy('nextAttemptMs')
          .orderBy('createdAt')
          .limit(p('limit')),
      )
      .returning([
        'id',
        'patientId',
        'kind',
        'channel',
        'recipient',
        'subject',
        'body',
        'segments',
        'attachment',
        'aboutEntity',
        'aboutId',
        'attempts',
        'nextAttemptMs',
        'createdAt',
      ]),
);

const appointmentState = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.selectFrom('appointments').select(['status', 'startMs']).where('id', '=', p('id')),
);

const markSent = preparedQuery(
  (
    q,
    p: ParameterOf<{ id: string; now: string; providerMessageId: string | null; segments: number | null }>,
  ) =>
    q
      .updateTable('notifications')
      .set((eb) => ({
        state: 'sent',
        sentAt: p('now'),
        updatedAt: p('now'),
        providerMessageId: p('providerMessageId'),
        attempts: eb('attempts', '+', 1),
        segments: eb.fn.coalesce('segments', sql<number | null>`${p('segments')}`),
        leaseUntilMs: null,
        reason: null,
      }))
      .where('id', '=', p('id'))
      .where('state', '=', 'pending'),
);

const markRetry = preparedQuery(
  (q, p: ParameterOf<{ id: string; now: string; reason: string; nextAttemptMs: number }>) =>
    q
      .updateTable('notifications')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        reason: p('reason'),
        nextAttemptMs: p('nextAttemptMs'),
        leaseUntilMs: null,
        updatedAt: p('now'),
      }))
      .where('id', '=', p('id'))
      .where('state', '=', 'pending'),
);

/** failed (counts as an attempt) or skipped (never tried). */
const markFinal = preparedQuery(
  (q, p: ParameterOf<{ id: string; now: string; state: string; reason: string; attempted: number }>) =>
    q
      .updateTable('notifications')
      .set((eb) => ({
        state: p('state'),
        reason: p('reason'),
        attempts: eb('attempts', '+', p('attempted')),
        leaseUntilMs: null,
        updatedAt: p('now'),
      }))
      .where('id', '=', p('id'))
      .where('state', '=', 'pending'),
);

const releaseLease = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.updateTable('notifications').set({ leaseUntilMs: null }).where('id', '=', p('id')),
);

/** Reasons are shown to staff and kept short (the contract allows 500 characters). */
const clip = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}…` : text);

/**
 * The outbox as the delivery worker sees it. Claims are one short write transaction each;
 * outcomes are collected for a moment and written together, both through the hub's group commit,
 * so that a drain of thousands of messages adds a few commits a second, not one per message, to
 * what desk bookings wait for.
 */
export class DeliveryRepository {
  private batch: OutcomeBatch | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: { db: Db; writes: GroupCommit; clock: Clock; audit: AuditLog },
    private readonly options: { leaseMs: number; flushDelayMs: number; flushSize: number },
  ) {}

  /**
   * Leases up to `limit` due messages of a channel, oldest first. Those that must not go out are
   * settled in the same transaction: reminders whose appointment has started or is no longer
   * booked, e-mail while the clinic has no mail server.
   */
  claim(channel: 'sms' | 'email', limit: number): Promise<ClaimedMessage[]> {
    const { db, clock } = this.deps;
    return this.deps.writes.run(() =>
      db.transaction(() => {
        const nowMs = clock.now().getTime();
        const now = new Date(nowMs).toISOString();
        const rows = claimDue.all(db, { channel, nowMs, leaseUntilMs: nowMs + this.options.leaseMs, limit });
        rows.sort((a, b) => a.nextAttemptMs - b.nextAttemptMs || a.createdAt.localeCompare(b.createdAt));
        const mailReady = channel !== 'email' || mailServerReady(db);
        const sendable: ClaimedMessage[] = [];
        for (const row of rows) {
          const reason = !mailReady
            ? EMAIL_NOT_SET_UP
            : row.kind === 'reminder' && row.aboutEntity === 'appointments' && row.aboutId
              ? reminderSkipReason(appointmentState.first(db, { id: row.aboutId }), nowMs)
              : null;
          if (reason) {
            markFinal.run(db, { id: row.id, now, state: 'skipped', reason, attempted: 0 });
            continue;
          }
          sendable.push({ ...row, channel: row.channel as 'sms' | 'email' });
        }
        return sendable;
      }),
    );
  }

  /** Records an outcome; resolves once it is committed (with the others collected meanwhile). */
  record(outcome: DeliveryOutcome): Promise<void> {
    const batch = (this.batch ??= newBatch());
    batch.outcomes.push(outcome);
    if (batch.outcomes.length >= this.options.flushSize) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), this.options.flushDelayMs);
    return batch.done;
  }

  /** Writes what is collected now; resolves when everything recorded so far is committed. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.batch;
    this.batch = null;
    if (!batch) return this.lastWrite;
    const { db, clock, audit } = this.deps;
    const write = this.deps.writes.run(() =>
      db.transaction(() => {
        const now = clock.now().toISOString();
        for (const outcome of batch.outcomes) applyOutcome(db, audit, outcome, now);
      }),
    );
    write.then(batch.resolve, batch.reject);
    this.lastWrite = write.then(
      () => undefined,
      () => undefined,
    );
    return batch.done;
  }

  /** Gives back leases of claimed messages that will not be tried now (a stopping worker). */
  release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    const { db } = this.deps;
    return this.deps.writes.run(() =>
      db.transaction(() => {
        for (const id of ids) releaseLease.run(db, { id });
      }),
    );
  }

  /**
   * On start: leases left by a hub that stopped or was killed mid-send are cleared, so those
   * messages are tried again now (one hub per data directory: no other sender holds them).
   */
  clearStaleLeases(): number {
    const { db } = this.deps;
    return db.transaction(() =>
      Number(
        db.run(
          db.q
            .updateTable('notifications')
            .set({ leaseUntilMs: null })
            .where('state', '=', 'pending')
            .where('leaseUntilMs', 'is not', null),
        ).changes,
      ),
    );
  }

  /** How many messages a claim would take now (0: drained, as far as the hub's clock says). */
  dueCount(): number {
    const { db, clock } = this.deps;
    const nowMs = clock.now().getTime();
    const row = db.first(
      db.q
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('state', '=', 'pending')
        .where('channel', 'in', ['sms', 'email'])
        .where('nextAttemptMs', '<=', nowMs)
        .where((w) => w.or([w('leaseUntilMs', 'is', null), w('leaseUntilMs', '<=', nowMs)])),
    );
    return Number(row?.count ?? 0);
  }
}

interface OutcomeBatch {
  outcomes: DeliveryOutcome[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): OutcomeBatch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { outcomes: [], done, resolve, reject };
}

function mailServerReady(db: Db): boolean {
  const settings = readSmtpSettings(db);
  return settings.enabled && settings.host.trim() !== '';
}

function applyOutcome(db: Db, audit: AuditLog, outcome: DeliveryOutcome, now: string): void {
  switch (outcome.result) {
    case 'sent': {
      const changed = markSent.run(db, {
        id: outcome.id,
        now,
        providerMessageId: outcome.providerMessageId,
        segments: outcome.segments ?? null,
      }).changes;
      if (changed > 0 && outcome.disclosed) {
        audit.append({
          at: now,
          actorUserId: null,
          actorRole: null,
          deviceId: 'hub',
          kind: 'read',
          action: outcome.disclosed.action,
          entity: outcome.disclosed.entity,
          entityId: outcome.disclosed.entityId,
          patientId: outcome.disclosed.patientId,
          details: { notificationId: outcome.id, channel: 'email' },
        });
      }
      return;
    }
    case 'retry':
      markRetry.run(db, {
        id: outcome.id,
        now,
        reason: clip(outcome.error),
        nextAttemptMs: outcome.nextAttemptMs,
      });
      return;
    case 'failed':
      markFinal.run(db, { id: outcome.id, now, state: 'failed', reason: clip(outcome.error), attempted: 1 });
      return;
    case 'skipped':
      markFinal.run(db, { id: outcome.id, now, state: 'skipped', reason: clip(outcome.error), attempted: 0 });
  }
}
