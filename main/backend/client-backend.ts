import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ApiFailure, failure } from '@shared/contract/errors';
import type { BridgeReply, ConnectionState, DesktopBackend } from '@shared/contract/desktop-bridge';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { ResultOf } from '@shared/contract/index';
import { type Answer, type ClientCore, createClientCore } from '@main/client-core/client-core';
import { findHub } from '@main/client-core/discovery/index';
import { type DesktopConfig, saveDesktopConfig } from './desktop-config';
import { KnownUsers } from './known-users';

export interface ClientBackendOptions {
  dataDir: string;
  config: Extract<DesktopConfig, { mode: 'client' }>;
  configFile: string;
  deviceId: string;
  deviceName?: string;
  logger: Logger;
}

/**
 * The backend of a desktop that is not the hub: the renderer's calls go to the client core
 * (queries from the local replica, commands through the outbox). The client core holds one
 * session per desktop; sign-in works offline for users who signed in here before (unlock).
 */
export async function createClientBackend(options: ClientBackendOptions): Promise<DesktopBackend> {
  const { config, logger } = options;
  const found = await findHub({
    identity: { deviceId: options.deviceId, deviceName: options.deviceName ?? '' },
    expectedHubId: config.hubId,
    lastKnownUrl: config.lastGoodUrl,
    manualAddress: config.manualUrl,
    logger,
  });
  const hubUrl = found.found ? found.hub.url : (config.lastGoodUrl ?? config.manualUrl);
  if (!hubUrl) throw new Error('No hub address is known: choose the hub again (first-run setup).');
  if (found.found && (found.hub.url !== config.lastGoodUrl || found.hub.hubId !== config.hubId)) {
    saveDesktopConfig(options.configFile, { ...config, hubId: found.hub.hubId, lastGoodUrl: found.hub.url });
  } else if (!found.found) {
    logger.warn({ attempts: found.attempts }, `${found.message} Working offline from the local copy.`);
  }
  const core = createClientCore({
    dataDir: options.dataDir,
    hubUrl,
    deviceId: options.deviceId,
    deviceName: options.deviceName ?? 'Clinic desktop',
  });
  return clientBackend(core, new KnownUsers(join(options.dataDir, 'known-users.json')));
}

/** Adapts a client core to the renderer's bridge (exported for tests with a core of their own). */
export function clientBackend(core: ClientCore, knownUsers: KnownUsers): DesktopBackend {
  // The window proves it signed in through this token; the core itself keeps the hub session.
  let windowToken: string | null = null;
  const sessionEnded = new Set<(payload: EventPayload<'session.ended'>) => void>();
  const pokes = new Set<(payload: EventPayload<'sync.poke'>) => void>();
  let lastUser: string | null = null;

  const stopState = core.onStateChange((state) => {
    if (lastUser && !state.user && state.signedOutCode) {
      windowToken = null;
      for (const listener of sessionEnded) listener({ reason: state.signedOutCode });
    }
    lastUser = state.user?.userId ?? null;
  });
  // The same hint the hub's poke carries in browser mode (tables, ids; none: anything changed).
  const stopChanges = core.onChange(({ hint }) => {
    const poke = { hubId: 'desktop', epoch: 1, seq: 0, ...(hint ?? {}) };
    for (const listener of pokes) listener(poke);
  });

  async function signIn(input: { username: string; password: string }): Promise<ResultOf<'auth.login'>> {
    if (!(await reachableWithin(core, 3_000))) {
      await core.unlock(input.username, input.password);
      return localSession(input.username);
    }
    try {
      await core.signIn(input.username, input.password);
      await onlineWithin(core, 10_000);
      const session = await core.call('auth.session', {});
      knownUsers.remember(input.username, session.user);
      windowToken = randomBytes(24).toString('base64url');
      return { ...session, token: windowToken };
    } catch (error) {
      const offline = error instanceof ApiFailure && error.error.code === 'UNREACHABLE';
      if (!offline && core.connectionState().online) throw error;
      // The hub cannot be reached: unlock with the verifier cached at an earlier sign-in here.
      await core.unlock(input.username, input.password);
      return localSession(input.username);
    }
  }

  function localSession(username: string): ResultOf<'auth.login'> {
    const profile = offlineProfile(username);
    windowToken = randomBytes(24).toString('base64url');
    return { ...profile, token: windowToken };
  }

  function offlineProfile(username: string): ResultOf<'auth.session'> {
    const user = knownUsers.get(username);
    if (!user) throw failure('UNAUTHENTICATED', 'This user has not signed in on this desktop before.');
    const until = new Date(Date.now() + 8 * 3_600_000).toISOString();
    return { user, idleExpiresAt: until, absoluteExpiresAt: until };
  }

  /** The renderer's call, and for a command the core ran what it wrote (`changed`). */
  async function dispatch(name: string, input: unknown, token: string | null): Promise<Answer> {
    if (name === 'auth.login')
      return { result: await signIn(input as { username: string; password: string }) };
    if (name === 'auth.setupStatus' && !core.connectionState().online) {
      return { result: { needsSetup: false, clinicName: null } };
    }
    if (token === null || token !== windowToken) {
      if (name === 'auth.setupStatus') return { result: await core.call('auth.setupStatus', {}) };
      throw failure('UNAUTHENTICATED', 'Please sign in first.');
    }
    if (name === 'auth.logout') {
      await core.signOut();
      windowToken = null;
      return { result: { ok: true } };
    }
    if (name === 'auth.session' && !core.connectionState().online) {
      return { result: offlineProfile(core.connectionState().user?.username ?? '') };
    }
    return core.callWithHint(name as never, input as never);
  }

  const toState = (): ConnectionState => {
    const state = core.connectionState();
    return {
      mode: 'desktop',
      online: state.online,
      offlineSince: state.offlineSince,
      pendingChanges: state.pendingCount,
      lastSyncAt: state.lastSyncAt,
      needsAttention: state.needsAttention,
      syncError: state.syncError,
    };
  };

  return {
    async call(name, input, token) {
      try {
        return { ok: true, ...(await dispatch(name, input, token)) } as BridgeReply<never>;
      } catch (error) {
        if (error instanceof ApiFailure) return { ok: false, error: error.error };
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong on this desktop. Please try again.' },
        };
      }
    },
    onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set =
        event === 'session.ended'
          ? (sessionEnded as Set<unknown>)
          : event === 'sync.poke'
            ? (pokes as Set<unknown>)
            : null;
      if (!set) return () => {};
      set.add(listener);
      return () => set.delete(listener);
    },
    connectionState: toState,
    onConnectionState(listener) {
      return core.onStateChange(() => listener(toState()));
    },
    needsAttention: () => core.needsAttention(),
    dismissAttention: (id) => core.dismissAttention(id),
    async close() {
      stopState();
      stopChanges();
      await core.close();
    },
  };
}

/** After a sign-in the core reconnects as that user's sync client; wait for its handshake. */
function onlineWithin(core: ClientCore, timeoutMs: number): Promise<void> {
  if (core.connectionState().online) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const stop = core.onStateChange((state) => {
      if (state.online) done();
    });
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/** Just after start the link is still connecting: give it a moment before working offline. */
async function reachableWithin(core: ClientCore, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!core.hubReachable() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return core.hubReachable();
}
