import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { ApiFailure } from '@shared/contract/errors';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import type { Mutation } from '@shared/contract/sync.contract';
import { fixedClock } from '@server/core/clock';
import { createDispatcher } from '@server/core/dispatcher';
import { HubCore } from '@server/core/hub-core';
import { openDatabase } from '@server/db/database';
import { handlers } from '@server/handlers/registry';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import {
  createSocketEndpoint,
  type SocketEndpoint,
  type SocketEndpointOptions,
} from '@server/sync/socket-endpoint';
import type { Reply } from '@server/sync/wire';

/** A real hub with its Socket.IO endpoint listening on 127.0.0.1, for tests over the wire. */
export interface SocketTestHub {
  /** With `setUp: false` the hub has no admin: `admin`, `call` and `signIn` are not usable. */
  hub: TestHub;
  endpoint: SocketEndpoint;
  url: string;
  connect(auth: ClientAuth, options?: ConnectOptions): Promise<ClientSocket>;
  close(): Promise<void>;
}

export interface ClientAuth {
  token?: string | null;
  deviceId?: string;
  clientId?: string;
  kind?: string;
  deviceName?: string;
}

export interface ConnectOptions {
  origin?: string;
  /** Connect from this local address (another loopback address such as 127.0.0.2: another machine). */
  localAddress?: string;
  /** Request headers of the handshake (a forged Host, say). */
  extraHeaders?: Record<string, string>;
}

type EndpointExtras = Omit<SocketEndpointOptions, 'core' | 'dispatcher'>;

/** On a hub set up with an admin (createTestHub), or, with `setUp: false`, on a fresh one. */
export async function startSocketHub(
  options: { setUp?: boolean } & EndpointExtras = {},
): Promise<SocketTestHub> {
  const { setUp = true, ...extras } = options;
  const hub = setUp ? await createTestHub() : bareHub();
  const endpoint = createSocketEndpoint({ core: hub.core, dispatcher: hub.dispatcher, ...extras });
  const port = await endpoint.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const sockets: ClientSocket[] = [];
  const server: SocketTestHub = {
    hub,
    endpoint,
    url,
    async connect(auth, connectOptions = {}) {
      const socket = await connectTo(url, auth, connectOptions);
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      // Tests may have replaced the endpoint (the hub going down and up again): close the current one.
      await server.endpoint.close();
      hub.close();
    },
  };
  return server;
}

/** A hub on a temporary file that has not been set up (no admin, no settings). */
function bareHub(): TestHub {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-sync-'));
  const db = openDatabase(join(dir, 'clinic.db'));
  const clock = fixedClock('2026-11-23T02:30:00.000Z');
  const core = new HubCore({
    db,
    auditKey: randomBytes(32),
    clock,
    logger: pino({ level: 'silent' }),
    validateResults: true,
  });
  const dispatcher = createDispatcher(core, handlers);
  const unavailable = () => {
    throw new Error('not available on a hub that is not set up');
  };
  return {
    dir,
    db,
    core,
    dispatcher,
    clock,
    admin: { token: null, deviceId: 'none' },
    call: unavailable,
    signIn: unavailable,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function connectTo(
  url: string,
  auth: ClientAuth,
  options: ConnectOptions = {},
): Promise<ClientSocket> {
  const socket = connectClient(url, {
    auth: { deviceId: 'test-pc', ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...options.extraHeaders, ...(options.origin ? { origin: options.origin } : {}) },
    // Passed on to the WebSocket of engine.io-client (Node), though its types do not list it.
    ...((options.localAddress ? { localAddress: options.localAddress } : {}) as object),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

export function send<T = unknown>(socket: ClientSocket, event: string, payload?: unknown): Promise<Reply<T>> {
  const timed = socket.timeout(10_000);
  return (payload === undefined ? timed.emitWithAck(event) : timed.emitWithAck(event, payload)) as Promise<
    Reply<T>
  >;
}

/** One contract operation over the socket; failures reject with ApiFailure like the dispatcher's. */
export async function callOver<N extends OperationName>(
  socket: ClientSocket,
  name: N,
  input: InputOf<N>,
): Promise<ResultOf<N>> {
  const reply = await send<ResultOf<N>>(socket, 'call', { name, input });
  if (!reply.ok) throw new ApiFailure(reply.error);
  return reply.result;
}

/** Resolves with the next payload of a server event. */
export function nextEvent<T = unknown>(socket: ClientSocket, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/**
 * A pushed patients.register mutation: a command a desktop queues (offline 'queue'), so the hub
 * runs it when pushed. No phone or date of birth, so equal names are not duplicates.
 */
export function registerPatientMutation(
  mutationId: number,
  fullName: string,
  id: string = randomUUID(),
): Mutation {
  return {
    mutationId,
    name: 'patients.register',
    input: { id, details: { fullName } },
    createdAt: '2026-11-23T02:00:00.000Z',
  };
}
