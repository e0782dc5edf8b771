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

const CODE_KINDS: readonly string[] = ['activation_code', 'password_reset_code'];
const MASK = '••••••';

/**
 * The outbox as staff see it: a sign-in code (activation, password reset) is the patient's alone,
 * so the front desk sees that it was sent and to where, never the code itself.
 */
export function staffNotificationFromRow(row: NotificationTable): Notification {
  const notification = notificationFromRow(row);
  if (!CODE_KINDS.includes(row.kind)) return notification;
  const code = codeOf(row.params);
  const mask = (text: string) => (code ? text.replaceAll(code, MASK) : text.replace(/\d{4,}/g, MASK));
  return { ...notification, subject: mask(notification.subject), body: mask(notification.body) };
}

function codeOf(params: string): string | null {
  try {
    const code = (JSON.parse(params) as { code?: unknown }).code;
    return typeof code === 'string' && code.length > 0 ? code : null;
  } catch {
    return null;
  }
}
