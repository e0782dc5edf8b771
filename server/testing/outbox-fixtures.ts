import { randomUUID } from 'node:crypto';
import type { NotificationTable } from '@server/db/care-tables';
import type { Db } from '@server/db/database';

/**
 * An outbox row written as the message planner writes one (tests of what staff see of messages
 * do not depend on the planner). Defaults: an SMS booking confirmation, pending, due at once.
 */
export function insertNotification(db: Db, overrides: Partial<NotificationTable> = {}): NotificationTable {
  const createdAt = overrides.createdAt ?? '2026-11-23T02:30:00.000Z';
  const id = overrides.id ?? randomUUID();
  const state = overrides.state ?? 'pending';
  const channel = overrides.channel ?? 'sms';
  const row: NotificationTable = {
    id,
    dedupeKey: `test:${id}:${channel}`,
    patientId: null,
    kind: 'booking_confirmation',
    channel,
    language: 'en',
    recipient: channel === 'email' ? 'asha@example.in' : '+91 98450 12345',
    aboutEntity: null,
    aboutId: null,
    params: '{}',
    subject: channel === 'sms' ? '' : 'Your appointment',
    body: 'Your appointment A-0001 with Dr Kavita Menon is on 24 Nov at 10:30.',
    segments: channel === 'sms' ? 1 : null,
    attachment: null,
    state,
    reason: null,
    attempts: state === 'pending' ? 0 : 1,
    dueMs: Date.parse(createdAt),
    nextAttemptMs: Date.parse(createdAt),
    leaseUntilMs: null,
    providerMessageId: null,
    updatedAt: createdAt,
    sentAt: state === 'sent' ? createdAt : null,
    readAt: null,
    ...overrides,
    createdAt,
  };
  db.run(db.q.insertInto('notifications').values(row));
  return row;
}
