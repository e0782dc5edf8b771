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
 * A contract command. On success every cached query is refetched (commands can change anything a
 * screen shows); a refusal arrives as `ApiFailure` — show it with <ErrorMessage> or map it onto a
 * form with `applyApiError`.
 */
export function useApiMutation<N extends OperationName>(
  name: N,
  options: MutationOptions<N> = {},
): UseMutationResult<ResultOf<N>, ApiFailure, InputOf<N>> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { onSuccess, ...rest } = options;
  return useMutation({
    mutationFn: (input: InputOf<N>) => client.call(name, input),
    ...rest,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      await onSuccess?.(...args);
    },
  });
}
