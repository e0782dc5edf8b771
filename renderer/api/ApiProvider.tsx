import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { ConnectionState } from './bridge';
import type { ClinicClient } from './client';

const ApiContext = createContext<ClinicClient | null>(null);

export function ApiProvider({ client, children }: { client: ClinicClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The contract client of this window (`client.call(name, input)`); prefer the hooks in api/hooks.ts. */
export function useApiClient(): ClinicClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient must be used inside <ApiProvider>');
  return client;
}

/** The live connection state for the status bar (docs/product.md §13). */
export function useConnectionState(): ConnectionState {
  const { bridge } = useApiClient();
  return useSyncExternalStore(
    (onChange) => bridge.onConnectionState(onChange),
    () => bridge.connectionState(),
  );
}

/**
 * How far the hub's clock is ahead of this device's (0 until known); re-renders only when it
 * changes, not on every answer as `useConnectionState` does.
 */
export function useHubClockOffset(): number {
  const { bridge } = useApiClient();
  return useSyncExternalStore(
    (onChange) => bridge.onConnectionState(onChange),
    () => bridge.connectionState().hubClockOffsetMs ?? 0,
  );
}
