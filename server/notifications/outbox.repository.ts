import { type Selectable, sql } from 'kysely';
import type {
  DeliveryState,
  MessageLanguage,
  Notification,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import type { MessageValues } from '@shared/rules/message-template';
import type { NotificationTable } from '@server/db/care-tables';
import type { Db } from '@server/db/database';
import { type ParameterOf, preparedQuery } from '@server/db/prepared-query';
import { notificationFromRow } from './notification-row';
import { PUSH_KINDS } from './push-signal';

export type OutboxRow = Selectable<NotificationTable>;
export type MessageAbout = NonNullable<Notification['about']>;

/** One row to write: a message on one channel, with its text already made. */
export interface NewMessage {
  id: string;
  dedupeKey: string;
  patientId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  language: MessageLanguage;
  recipient: string;
  about: MessageAbout | null;
  params: MessageValues;
  subject: string;
  body: string;
  segments: number | null;
  attachment: 'receipt' | 'prescription' | null;
  state: Exclude<DeliveryState, 'failed'>;
  reason: string | null;
  dueMs: number;
  now: string;
}

/**
 * Writes a message unless one with its key exists (a retried command or a replayed offline change
 * makes none). True when written.
 */
export function insertMessage(db: Db, message: NewMessage): boolean {
  return (
    insertRow.run(db, {
      id: message.id,
      dedupeKey: message.dedupeKey,
      patientId: message.patientId,
      kind: message.kind,
      channel: message.channel,
      language: message.language,
      recipient: message.recipient,
      aboutEntity: message.about?.entity ?? null,
      aboutId: message.about?.id ?? null,
      params: JSON.stringify(message.params),
      subject: message.subject,
      body: message.body,
      segments: message.segments,
      attachment: message.attachment,
      state: message.state,
      reason: message.reason,
      dueMs: message.dueMs,
      nextAttemptMs: message.dueMs,
      createdAt: message.now,
      updatedAt: message.now,
      sentAt: message.state === 'sent' ? message.now : null,
      attempts: 0,
    }).changes > 0
  );
}

type InsertedColumns = Omit<NotificationTable, 'leaseUntilMs' | 'providerMessageId' | 'readAt'>;
const insertedColumns = [
  'id',
  'dedupeKey',
  'patientId',
  'kind',
  'channel',
  'language',
  'recipient',
  'aboutEntity',
  'aboutId',
  'params',
  'subject',
  'body',
  'segments',
  'attachment',
  'state',
  'reason',
  'dueMs',
  'nextAttemptMs',
  'createdAt',
  'updatedAt',
  'sentAt',
  'attempts',
] as const satisfies readonly (keyof InsertedColumns)[];

// Built once: a busy clinic writes several rows per booking (see prepared-query.ts).
const insertRow = preparedQuery((q, p: ParameterOf<InsertedColumns>) =>
  q
    .insertInto('notifications')
    .values(Object.fromEntries(insertedColumns.map((column) => [column, p(column)])) as InsertedColumns)
    .onConflict((oc) => oc.column('dedupeKey').doNothing()),
);

const remindersOfAppointment = preparedQuery((q, p: ParameterOf<{ appointmentId: string }>) =>
  q
    .selectFrom('notifications')
    .selectAll()
    .where('aboutEntity', '=', 'appointments')
    .where('aboutId', '=', p('appointmentId'))
    .where('kind', '=', 'reminder')
    .orderBy('createdAt')
    .orderBy(sql`rowid`),
);

/** An appointment's latest reminder per channel (a moved one may have had several). */
export function latestReminders(db: Db, appointmentId: string): Map<NotificationChannel, OutboxRow> {
  const latest = new Map<NotificationChannel, OutboxRow>();
  for (const row of remindersOfAppointment.all(db, { appointmentId })) {
    latest.set(row.channel as NotificationChannel, row);
  }
  return latest;
}

/** Rewrites a message not yet attempted (a reminder moved, withdrawn or armed again). */
export function rewriteMessage(
  db: Db,
  id: string,
  change: Pick<
    NewMessage,
    | 'recipient'
    | 'language'
    | 'params'
    | 'subject'
    | 'body'
    | 'segments'
    | 'state'
    | 'reason'
    | 'dueMs'
    | 'now'
  >,
): void {
  db.run(
    db.q
      .updateTable('notifications')
      .set({
        recipient: change.recipient,
        language: change.language,
        params: JSON.stringify(change.params),
        subject: change.subject,
        body: change.body,
        segments: change.segments,
        state: change.state,
        reason: change.reason,
        dueMs: change.dueMs,
        nextAttemptMs: change.dueMs,
        updatedAt: change.now,
      })
      .where('id', '=', id)
      .where('attempts', '=', 0)
      .where('state', 'in', ['pending', 'skipped']),
  );
}

/** Marks a pending message skipped, saying why (a reminder withdrawn). */
export function skipMessage(db: Db, id: string, reason: string, now: string): void {
  db.run(
    db.q
      .updateTable('notifications')
      .set({ state: 'skipped', reason, updatedAt: now })
      .where('id', '=', id)
      .where('state', '=', 'pending'),
  );
}

export function latestReminder(
  db: Db,
  appointmentId: string,
  channel: NotificationChannel,
): OutboxRow | null {
  return latestReminders(db, appointmentId).get(channel) ?? null;
}

export function hasMessageWithKeyPrefix(db: Db, prefix: string): boolean {
  return (
    db.first(
      db.q
        .selectFrom('notifications')
        .select('id')
        .where('dedupeKey', '>=', prefix)
        .where('dedupeKey', '<', `${prefix}\uffff`)
        .where('state', '!=', 'skipped')
        .limit(1),
    ) !== undefined
  );
}

/** A patient's in-app inbox: delivered messages, newest first. */
export function inboxOf(db: Db, patientId: string, unreadOnly: boolean, limit = 200): Notification[] {
  let query = db.q
    .selectFrom('notifications')
    .selectAll()
    .where('patientId', '=', patientId)
    .where('channel', '=', 'in_app')
    .where('state', '=', 'sent');
  if (unreadOnly) query = query.where('readAt', 'is', null);
  return db
    .all(query.orderBy('sentAt', 'desc').orderBy('createdAt', 'desc').limit(limit))
    .map(notificationFromRow);
}

export function unreadCount(db: Db, patientId: string): number {
  const row = db.first(
    db.q
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('patientId', '=', patientId)
      .where('channel', '=', 'in_app')
      .where('state', '=', 'sent')
      .where('readAt', 'is', null),
  );
  return Number(row?.n ?? 0);
}

/** Marks the patient's own delivered in-app messages read; other ids are left alone, unanswered. */
export function markInboxRead(db: Db, patientId: string, ids: readonly string[], now: string): number {
  if (ids.length === 0) return 0;
  return db.run(
    db.q
      .updateTable('notifications')
      .set({ readAt: now, updatedAt: now })
      .where('id', 'in', [...ids])
      .where('patientId', '=', patientId)
      .where('channel', '=', 'in_app')
      .where('state', '=', 'sent')
      .where('readAt', 'is', null),
  ).changes;
}

/**
 * In-app messages that fall due later (reminders) are written pending; at their time they are
 * delivered by becoming sent. The delivery worker calls this on each round; it returns the
 * patients whose inbox grew (for `notifications.new`).
 */
export function releaseDueInApp(db: Db, nowMs: number, now: string): string[] {
  return releaseDueInAppRows(db, nowMs, now).patients;
}

/** As releaseDueInApp, with the released messages of a push kind (Web Push after commit). */
export function releaseDueInAppRows(
  db: Db,
  nowMs: number,
  now: string,
): { patients: string[]; pushIds: string[] } {
  const released = db.all(
    db.q
      .updateTable('notifications')
      .set({ state: 'sent', sentAt: now, updatedAt: now, leaseUntilMs: null })
      .where('state', '=', 'pending')
      .where('channel', '=', 'in_app')
      .where('nextAttemptMs', '<=', nowMs)
      .returning(['id', 'patientId', 'kind']),
  );
  return {
    patients: [...new Set(released.flatMap((row) => (row.patientId ? [row.patientId] : [])))],
    pushIds: released.filter((row) => PUSH_KINDS.has(row.kind as NotificationKind)).map((row) => row.id),
  };
}
