import type {
  DeliveryState,
  MessageLanguage,
  Notification,
  NotificationChannel,
  NotificationKind,
} from '@shared/domain/notification.schema';
import type { NotificationTable } from '@server/db/care-tables';

type About = NonNullable<Notification['about']>;

/**
 * An outbox row as the API shows it (`notificationSchema`). The epoch-ms scheduling columns
 * become instants; `nextAttemptAt` only while the message is pending (a sent, failed or skipped
 * one has no next attempt). `params`, the lease and the provider's id stay on the hub.
 */
export function notificationFromRow(row: NotificationTable): Notification {
  return {
    id: row.id,
    patientId: row.patientId,
    kind: row.kind as NotificationKind,
    channel: row.channel as NotificationChannel,
    language: row.language as MessageLanguage,
    recipient: row.recipient,
    about:
      row.aboutEntity && row.aboutId ? { entity: row.aboutEntity as About['entity'], id: row.aboutId } : null,
    subject: row.subject,
    body: row.body,
    segments: row.segments,
    attachment: row.attachment as Notification['attachment'],
    state: row.state as DeliveryState,
    reason: row.reason,
    attempts: row.attempts,
    dueAt: new Date(row.dueMs).toISOString(),
    nextAttemptAt: row.state === 'pending' ? new Date(row.nextAttemptMs).toISOString() : null,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    readAt: row.readAt,
  };
}
