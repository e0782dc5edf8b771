import type { Query, QueryClient } from '@tanstack/react-query';
import { affectsQuery, type ChangeHint } from '@shared/contract/change-hint';

/** Orders fetch starts and pushes in this window (a counter: two can share a millisecond). */
let clock = 0;
const fetchStarts = new WeakMap<Query, number>();

/** Now, on the clock `fetchStarts` uses: take it when a push arrives. */
export function markPush(): number {
  return ++clock;
}

/** Notes when each query's fetch starts. Returns the unsubscribe. */
export function trackFetchStarts(queryClient: QueryClient): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') {
      fetchStarts.set(event.query as Query, ++clock);
    }
  });
}

/**
 * Marks stale, and refetches if on screen, every cached contract query the change may affect
 * (shared/contract/query-tables.ts). `since` (a push's `markPush`): a query whose fetch started
 * after the push is left to finish, since it was sent after the change and answers with it;
 * e.g. the window's own command refetched what it wrote before the push it caused came through.
 */
export function refetchAffected(
  queryClient: QueryClient,
  hint: ChangeHint | null,
  since?: number,
): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: ['api'],
    predicate: (query: Query) => {
      const [, name, input] = query.queryKey as [string, string, unknown];
      if (!affectsQuery(hint, name, input)) return false;
      if (since === undefined || query.state.fetchStatus !== 'fetching') return true;
      return (fetchStarts.get(query) ?? 0) < since;
    },
  });
}
