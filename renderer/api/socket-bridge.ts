import { io, type Socket } from 'socket.io-client';
import type { ApiError } from '@shared/contract/errors';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { BridgeReply, ClinicBridge, ConnectionState } from './bridge';
import { storedToken, storeToken } from './device';

const SERVER_EVENTS = [
  'sync.poke',
  'queue.changed',
  'queue.called',
  'session.ended',
  'notifications.new',
] as const;

export interface SocketBridgeOptions {
  /** The hub's address; the page's own origin by default (browser mode). */
  url?: string;
  deviceId: string;
  deviceName: string;
  /** How long a call may wait for the hub's answer (it waits across a short reconnect). */
  callTimeoutMs?: number;
}

type Listener = (payload: never) => void;

/**
 * Browser mode: the contract over Socket.IO straight to the hub (docs/architecture.md (The contract)). The session token
 * rides in the handshake, so a reconnect (hub restart, network blip) resumes the session; a token
 * the hub no longer accepts ends the session locally (`session.ended` with reason `expired`).
 */
export function createSocketBridge(options: SocketBridgeOptions): ClinicBridge & { close(): void } {
  const callTimeoutMs = options.callTimeoutMs ?? 20_000;
  let token = storedToken();
  const listeners = new Map<EventName, Set<Listener>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = {
    mode: 'browser',
    online: false,
    offlineSince: null,
    pendingChanges: 0,
    lastSyncAt: null,
    needsAttention: 0,
    syncError: null,
  };

  const setState = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    for (const listener of stateListeners) listener(state);
  };
  const heard = () => setState({ lastSyncAt: new Date().toISOString() });
  /** Keeps the hub's clock offset from an answer's serverTime (changes under a second ignored). */
  const clockFrom = (serverTime: string | undefined) => {
    const hubMs = serverTime ? Date.parse(serverTime) : Number.NaN;
    if (Number.isNaN(hubMs)) return;
    const offset = hubMs - Date.now();
    const known = state.hubClockOffsetMs;
    if (known === undefined || Math.abs(offset - known) >= 1000) setState({ hubClockOffsetMs: offset });
  };
  const dispatch = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
  };
  const dropToken = () => {
    token = null;
    storeToken(null);
  };

  const socket: Socket = io(options.url ?? window.location.origin, {
    transports: ['websocket'],
    auth: (cb) =>
      cb({
        deviceId: options.deviceId,
        kind: 'browser',
        deviceName: options.deviceName,
        ...(token ? { token } : {}),
      }),
  });

  socket.on('connect', () => {
    setState({ online: true, offlineSince: null });
    heard();
  });
  socket.on('disconnect', (reason) => {
    setState({ online: false, offlineSince: state.offlineSince ?? new Date().toISOString() });
    // The hub closed this connection (session revoked): stay connected, signed out.
    if (reason === 'io server disconnect') {
      dropToken();
      socket.connect();
    }
  });
  socket.on('connect_error', (error: Error & { data?: ApiError }) => {
    setState({ online: false, offlineSince: state.offlineSince ?? new Date().toISOString() });
    if (socket.active) return; // a network problem: Socket.IO retries by itself
    if (error.data?.code === 'UNAUTHENTICATED' && token) {
      dropToken();
      dispatch('session.ended', { reason: 'expired' });
      socket.connect();
    } else {
      setTimeout(() => socket.connect(), 3000);
    }
  });
  for (const event of SERVER_EVENTS) {
    socket.on(event, (payload: unknown) => {
      heard();
      if (event === 'session.ended') dropToken();
      dispatch(event, payload);
    });
  }

  async function emit<T>(event: string, payload: unknown): Promise<BridgeReply<T>> {
    try {
      const reply = (await socket.timeout(callTimeoutMs).emitWithAck(event, payload)) as BridgeReply<T>;
      heard();
      clockFrom(reply.serverTime);
      return reply;
    } catch {
      return { ok: false, error: unreachable() };
    }
  }

  return {
    call: (name, input) => emit('call', { name, input }),
    async authenticate(next) {
      const reply = await emit('auth', { token: next });
      if (next === null || !reply.ok) dropToken();
      else {
        token = next;
        storeToken(next);
      }
      return reply;
    },
    currentToken: () => token,
    onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    connectionState: () => state,
    onConnectionState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    close: () => void socket.disconnect(),
  };
}

function unreachable(): ApiError {
  return {
    code: 'UNREACHABLE',
    message:
      'The hub did not answer in time. Check the network connection; if you were saving something, ' +
      'look whether it was saved before trying again.',
  };
}
