import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { apiKey, useApiQuery } from '@renderer/api/hooks';
import { loadPatient } from '@renderer/api/patient-batch';

/** Every doctor (inactive ones too: old appointments name them), by id. */
export function useDoctors(): {
  doctors: Doctor[];
  byId: Map<string, Doctor>;
  isLoading: boolean;
  error: unknown;
} {
  const query = useApiQuery('doctors.list', { includeInactive: true }, { staleTime: 5 * 60_000 });
  return useMemo(() => {
    const doctors = [...(query.data ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName));
    return {
      doctors,
      byId: new Map(doctors.map((d) => [d.id, d])),
      isLoading: query.isLoading,
      error: query.error,
    };
  }, [query.data, query.isLoading, query.error]);
}

/**
 * The patients behind a list of ids, by id: cached one by one (under `patients.get`'s key, so a
 * change to one patient refetches only that one), fetched together through one `patients.getMany`.
 */
export function usePatients(ids: readonly string[]): Map<string, Patient> {
  const client = useApiClient();
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: apiKey('patients.get', { id }),
      queryFn: () => loadPatient(client, id),
      staleTime: 5 * 60_000,
    })),
  });
  const map = new Map<string, Patient>();
  for (const result of results) if (result.data) map.set(result.data.id, result.data);
  return map;
}
