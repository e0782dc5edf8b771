import type { ChangeHint } from '@shared/contract/change-hint';
import { failure } from '@shared/contract/errors';
import { helloRequestSchema, type HubHello } from '@shared/contract/sync.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import { recordDevice } from '@server/repositories/device-names.repository';
import { REFUSED_FRAME_EVENT } from './frame-guard';
import { recordOutboxReport } from './outbox-report';
import { pullChanges } from './pull';
import { recordReplicaReads } from './replica-reads';
import type { PushApplier } from './push';
import { lastMutationIdFor, touchClient } from './sync-clients.repository';
import { staffOnly } from './staff-only';
import { callerOf, type HubSocket, type SocketRegistry } from './socket-session';
import {
  type Ack,
  assertMessageDepth,
  assertPayloadSize,
  authMessageSchema,
  callMessageSchema,
  parseMessage,
  type Reply,
  toApiError,
} from './wire';

export interface SocketDeps {
  core: HubCore;
  dispatcher: Dispatcher;
  pushes: PushApplier;
  registry: SocketRegistry;
  maxPayloadBytes: number;
  maxAnonymousFrameBytes: number;
}

/**
 * The messages a connection may send, each answered through its acknowledgement with
 * `{ ok: true, result }` or `{ ok: false, error }`:
 * - `call` `{ name, input }`: one contract operation, as the connection's session (or public).
 * - `auth` `{ token }`: adopt a session token (after `auth.login` over this socket), or `null` to drop it.
 * - `hello`: the hub's identity and epoch, and this client's last processed mutation id (0 unless
 *   the connection's session is the client's own user on its own device).
 * - `sync.reads`: reads of medical content a desktop served from its replica, for the audit log.
 * - `sync.outbox`: how many changes wait on the desktop per sync client, for the devices list.
 * - `sync.push` / `sync.pull`: the sync protocol (shared/contract/sync.contract.ts); signed-in only.
 */
export function registerSocketHandlers(socket: HubSocket, deps: SocketDeps): void {
  const { core, dispatcher, pushes, registry, maxPayloadBytes } = deps;

  answer(
    socket,
    deps,
    'call',
    (payload) => {
      assertPayloadSize(payload, maxPayloadBytes);
      const { name, input } = parseMessage(callMessageSchema, payload, 'call');
      return dispatcher.callWithHint(name, input, callerOf(socket));
    },
    { stamped: true, reporting: true },
  );

  answer(socket, deps, 'auth', (payload) => {
    const { token } = parseMessage(authMessageSchema, payload, 'auth');
    if (token === null) {
      registry.signOut(socket);
      return { signedIn: false };
    }
    try {
      const { actor, expiresAt } = core.authenticateUntil(token, socket.data.deviceId);
      staffOnly(actor);
      registry.signIn(socket, token, actor, expiresAt);
      touch(deps, socket, actor);
      return { signedIn: true, actor };
    } catch (error) {
      registry.signOut(socket);
      throw error;
    }
  });

  answer(socket, deps, 'hello', (payload): HubHello => {
    const request = parseMessage(helloRequestSchema, payload, 'hello');
    const now = core.clock.now();
    // The offset pushed times are corrected by (author's time of signatures and addenda).
    if (request) {
      socket.data.clock = {
        offsetMs: now.getTime() - Date.parse(request.clientTime),
        helloAt: now.toISOString(),
      };
    }
    const actor = socket.data.token ? currentSession(socket, deps) : null;
    return {
      ...core.identity(),
      protocolVersion: 1,
      serverTime: now.toISOString(),
      lastMutationId: lastMutationIdFor(core.db, socket.data.clientId, actor),
    };
  });

  answer(socket, deps, 'sync.push', (payload) => {
    assertPayloadSize(payload, maxPayloadBytes);
    const actor = requireSession(socket, deps);
    const { clientId, deviceName, kind, clock } = socket.data;
    return pushes.push({ actor, caller: callerOf(socket), clientId, deviceName, kind, clock }, payload);
  });

  answer(socket, deps, 'sync.reads', (payload) => {
    assertPayloadSize(payload, maxPayloadBytes);
    const actor = requireSession(socket, deps);
    return recordReplicaReads(core, actor, socket.data.clientId, payload);
  });

  answer(socket, deps, 'sync.outbox', (payload) => {
    assertPayloadSize(payload, maxPayloadBytes);
    return recordOutboxReport(core, requireSession(socket, deps), payload);
  });

  answer(socket, deps, 'sync.pull', (payload) => {
    const actor = requireSession(socket, deps);
    return pullChanges(core, actor, socket.data.clientId, payload);
  });

  // What an oversized frame of a connection not signed in became (frame-guard.ts).
  answer(socket, deps, REFUSED_FRAME_EVENT, () => {
    const limit = `${Math.floor(deps.maxAnonymousFrameBytes / 1024)} KB`;
    throw failure(
      'PAYLOAD_TOO_LARGE',
      `This message is larger than the ${limit} the hub reads before sign-in. Please sign in first.`,
    );
  });
}

/**
 * Records the device and its client as seen (connect, sign-in), for the admin's devices list and
 * the device names screens show; on first contact this binds the client to the session's user
 * and device. A client bound to others is left alone (its pushes are refused).
 */
export function touch(deps: Pick<SocketDeps, 'core'>, socket: HubSocket, actor: Actor): void {
  const { clientId, deviceName, kind } = socket.data;
  const { core } = deps;
  const at = core.clock.now().toISOString();
  core.db.transaction(() =>
    recordDevice(core.db, { deviceId: actor.deviceId, kind, reportedName: deviceName }, at),
  );
  if (!clientId) return;
  const client = { clientId, userId: actor.userId, deviceName, kind, deviceId: actor.deviceId };
  if (!core.db.transaction(() => touchClient(core.db, client, at))) {
    core.logger.warn(
      { clientId, userId: actor.userId, deviceId: actor.deviceId },
      'sync client id in use by another user or device',
    );
  }
}

/** The connection's session, checked again now: it may have ended since the connection was made. */
function requireSession(socket: HubSocket, deps: SocketDeps): Actor {
  const { token, deviceId } = socket.data;
  if (!token) throw failure('UNAUTHENTICATED', 'Please sign in first.');
  try {
    const { actor, expiresAt } = deps.core.authenticateUntil(token, deviceId);
    socket.data.actor = staffOnly(actor);
    deps.registry.sessionChecked(socket, expiresAt);
    return actor;
  } catch (error) {
    deps.registry.signOut(socket);
    throw error;
  }
}

/** The connection's session if it is still valid, else none (and the connection is signed out). */
function currentSession(socket: HubSocket, deps: SocketDeps): Actor | null {
  try {
    return requireSession(socket, deps);
  } catch {
    return null;
  }
}

/** Runs a message handler and answers through the acknowledgement, if the client asked for one. */
function answer(
  socket: HubSocket,
  deps: SocketDeps,
  event: string,
  handle: (payload: unknown) => unknown,
  /**
   * stamped: the reply carries the hub's clock. reporting: `handle` answers `{ result, changed }`
   * and the reply carries `changed` (what a command wrote) beside the result.
   */
  options: { stamped?: boolean; reporting?: boolean } = {},
): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as Ack) : null;
    const payload = args.length > (ack ? 1 : 0) ? args[0] : undefined;
    void respond(deps, event, options.reporting ?? false, () => {
      assertMessageDepth(payload);
      return handle(payload);
    }).then((reply) =>
      ack?.(options.stamped ? { ...reply, serverTime: deps.core.clock.now().toISOString() } : reply),
    );
  });
}

async function respond(
  deps: SocketDeps,
  event: string,
  reporting: boolean,
  handle: () => unknown,
): Promise<Reply> {
  try {
    if (!reporting) return { ok: true, result: (await handle()) ?? null };
    const { result, changed } = (await handle()) as { result: unknown; changed?: ChangeHint };
    return { ok: true, result: result ?? null, ...(changed ? { changed } : {}) };
  } catch (error) {
    return { ok: false, error: toApiError(error, deps.core.logger, { event }) };
  }
}
