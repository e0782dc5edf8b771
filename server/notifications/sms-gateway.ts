import { smsSize } from '@shared/rules/sms-segments';
import type { ChannelSender, OutgoingMessage, SendOutcome } from './channel-sender';

/**
 * Where SMS go. A real provider (an HTTP API) implements this later and is passed to the delivery
 * worker (`StartHubOptions.delivery.sms`); its outcome says whether to retry, like e-mail's.
 */
export interface SmsGateway extends ChannelSender {
  /** Shown in logs and kept as the start of each message's provider id. */
  readonly name: string;
}

/**
 * The simulated gateway this build ships (docs/architecture.md, "Messages"): nothing leaves the
 * clinic. Every SMS is accepted at once and stays in the outbox as sent, text and segment count
 * included, where staff read it (Messages screen, `notifications.outbox` with channel 'sms').
 */
export class LocalSmsOutbox implements SmsGateway {
  readonly name = 'local-outbox';

  send(message: OutgoingMessage): Promise<SendOutcome> {
    return Promise.resolve({
      ok: true,
      providerMessageId: `${this.name}:${message.id}`,
      response: 'kept in the local SMS outbox (simulated; nothing was sent to a phone)',
    });
  }
}

/** The segment count recorded for an SMS whose writer left it empty. */
export function smsSegments(body: string): number {
  return smsSize(body).segments;
}
