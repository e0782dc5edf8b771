import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '@shared/contract/events.contract';

/** In-process events raised after commits; the sync endpoint relays them to connected clients. */
export class HubEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.emitter.emit(name, payload);
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Session revocations: the endpoint disconnects sockets of these sessions or users. */
  onRevoked(listener: (target: { userId: string; reason: EventPayload<'session.ended'>['reason'] }) => void) {
    this.emitter.on('internal.revoked', listener);
    return () => this.emitter.off('internal.revoked', listener);
  }

  revoked(userId: string, reason: EventPayload<'session.ended'>['reason']): void {
    this.emitter.emit('internal.revoked', { userId, reason });
  }

  /** A waiting-room display's settings or credential changed (display/display-endpoint.ts). */
  displayChanged(displayId: string): void {
    this.emitter.emit('internal.display', displayId);
  }

  onDisplayChanged(listener: (displayId: string) => void): () => void {
    this.emitter.on('internal.display', listener);
    return () => this.emitter.off('internal.display', listener);
  }

  /** The admin asked a display for a test announcement. */
  displayTest(displayId: string): void {
    this.emitter.emit('internal.display-test', displayId);
  }

  onDisplayTest(listener: (displayId: string) => void): () => void {
    this.emitter.on('internal.display-test', listener);
    return () => this.emitter.off('internal.display-test', listener);
  }

  /** An event for one user's connections only (their new in-app messages), not every client. */
  toUser<N extends EventName>(userId: string, name: N, payload: EventPayload<N>): void {
    this.emitter.emit('internal.user', { userId, name, payload });
  }

  onUserEvent(listener: (event: UserEvent) => void): () => void {
    this.emitter.on('internal.user', listener);
    return () => this.emitter.off('internal.user', listener);
  }

  /** Listeners attached now, over every event (tests check that closed streams leave none behind). */
  listenerCount(): number {
    return this.emitter.eventNames().reduce((sum, name) => sum + this.emitter.listenerCount(name), 0);
  }
}

export type UserEvent = {
  [N in EventName]: { userId: string; name: N; payload: EventPayload<N> };
}[EventName];
