import {
  type QueryKey,
  useMutation,
  type UseMutationOptions,
  type UseMutationResult,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ApiFailure } from '@shared/contract/errors';
import type { InputOf, OperationName, ResultOf } from '@shared/contract/index';
import { useApiClient } from './ApiProvider';
import { refetchAffected } from './refetch-affected';

/** Every contract query is cached under ['api', name, input]; live updates invalidate ['api']. */
export const apiKey = <N extends OperationName>(name: N, input?: InputOf<N>): QueryKey =>
  input === undefined ? ['api', name] : ['api', name, input];

type QueryOptions<N extends OperationName> = Omit<
  UseQueryOptions<ResultOf<N>, ApiFailure>,
  'queryKey' | 'queryFn'
>;

/** A contract query, typed by the contract, refreshed when the hub says something changed. */
export function useApiQuery<N extends OperationName>(
  name: N,
  input: InputOf<N>,
  options: QueryOptions<N> = {},
): UseQueryResult<ResultOf<N>, ApiFailure> {
  const client = useApiClient();
  return useQuery({ queryKey: apiKey(name, input), queryFn: () => client.call(name, input), ...options });
}

type MutationOptions<N extends OperationName> = Omit<
  UseMutationOptions<ResultOf<N>, ApiFailure, InputOf<N>>,
  'mutationFn'
>;

/**
 * A contract command. On success the cached queries that depend on what it wrote are refetched
 * before `onSuccess` runs: the answer names the tables and rows, as the hub's `sync.poke` does
 * (every query when the answer does not say); a refusal arrives as `ApiFailure` — show it with
 * <ErrorMessage> or map it onto a form with `applyApiError`.
 */
export function useApiMutation<N extends OperationName>(
  name: N,
  options: MutationOptions<N> = {},
): UseMutationResult<ResultOf<N>, ApiFailure, InputOf<N>> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: InputOf<N>) => {
      const { result, changed } = await client.callWithHint(name, input);
      await refetchAffected(queryClient, changed);
      return result;
    },
    ...options,
  });
}
