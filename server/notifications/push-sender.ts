import webpush from 'web-push';
import type { HubCore } from '@server/core/hub-core';
import type { PushSubscriptionTable } from '@server/db/push-tables';
import { type PushMessage, pushMessages } from './push-payload';
import { ensureVapidKeys, type VapidKeys } from './push-keys.repository';
import {
  dropPushSubscription,
  pushSubscriptionsOf,
  recordPushOutcome,
} from './push-subscriptions.repository';

export interface PushOptions {
  /** Tests only: accept and send to http://127.0.0.1 endpoints. Never on by default. */
  allowLoopbackHttp?: boolean;
  /** One push request's limit (ms). */
  timeoutMs?: number;
  /** How long a push service keeps a message for a phone that is off (seconds). */
  ttlSeconds?: number;
}

/**
 * Web Push (RFC 8030, encrypted per RFC 8291 as aes128gcm, signed per RFC 8292 VAPID) of the
 * inbox messages `core.push` reports, after their commit, to each of the patient's phones.
 * web-push builds the request (encryption and the VAPID header); it is sent here with fetch so
 * that a test's http://127.0.0.1 push service works too. A push that fails changes nothing in
 * the inbox (the record) and nothing in SMS (the fallback, by the delivery policy); a service
 * answering 404 or 410 says the subscription is gone, and it is removed.
 */
export class PushSender {
  private readonly inFlight = new Set<Promise<void>>();
  private stopListening: (() => void) | null = null;
  private readonly keys: VapidKeys;

  constructor(
    private readonly core: Pick<HubCore, 'db' | 'clock' | 'logger' | 'push' | 'writes' | 'settings'>,
    private readonly options: PushOptions = {},
  ) {
    this.keys = ensureVapidKeys(core.db, core.clock.now().toISOString());
    core.push.allowLoopbackHttp = options.allowLoopbackHttp ?? false;
  }

  start(): void {
    this.stopListening ??= this.core.push.onDelivered((ids) => this.track(this.sendAll(ids)));
  }

  /** Stops listening and waits for the pushes in flight (each bounded by its timeout). */
  async stop(): Promise<void> {
    this.stopListening?.();
    this.stopListening = null;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves when every push asked for so far has been tried (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async sendAll(ids: readonly string[]): Promise<void> {
    try {
      const messages = pushMessages(this.core.db, ids);
      await Promise.all(
        messages.flatMap((message) =>
          pushSubscriptionsOf(this.core.db, message.patientId).map((sub) => this.sendOne(message, sub)),
        ),
      );
    } catch (error) {
      this.core.logger.warn({ err: error }, 'web push: sending failed');
    }
  }

  private async sendOne(message: PushMessage, sub: PushSubscriptionTable): Promise<void> {
    const endpointProblem = this.core.push.endpointProblem(sub.endpoint);
    let failure: string | null = endpointProblem;
    let gone = false;
    if (!endpointProblem) {
      try {
        const request = webpush.generateRequestDetails(
          { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
          JSON.stringify(message.payload),
          {
            vapidDetails: { subject: this.subject(), ...this.keys },
            TTL: this.options.ttlSeconds ?? 6 * 3600,
            contentEncoding: 'aes128gcm',
            urgency: 'high',
          },
        );
        const answer = await fetch(request.endpoint, {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: request.body ? new Uint8Array(request.body) : null,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
          redirect: 'error',
        });
        await answer.arrayBuffer();
        gone = answer.status === 404 || answer.status === 410;
        if (!answer.ok) failure = `push service answered ${answer.status}`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    const now = this.core.clock.now().toISOString();
    await this.core.writes.run(() =>
      gone
        ? dropPushSubscription(this.core.db, sub.id)
        : recordPushOutcome(this.core.db, sub.id, now, failure),
    );
    if (failure)
      this.core.logger.info(
        { message: message.id, subscription: sub.id, gone, failure },
        'web push not delivered',
      );
  }

  /** The VAPID contact: the clinic's e-mail (Apple's push service refuses a localhost one). */
  private subject(): string {
    const email = this.core.settings().email;
    return email ? `mailto:${email}` : 'mailto:clinic@example.com';
  }
}
