import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NeedsAttentionEntry } from '@shared/contract/desktop-bridge';
import { useApiClient, useConnectionState } from '@renderer/api/ApiProvider';

/**
 * Under 'api' like the hub's queries: every push and every change made here refetches it, so the
 * free times an entry offers (the client core works them out at each read) stay free ones.
 */
const KEY = ['api', 'desktop.needsAttention'] as const;

/**
 * The signed-in user's changes the hub refused (desktop only: a browser talks to the hub
 * directly, so nothing of it is ever refused later). Refetched whenever the count changes.
 */
export function useNeedsAttention(enabled: boolean) {
  const { bridge } = useApiClient();
  const { needsAttention: count } = useConnectionState();
  const list = bridge.needsAttention;
  return useQuery<NeedsAttentionEntry[]>({
    queryKey: [...KEY, count],
    queryFn: () => (list ? list() : Promise.resolve([])),
    enabled: enabled && list !== undefined,
  });
}

/** Removes an entry once its author has dealt with it. */
export function useDismissAttention(): (id: string) => Promise<void> {
  const { bridge } = useApiClient();
  const queryClient = useQueryClient();
  return async (id) => {
    await bridge.dismissAttention?.(id);
    await queryClient.invalidateQueries({ queryKey: KEY });
  };
}
