import { useQueries } from '@tanstack/react-query';
import { type DaySlots, MAX_SLOT_DOCTORS } from '@shared/contract/clinic.contract';
import type { ApiFailure } from '@shared/contract/errors';
import { useApiClient } from '@renderer/api/ApiProvider';
import { apiKey } from '@renderer/api/hooks';

/**
 * The free slots of every column of the board on one date, in one `slots.list` (per
 * `MAX_SLOT_DOCTORS` doctors), instead of one call per column on every change.
 */
export function useBoardSlots(
  doctorIds: string[],
  date: string,
): { days: Map<string, DaySlots>; isLoading: boolean; error: ApiFailure | null } {
  const client = useApiClient();
  const sorted = [...new Set(doctorIds)].sort(); // the same board, the same cache entry
  const chunks: string[][] = [];
  for (let start = 0; start < sorted.length; start += MAX_SLOT_DOCTORS) {
    chunks.push(sorted.slice(start, start + MAX_SLOT_DOCTORS));
  }
  const results = useQueries({
    queries: chunks.map((ids) => {
      const input = { doctorIds: ids, fromDate: date, toDate: date };
      return { queryKey: apiKey('slots.list', input), queryFn: () => client.call('slots.list', input) };
    }),
  });
  const days = new Map<string, DaySlots>();
  for (const result of results) for (const day of result.data ?? []) days.set(day.doctorId, day);
  return {
    days,
    isLoading: results.some((r) => r.isLoading),
    error: (results.find((r) => r.error)?.error as ApiFailure | undefined) ?? null,
  };
}
