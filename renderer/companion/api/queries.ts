import { QueryClient, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { type Answer, api } from './client';
import { isApiError } from './api-error';

export function createCompanionQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal is an answer; only a lost connection is worth trying again.
        retry: (count, error) => count < 2 && isApiError(error) && error.offline,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** Query keys start with the path, so a change can refresh everything under it. */
export type GetKey = readonly [path: string, query?: Record<string, string | number | boolean | undefined>];

/**
 * A GET against the gateway, cached by react-query; `data.asOf` is set when the service worker
 * answered from its offline cache.
 */
export function useGet<T>(
  key: GetKey,
  options: Omit<UseQueryOptions<Answer<T>>, 'queryKey' | 'queryFn'> = {},
) {
  const [path, query] = key;
  return useQuery<Answer<T>>({
    queryKey: key,
    queryFn: () => api.get<T>(path, query),
    ...options,
  });
}
