import { io, type Socket } from 'socket.io-client';
import type { ChangeHint } from '@shared/contract/change-hint';
import { type ApiError, ApiFailure } from '@shared/contract/errors';

export interface LinkAuth {
  deviceId: string;
  deviceName: string;
  clientId?: string;
}

type Reply<T> = ({ ok: true; result: T } | { ok: false; error: ApiError }) & { changed?: ChangeHint };

/** The hub could not be asked (not connected, timed out, connection lost). */
export class HubUnreachable extends Error {
  constructor(message = 'The hub cannot be reached.') {
    super(message);
    this.name = 'HubUnreachable';
  }
}

/**
 * The desktop's Socket.IO connection to the hub's LAN sync port: reconnects by itself with
 * backoff, and turns acknowledged messages into promises (ApiFailure for the hub's refusals).
 */
export class HubLink {
  readonly socket: Socket;

  constructor(url: string, auth: LinkAuth) {
    this.socket = io(url, {
      auth: { kind: 'desktop', ...auth },
      transports: ['websocket'],
      autoConnect: false,
      reconnection: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 3_000,
      randomizationFactor: 0.3,
      timeout: 5_000,
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  start(): void {
    this.socket.connect();
  }

  /** Reconnects with a new handshake (another user's sync client id). */
  reconnectAs(auth: LinkAuth): void {
    this.socket.auth = { kind: 'desktop', ...auth };
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Resolves once connected (true), or after `timeoutMs` without a connection (false). */
  waitConnected(timeoutMs: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.socket.off('connect', onConnect);
        resolve(value);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.socket.on('connect', onConnect);
    });
  }

  async request<T>(event: string, payload?: unknown, timeoutMs = 20_000): Promise<T> {
    return (await this.requestWithHint<T>(event, payload, timeoutMs)).result;
  }

  /** `request`, with what a command wrote when the hub says (its `call` answers carry `changed`). */
  async requestWithHint<T>(
    event: string,
    payload?: unknown,
    timeoutMs = 20_000,
  ): Promise<{ result: T; changed?: ChangeHint }> {
    if (!this.socket.connected) throw new HubUnreachable();
    let reply: Reply<T>;
    try {
      const timed = this.socket.timeout(timeoutMs);
      reply = (await (payload === undefined
        ? timed.emitWithAck(event)
        : timed.emitWithAck(event, payload))) as Reply<T>;
    } catch {
      throw new HubUnreachable(`The hub did not answer ${event}.`);
    }
    if (!reply.ok) throw new ApiFailure(reply.error);
    return reply.changed ? { result: reply.result, changed: reply.changed } : { result: reply.result };
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.disconnect();
  }
}
