import type { NotificationChannel } from '@shared/domain/notification.schema';

/** A message ready to go out on one channel, as the delivery worker hands it to a sender. */
export interface OutgoingMessage {
  id: string;
  channel: Exclude<NotificationChannel, 'in_app'>;
  recipient: string;
  subject: string;
  body: string;
  /** Stable per message, so that a resend after a crash can be recognised by the receiver. */
  messageId: string;
  attachment: { fileName: string; contentType: string; content: Buffer } | null;
}

/** What a sender learned: accepted, or refused for now (retry) or for good (failed at once). */
export type SendOutcome =
  | { ok: true; providerMessageId: string | null; response: string }
  | { ok: false; permanent: boolean; error: string };

export interface ChannelSender {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}
