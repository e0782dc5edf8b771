import { ApiFailure } from '@shared/contract/errors';
import type { BridgeReply, ConnectionState, DesktopBackend } from '@shared/contract/desktop-bridge';
import type { EventName, EventPayload } from '@shared/contract/events.contract';
import type { Actor } from '@shared/domain/user.schema';
import type { RunningHub } from '@server/hub/hub-server';
import { recordDevice } from '@server/repositories/device-names.repository';

/**
 * The backend of the hub PC's own window: calls go straight to the in-process hub's dispatcher
 * (same validation, authorization and transactions as every other transport). It is always
 * online and has no outbox. `deviceName`: what screens call this PC until the admin names it
 * (its host name).
 */
export function createHubBackend(hub: RunningHub, deviceId: string, deviceName = ''): DesktopBackend {
  const { core, dispatcher } = hub;
  let signedIn: Actor | null = null;
  let signedInToken: string | null = null;
  /** Who this window acts as, resolved once per token (the dispatcher authenticates each call). */
  const noteUser = (token: string | null) => {
    if (!token || token === signedInToken) return;
    try {
      signedIn = core.authenticate(token, deviceId);
      signedInToken = token;
      const at = core.clock.now().toISOString();
      core.db.transaction(() =>
        recordDevice(core.db, { deviceId, kind: 'desktop', reportedName: deviceName }, at),
      );
    } catch {
      // An ended session: the call itself answers UNAUTHENTICATED.
    }
  };
  const sessionListeners = new Set<(payload: EventPayload<'session.ended'>) => void>();
  const stopRevocations = core.events.onRevoked(({ userId, reason }) => {
    if (signedIn?.userId !== userId) return;
    signedIn = null;
    signedInToken = null;
    for (const listener of sessionListeners) listener({ reason });
  });
  const state = (): ConnectionState => ({
    mode: 'desktop',
    online: true,
    offlineSince: null,
    pendingChanges: 0,
    lastSyncAt: core.clock.now().toISOString(),
    needsAttention: 0,
    syncError: null,
    hubClockOffsetMs: core.clock.now().getTime() - Date.now(),
  });

  return {
    async call(name, input, token) {
      noteUser(token);
      try {
        // A command's reply says what it wrote, so the window refetches only what depends on it.
        const { result, changed } = await dispatcher.callWithHint(name, input, { token, deviceId });
        return (changed ? { ok: true, result, changed } : { ok: true, result }) as BridgeReply<never>;
      } catch (error) {
        if (error instanceof ApiFailure) return { ok: false, error: error.error };
        core.logger.error({ err: error, operation: name }, 'desktop call failed');
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong on the hub. Please try again.' },
        };
      }
    },
    onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (event === 'session.ended') {
        const typed = listener as (payload: EventPayload<'session.ended'>) => void;
        sessionListeners.add(typed);
        return () => sessionListeners.delete(typed);
      }
      return core.events.on(event, listener);
    },
    connectionState: state,
    onConnectionState: () => () => {},
    async close() {
      stopRevocations();
      sessionListeners.clear();
      await hub.stop();
    },
  };
}
