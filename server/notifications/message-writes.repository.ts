import { randomUUID } from 'node:crypto';
import type { NotificationChannel, NotificationKind } from '@shared/domain/notification.schema';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import type { MessageValues } from '@shared/rules/message-template';
import type { HubCore } from '@server/core/hub-core';
import type { Db } from '@server/db/database';
import { clinicValues } from './message-params';
import { messageAudience } from './message-recipients';
import { insertMessage, type MessageAbout, unreadCount } from './outbox.repository';
import { PUSH_KINDS } from './push-signal';
import { renderMessage } from './render-message';

/** What writing messages needs of a handler's context (a HandlerContext has it all). */
export interface MessageContext {
  db: Db;
  /** The transaction's moment, ISO UTC. */
  now: string;
  settings(): ClinicSettings;
  afterCommit(fn: () => void): void;
  hub: Pick<HubCore, 'outbox' | 'events' | 'push'>;
}

/** One cause of messages to a patient: a row per channel, keyed so that it is made only once. */
export interface MessageCause {
  kind: NotificationKind;
  patientId: string;
  about: MessageAbout | null;
  /** The dedupe key of the row on that channel, e.g. `booking:<appointmentId>:sms`. */
  key(channel: NotificationChannel): string;
  /** The kind's own values; the patient's name and the clinic's are added. */
  values: MessageValues;
  /** Later than now: pending until then (in-app too). Default: now. */
  dueMs?: number;
  channels?: readonly NotificationChannel[];
}

export interface WrittenMessage {
  channel: NotificationChannel;
  written: boolean;
}

/**
 * Writes the cause's message on each of the patient's channels, in the caller's transaction:
 * in-app delivered (sent) at once unless due later, SMS and e-mail pending for the delivery worker,
 * a channel the patient cannot get skipped with its reason. After commit it wakes the worker for
 * what is due now and tells the patient's open app sessions about new inbox messages.
 */
export function writeMessages(ctx: MessageContext, cause: MessageCause): WrittenMessage[] {
  const audience = messageAudience(ctx.db, cause.patientId, cause.kind, cause.channels);
  if (!audience) return [];
  const nowMs = Date.parse(ctx.now);
  const dueMs = Math.max(cause.dueMs ?? nowMs, 0);
  const values: MessageValues = {
    patientName: audience.patientName,
    ...clinicValues(ctx.settings()),
    ...cause.values,
  };
  return audience.recipients.map((to) => {
    const text = renderMessage(ctx.db, cause.kind, to.channel, audience.language, values);
    const state = to.skipped ? 'skipped' : to.channel === 'in_app' && dueMs <= nowMs ? 'sent' : 'pending';
    const id = randomUUID();
    const written = insertMessage(ctx.db, {
      id,
      dedupeKey: cause.key(to.channel),
      patientId: audience.patientId,
      kind: cause.kind,
      channel: to.channel,
      language: audience.language,
      recipient: to.recipient,
      about: cause.about,
      params: values,
      ...text,
      attachment: to.attachment,
      state,
      reason: to.skipped,
      dueMs,
      now: ctx.now,
    });
    if (written && state === 'pending' && to.channel !== 'in_app' && dueMs <= nowMs)
      afterCommitHooks(ctx).wake = true;
    if (written && state === 'sent') afterCommitHooks(ctx).inboxes.add(audience.patientId);
    if (written && state === 'sent' && to.channel === 'in_app' && PUSH_KINDS.has(cause.kind))
      afterCommitHooks(ctx).pushes.push(id);
    return { channel: to.channel, written };
  });
}

interface AfterCommit {
  wake: boolean;
  inboxes: Set<string>;
  /** In-app messages to push to the patient's phones (Web Push) once committed. */
  pushes: string[];
}
const hooksByContext = new WeakMap<object, AfterCommit>();

/** One after-commit step per transaction, however many messages it wrote. */
export function afterCommitHooks(ctx: MessageContext): AfterCommit {
  let hooks = hooksByContext.get(ctx);
  if (!hooks) {
    const created: AfterCommit = { wake: false, inboxes: new Set(), pushes: [] };
    hooksByContext.set(ctx, created);
    ctx.afterCommit(() => {
      if (created.wake) ctx.hub.outbox.wake();
      for (const patientId of created.inboxes) notifyInbox(ctx, patientId);
      ctx.hub.push.delivered(created.pushes);
    });
    hooks = created;
  }
  return hooks;
}

/** `notifications.new` to the patient's connected app sessions, with their unread count. */
export function notifyInbox(ctx: Pick<MessageContext, 'db' | 'hub'>, patientId: string): void {
  const unread = unreadCount(ctx.db, patientId);
  const accounts = ctx.db.all(
    ctx.db.q.selectFrom('users').select('id').where('patientId', '=', patientId).where('disabled', '=', 0),
  );
  for (const account of accounts) ctx.hub.events.toUser(account.id, 'notifications.new', { unread });
}
