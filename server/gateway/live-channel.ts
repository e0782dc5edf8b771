import type { FastifyReply, FastifyRequest } from 'fastify';
import { failure } from '@shared/contract/errors';
import type { ResultOf } from '@shared/contract/index';
import type { EventPayload } from '@shared/contract/events.contract';
import type { Actor } from '@shared/domain/user.schema';
import { clinicDate } from '@shared/rules/zoned-time';
import { hashToken } from '@server/auth/sessions.repository';
import type { Caller, Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import type { UserEvent } from '@server/core/hub-events';
import { unreadCount } from '@server/notifications/outbox.repository';
import { type EventStream, openEventStream } from './event-stream';
import { patientCaller } from './patient-session';
import { findMyQueue, type RunAsPatient } from './queue-routes';

export interface LiveOptions {
  /** Default 25 s. */
  heartbeatMs?: number;
  /** The reconnect delay advised to clients (`retry:`); default 5 s. */
  retryMs?: number;
  /** Open streams on this gateway at most (default 200); more are refused with 429. */
  maxStreams?: number;
  /** Open streams of one session at most (default 3: a phone app and a tab or two). */
  maxStreamsPerSession?: number;
}

interface Stream {
  readonly actor: Actor;
  readonly caller: Caller;
  readonly session: string;
  readonly events: EventStream;
  expiresAt: number;
  /** What the client was last sent; undefined before the first `queue` event. */
  sentQueue: string | undefined;
  /** The doctor whose queue I was in when last sent, and the clinic day sent. */
  sentDoctorId: string | null;
  sentDate: string | null;
  sentUnread: number | undefined;
  refreshing: boolean;
  refreshAgain: boolean;
}

/**
 * The patient's live channel (GET /events): a Server-Sent Events stream per open app, fed by
 * the hub's in-process events. Each stream carries only its own patient's figures: `queue`
 * when MY position or estimate changed, `notifications` with my unread count, `session` when
 * the session ended (the stream closes then). The hub's listeners exist only while a stream is
 * open: the first stream attaches them, the last one to close removes them.
 */
export class LiveChannel {
  private readonly streams = new Set<Stream>();
  private detach: (() => void)[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly heartbeatMs: number;
  private readonly retryMs: number;
  private readonly maxStreams: number;
  private readonly maxPerSession: number;

  constructor(
    private readonly core: HubCore,
    private readonly dispatcher: Dispatcher,
    options: LiveOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.retryMs = options.retryMs ?? 5_000;
    this.maxStreams = options.maxStreams ?? 200;
    this.maxPerSession = options.maxStreamsPerSession ?? 3;
  }

  get size(): number {
    return this.streams.size;
  }

  /** Answers the request with a stream, or throws (401 not signed in, 429 too many, 503 closing). */
  open(request: FastifyRequest, reply: FastifyReply): void {
    if (this.closed) throw failure('UNREACHABLE', 'The clinic’s hub is shutting down. Try again soon.');
    const caller = patientCaller(this.core, request);
    const { actor, expiresAt } = this.core.authenticateUntil(caller.token!, caller.deviceId);
    const session = hashToken(caller.token!);
    const ofSession = [...this.streams].filter((s) => s.session === session).length;
    if (ofSession >= this.maxPerSession || this.streams.size >= this.maxStreams) {
      void reply.header('retry-after', String(Math.ceil(this.retryMs / 1000)));
      throw failure('RATE_LIMITED', 'Too many live connections are open. Close one and try again.');
    }
    const events = openEventStream(reply, { retryMs: this.retryMs });
    const stream: Stream = {
      actor,
      caller,
      session,
      events,
      expiresAt,
      sentQueue: undefined,
      sentDoctorId: null,
      sentDate: null,
      sentUnread: undefined,
      refreshing: false,
      refreshAgain: false,
    };
    if (this.streams.size === 0) this.attach();
    this.streams.add(stream);
    void events.closed.then(() => this.remove(stream));
    // The snapshot: my unread count now, and my queue figures once read.
    this.sendUnread(stream, unreadCount(this.core.db, actor.patientId!));
    this.refresh(stream);
  }

  /** Ends every stream (the gateway is closing) and refuses new ones. */
  close(): void {
    this.closed = true;
    for (const stream of [...this.streams]) stream.events.end();
    for (const stream of [...this.streams]) this.remove(stream);
  }

  private attach(): void {
    const events = this.core.events;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    this.detach = [
      () => clearInterval(this.heartbeat),
      events.on('queue.changed', (payload) => this.queueChanged(payload)),
      events.onUserEvent((event) => this.userEvent(event)),
      events.onRevoked(({ userId, reason }) => {
        for (const stream of this.streams)
          if (stream.actor.userId === userId) this.checkSession(stream, reason);
      }),
    ];
  }

  private remove(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    stream.events.end();
    if (this.streams.size === 0) for (const stop of this.detach.splice(0)) stop();
  }

  private queueChanged({ doctorId, clinicDate: date }: EventPayload<'queue.changed'>): void {
    const today = clinicDate(this.core.clock.now().toISOString(), this.core.settings().timeZone);
    if (date !== today) return;
    // One read per change, not one per stream: whose figures can it have moved? Everyone in
    // that doctor's queue today (a check-in or walk-in just made included), and whoever was.
    const inQueue = new Set(
      this.core.db
        .all(
          this.core.db.q
            .selectFrom('queue_entries')
            .select('patientId')
            .where('doctorId', '=', doctorId)
            .where('clinicDate', '=', date),
        )
        .map((row) => row.patientId),
    );
    for (const stream of this.streams) {
      if (inQueue.has(stream.actor.patientId!) || stream.sentDoctorId === doctorId) this.refresh(stream);
    }
  }

  private userEvent(event: UserEvent): void {
    if (event.name !== 'notifications.new') return;
    for (const stream of this.streams) {
      if (stream.actor.userId === event.userId) this.sendUnread(stream, event.payload.unread);
    }
  }

  private sendUnread(stream: Stream, unread: number): void {
    if (stream.sentUnread === unread) return;
    stream.sentUnread = unread;
    stream.events.send('notifications', { unread });
  }

  /** Reads my figures again (one read at a time per stream) and sends them if they changed. */
  private refresh(stream: Stream): void {
    if (stream.events.ended) return;
    if (stream.refreshing) {
      stream.refreshAgain = true;
      return;
    }
    stream.refreshing = true;
    const run: RunAsPatient = (name, input) =>
      this.dispatcher.execute(name, input, stream.actor, stream.caller) as Promise<ResultOf<typeof name>>;
    void findMyQueue(run, this.core)
      .then((queue) => {
        const text = JSON.stringify(queue);
        if (text !== stream.sentQueue && !stream.events.ended) {
          stream.sentQueue = text;
          stream.sentDoctorId = queue.position?.doctorId ?? null;
          stream.sentDate = queue.clinicDate;
          stream.events.send('queue', queue);
        }
      })
      .catch((error: unknown) => {
        this.core.logger.warn({ err: error }, 'patient gateway: could not read a live queue position');
      })
      .finally(() => {
        stream.refreshing = false;
        if (stream.refreshAgain && !stream.events.ended) {
          stream.refreshAgain = false;
          this.refresh(stream);
        }
      });
  }

  /**
   * Every stream's heartbeat comment; a look at the session of those whose end time has come
   * (closed if it ended, else its new end kept: the app used the session meanwhile, as an open
   * stream alone does not keep an unused session alive); a new `queue` when the clinic day turned.
   */
  private beat(): void {
    const now = this.core.clock.now();
    const today = clinicDate(now.toISOString(), this.core.settings().timeZone);
    for (const stream of [...this.streams]) {
      if (now.getTime() >= stream.expiresAt) this.checkSession(stream, 'expired');
      if (stream.events.ended) continue;
      stream.events.comment('heartbeat');
      if (stream.sentDate !== null && stream.sentDate !== today) this.refresh(stream);
    }
  }

  /**
   * The session ended for this user (hub `session.ended`), or its end time came: a stream whose
   * session is no longer valid gets `session` and closes. Another session of the user that
   * signed out elsewhere stays open.
   */
  private checkSession(stream: Stream, reason: EventPayload<'session.ended'>['reason']): void {
    try {
      stream.expiresAt = this.core.authenticateUntil(stream.caller.token!, stream.caller.deviceId).expiresAt;
    } catch {
      stream.events.send('session', { ended: true, reason });
      this.remove(stream);
    }
  }
}
