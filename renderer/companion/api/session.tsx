import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './client';
import { OFFLINE_DATA_CACHE } from './offline-cache';
import { sessionStore, type StoredSession } from './session-store';

interface SessionContext {
  session: StoredSession | null;
  /** After sign-in or activation: keeps the token and starts from a clean cache. */
  signedIn(session: StoredSession): Promise<void>;
  /** Ends the session at the hub (when reachable) and forgets everything cached on the phone. */
  signOut(): Promise<void>;
}

const Context = createContext<SessionContext | null>(null);

/** Nothing of one patient's data may show to the next person who signs in on this phone. */
async function forgetCachedData(): Promise<void> {
  if ('caches' in globalThis) await caches.delete(OFFLINE_DATA_CACHE);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState(sessionStore.get());
  useEffect(() => sessionStore.subscribe(setSession), []);
  // Signed out by the hub (a 401): drop what this phone shows of the patient.
  useEffect(() => {
    if (session === null) queryClient.clear();
  }, [session, queryClient]);

  const signedIn = useCallback(
    async (next: StoredSession) => {
      queryClient.clear();
      await forgetCachedData();
      sessionStore.set(next);
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // Offline or already ended: the phone forgets the session anyway.
    }
    sessionStore.set(null);
    queryClient.clear();
    await forgetCachedData();
  }, [queryClient]);

  const value = useMemo(() => ({ session, signedIn, signOut }), [session, signedIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession needs a SessionProvider');
  return context;
}
