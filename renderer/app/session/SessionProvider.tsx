import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '@shared/contract/events.contract';
import type { ResultOf } from '@shared/contract/index';
import type { User } from '@shared/domain/user.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { clearLock } from './useIdleLock';

export type SessionState =
  | { status: 'starting' }
  | { status: 'needsSetup' }
  | { status: 'signedOut'; notice: string | null; clinicName: string | null }
  | { status: 'signedIn'; user: User };

interface SessionValue {
  state: SessionState;
  /** Staff sign-in; throws the hub's ApiFailure when refused. */
  signIn: (username: string, password: string) => Promise<void>;
  /** After `auth.setup` (first run) or `auth.login` elsewhere (lock screen): adopt that session. */
  adopt: (session: ResultOf<'auth.login'>) => Promise<void>;
  signOut: () => Promise<void>;
}

const NOTICES: Record<EventPayload<'session.ended'>['reason'], string> = {
  logout: 'You were signed out because this account signed out on another screen.',
  disabled: 'Your account was disabled by the clinic’s admin.',
  expired: 'Your session expired. Please sign in again.',
  role_changed: 'Your role was changed. Please sign in again.',
};

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Who is signed in on this window. Starts from the tab's stored token (a reload keeps the
 * session), shows first-run setup on a new hub, and returns to sign-in with the reason when the
 * hub ends the session (`session.ended`).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'starting' });
  const signingOut = useRef(false);

  const toSignedOut = useCallback(
    async (notice: string | null) => {
      queryClient.clear();
      clearLock();
      try {
        const status = await client.call('auth.setupStatus', {});
        setState(
          status.needsSetup
            ? { status: 'needsSetup' }
            : { status: 'signedOut', notice, clinicName: status.clinicName },
        );
      } catch {
        setState({ status: 'signedOut', notice, clinicName: null });
      }
    },
    [client, queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const token = client.bridge.currentToken();
      if (token && (await client.bridge.authenticate(token)).ok) {
        try {
          const session = await client.call('auth.session', {});
          if (!cancelled) setState({ status: 'signedIn', user: session.user });
          return;
        } catch {
          // fall through to sign-in
        }
      }
      if (!cancelled) await toSignedOut(null);
    })();
    return () => {
      cancelled = true;
    };
  }, [client, toSignedOut]);

  useEffect(
    () =>
      client.bridge.onEvent('session.ended', ({ reason }) => {
        if (signingOut.current) return;
        void toSignedOut(NOTICES[reason]);
      }),
    [client, toSignedOut],
  );

  const adopt = useCallback(
    async (session: ResultOf<'auth.login'>) => {
      const reply = await client.bridge.authenticate(session.token);
      if (!reply.ok) throw new Error(reply.error.message);
      setState({ status: 'signedIn', user: session.user });
    },
    [client],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await client.call('auth.login', { username, password, deviceId: client.deviceId });
      await adopt(session);
    },
    [client, adopt],
  );

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await client.call('auth.logout', {});
    } catch {
      // Signed out locally whatever the hub says (it may be unreachable).
    } finally {
      await client.bridge.authenticate(null);
      signingOut.current = false;
    }
    await toSignedOut(null);
  }, [client, toSignedOut]);

  return (
    <SessionContext.Provider value={{ state, signIn, adopt, signOut }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user (only inside the signed-in app). */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}
