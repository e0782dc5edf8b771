import type { HubCore } from '@server/core/hub-core';
import type { ChannelSender } from './channel-sender';
import type { DeliveryOptions, DeliveryStats } from './delivery-options';
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from './delivery-policy';
import { type ClaimedMessage, type DeliveryOutcome, DeliveryRepository } from './delivery.repository';
import { deliverDueInApp } from './due-reminders';
import { readSmtpSettings } from './mail-settings.repository';
import { AttachmentError, type MadeAttachment, makeAttachment } from './message-attachments';
import { LocalSmsOutbox, smsSegments } from './sms-gateway';
import { SmtpSender } from './smtp-sender';

export type { DeliveryOptions, DeliveryStats } from './delivery-options';

interface Lane {
  channel: 'sms' | 'email';
  sender: ChannelSender;
  limit: number;
  queue: ClaimedMessage[];
  inFlight: number;
  claiming: boolean;
  /** The last claim found fewer than it asked for: claim again only after a wake or a poll. */
  exhausted: boolean;
}

/**
 * Sends the outbox after commit (docs/architecture.md, "Messages"): claims due messages in short
 * leased batches, sends them with bounded concurrency per channel, and records each outcome —
 * sent, retry later with backoff, failed, or skipped — never inside a command's transaction.
 * Runs in the hub process only; one hub per data directory, so leases only guard against this
 * worker taking a message twice, and a start clears the leases a killed hub left behind.
 */
export class DeliveryWorker {
  readonly stats: DeliveryStats = { sent: 0, retried: 0, failed: 0 };
  private readonly repo: DeliveryRepository;
  private readonly lanes: Lane[];
  private readonly retry: RetryPolicy;
  private readonly tasks = new Set<Promise<unknown>>();
  /**
   * Messages this worker holds (queued, sending or being recorded). A lease can run out while a
   * message still waits here (a mail server that answers each message only at its timeout); a
   * later claim then returns it again, and it must not be queued a second time.
   */
  private readonly held = new Set<string>();
  private readonly ownSmtp: SmtpSender | null;
  private drainWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private running = false;
  private closed = false;
  /** Stop has finished: nothing may be written any more. */
  private finished = false;
  private wakes = 0;
  /** Outcomes being written (their sends have ended). */
  private recording = 0;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly core: HubCore,
    private readonly options: DeliveryOptions = {},
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.repo = new DeliveryRepository(
      { db: core.db, writes: core.writes, clock: core.clock, audit: core.audit },
      {
        leaseMs: options.leaseMs ?? 600_000,
        flushDelayMs: options.flushDelayMs ?? 20,
        flushSize: options.flushSize ?? 200,
      },
    );
    const emailLimit = options.concurrency?.email ?? 4;
    this.ownSmtp = options.email
      ? null
      : new SmtpSender(() => readSmtpSettings(core.db), { maxConnections: emailLimit, ...options.smtp });
    const lane = (channel: Lane['channel'], sender: ChannelSender, limit: number): Lane => ({
      channel,
      sender,
      limit: Math.max(1, limit),
      queue: [],
      inFlight: 0,
      claiming: false,
      exhausted: false,
    });
    this.lanes = [
      lane('email', options.email ?? this.ownSmtp!, emailLimit),
      lane('sms', options.sms ?? new LocalSmsOutbox(), options.concurrency?.sms ?? 16),
    ];
  }

  /** Clears stale leases, then sends what is due now and keeps watching. */
  start(): void {
    if (this.running || this.closed) return;
    const cleared = this.repo.clearStaleLeases();
    if (cleared > 0)
      this.core.logger.info({ messages: cleared }, 'delivery: taking back messages a stopped hub held');
    this.running = true;
    this.unsubscribe = this.core.outbox.onWake(() => this.wake());
    this.timer = setInterval(() => this.poll(), this.options.pollMs ?? 5_000);
    this.timer.unref();
    this.poll();
  }

  /** A round by the clock: in-app messages that fell due reach the inbox, then SMS and e-mail. */
  private poll(): void {
    if (!this.running) return;
    try {
      deliverDueInApp(this.core);
    } catch (error) {
      this.core.logger.error({ err: error }, 'delivery: releasing due in-app messages failed');
    }
    this.wake();
  }

  /** Looks for due messages now (committed messages and retries call this through core.outbox). */
  wake(): void {
    if (!this.running) return;
    this.wakes += 1;
    for (const lane of this.lanes) {
      lane.exhausted = false;
      this.pump(lane);
    }
    this.checkDrained();
  }

  /**
   * Resolves once no message is due (by the hub's clock) and none is being sent or recorded: a
   * benchmark's "drained", a test's "nothing more will happen until the clock moves".
   */
  whenDrained(): Promise<void> {
    if (!this.running) return Promise.reject(new Error('the delivery worker is not running'));
    return new Promise((resolve, reject) => {
      this.drainWaiters.push({ resolve, reject });
      this.wake();
    });
  }

  /** Stops claiming, gives back what is queued, waits (bounded) for sends in flight, writes outcomes. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.running = false;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    for (const waiter of this.drainWaiters.splice(0)) waiter.reject(new Error('the delivery worker stopped'));
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
    let timeout: NodeJS.Timeout | undefined;
    const inFlight = Promise.allSettled([...this.tasks]);
    const late = await Promise.race([
      inFlight.then(() => false),
      new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timeout);
    if (late) {
      this.core.logger.warn(
        { sending: this.lanes.reduce((n, lane) => n + lane.inFlight, 0) },
        'delivery: stopped with messages still being sent; they are tried again when the hub starts',
      );
    }
    const queued = this.lanes.flatMap((lane) => lane.queue.splice(0).map((message) => message.id));
    for (const id of queued) this.held.delete(id);
    await this.repo.release(queued).catch(() => undefined);
    await this.repo.flush().catch(() => undefined);
    this.ownSmtp?.close();
    this.finished = true;
  }

  private pump(lane: Lane): void {
    while (this.running && lane.inFlight < lane.limit && lane.queue.length > 0) {
      this.launch(lane, lane.queue.shift()!);
    }
    if (!this.running || lane.claiming || lane.exhausted || lane.queue.length >= lane.limit) return;
    lane.claiming = true;
    const batchSize = this.options.batchSize ?? 100;
    const wakesBefore = this.wakes;
    this.track(
      this.repo.claim(lane.channel, batchSize).then(
        (rows) => {
          lane.claiming = false;
          if (rows.length < batchSize && this.wakes === wakesBefore) lane.exhausted = true;
          for (const row of rows) {
            if (this.held.has(row.id)) continue;
            this.held.add(row.id);
            lane.queue.push(row);
          }
          this.pump(lane);
          this.checkDrained();
        },
        (error: unknown) => {
          lane.claiming = false;
          lane.exhausted = true;
          this.core.logger.error({ err: error, channel: lane.channel }, 'delivery: claiming messages failed');
          this.checkDrained();
        },
      ),
    );
  }

  /** Sends one message; its slot frees when the send ends, while the outcome is still being written. */
  private launch(lane: Lane, message: ClaimedMessage): void {
    lane.inFlight += 1;
    this.track(
      this.deliver(lane, message)
        .catch((error: unknown): DeliveryOutcome => ({
          id: message.id,
          result: 'retry',
          error: String(error),
          nextAttemptMs: this.core.clock.now().getTime() + retryDelayMs(this.retry, message.attempts + 1),
        }))
        .then((outcome) => {
          lane.inFlight -= 1;
          this.recording += 1;
          this.pump(lane);
          return this.record(message, outcome);
        })
        .catch((error: unknown) =>
          this.core.logger.error({ err: error, notificationId: message.id }, 'delivery: recording failed'),
        )
        .finally(() => {
          this.recording -= 1;
          this.held.delete(message.id);
          this.checkDrained();
        }),
    );
  }

  private async deliver(lane: Lane, message: ClaimedMessage): Promise<DeliveryOutcome> {
    let made: MadeAttachment | null = null;
    if (message.channel === 'email' && message.attachment) {
      try {
        made = await makeAttachment(this.core.db, () => this.core.settings(), this.now(), message);
      } catch (error) {
        const reason = error instanceof AttachmentError ? error.message : String(error);
        return { id: message.id, result: 'failed', error: reason };
      }
    }
    const outcome = await lane.sender
      .send({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
        messageId: message.id,
        attachment: made?.attachment ?? null,
      })
      .catch((error: unknown) => ({ ok: false as const, permanent: false, error: String(error) }));

    if (outcome.ok) {
      return {
        id: message.id,
        result: 'sent',
        providerMessageId: outcome.providerMessageId,
        segments: message.channel === 'sms' && message.segments === null ? smsSegments(message.body) : null,
        ...(made?.disclosed ? { disclosed: made.disclosed } : {}),
      };
    }
    const attempts = message.attempts + 1;
    if (outcome.permanent || attempts >= this.retry.maxAttempts) {
      const error = outcome.permanent
        ? outcome.error
        : `${outcome.error} (gave up after ${attempts} attempts)`;
      return { id: message.id, result: 'failed', error };
    }
    const nextAttemptMs = this.core.clock.now().getTime() + retryDelayMs(this.retry, attempts);
    return { id: message.id, result: 'retry', error: outcome.error, nextAttemptMs };
  }

  private async record(message: ClaimedMessage, outcome: DeliveryOutcome): Promise<void> {
    if (this.finished) {
      // Stop gave up waiting and the database is closed: the lease is cleared on the next start.
      this.core.logger.warn({ notificationId: message.id }, 'delivery: outcome after stop not recorded');
      return;
    }
    if (outcome.result === 'sent') this.stats.sent += 1;
    else if (outcome.result === 'retry') this.stats.retried += 1;
    else this.stats.failed += 1;
    if (outcome.result !== 'sent') {
      this.core.logger.warn(
        { notificationId: message.id, channel: message.channel, kind: message.kind, outcome: outcome.result },
        `delivery: ${outcome.result === 'retry' ? 'will retry' : 'failed'}: ${outcome.error}`,
      );
    }
    await this.repo.record(outcome);
  }

  private checkDrained(): void {
    if (this.drainWaiters.length === 0 || !this.running) return;
    const busy = this.lanes.some(
      (lane) => lane.claiming || !lane.exhausted || lane.inFlight > 0 || lane.queue.length > 0,
    );
    if (busy || this.recording > 0) return;
    if (this.repo.dueCount() > 0) {
      setImmediate(() => this.wake());
      return;
    }
    for (const waiter of this.drainWaiters.splice(0)) waiter.resolve();
  }

  private track(task: Promise<unknown>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  private now(): string {
    return this.core.clock.now().toISOString();
  }
}
