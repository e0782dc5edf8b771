import type { QueryClient } from '@tanstack/react-query';
import type { ChangeHint } from '@shared/contract/change-hint';
import { notFound } from '@shared/contract/not-found';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicClient } from './client';

type Waiting = { resolve: (patient: Patient) => void; reject: (error: unknown) => void };

const MAX_IDS = 500; // patients.getMany's limit
const loaders = new WeakMap<ClinicClient, (id: string) => Promise<Patient>>();

/**
 * One patient by id, for a list's names: the ids asked for in the same moment (a board's cards
 * rendering, a refetch after a change) go to the hub as one `patients.getMany`, not one
 * `patients.get` each. An id the answer leaves out fails as `patients.get` would (NOT_FOUND).
 */
export function loadPatient(client: ClinicClient, id: string): Promise<Patient> {
  let load = loaders.get(client);
  if (!load) {
    load = patientLoader(client);
    loaders.set(client, load);
  }
  return load(id);
}

function patientLoader(client: ClinicClient): (id: string) => Promise<Patient> {
  let queue = new Map<string, Waiting[]>();
  const flush = async () => {
    const batch = queue;
    queue = new Map();
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += MAX_IDS) {
      const chunk = ids.slice(start, start + MAX_IDS);
      try {
        const found = new Map((await client.call('patients.getMany', { ids: chunk })).map((p) => [p.id, p]));
        for (const id of chunk) {
          const patient = found.get(id);
          for (const waiting of batch.get(id) ?? []) {
            if (patient) waiting.resolve(patient);
            else waiting.reject(notFound('patient'));
          }
        }
      } catch (error) {
        for (const id of chunk) for (const waiting of batch.get(id) ?? []) waiting.reject(error);
      }
    }
  };
  return (id) =>
    new Promise<Patient>((resolve, reject) => {
      if (queue.size === 0) setTimeout(() => void flush(), 0);
      const waiting = queue.get(id) ?? [];
      waiting.push({ resolve, reject });
      queue.set(id, waiting);
    });
}

/**
 * A push naming patients that this window has not fetched (one just registered elsewhere):
 * while the screen lists patients' names, fetch them now, in one call, so that the visit booked
 * for them next shows with its name at once instead of after a second round trip.
 */
export function prefetchNamedPatients(
  queryClient: QueryClient,
  client: ClinicClient,
  hint: ChangeHint | null,
): void {
  const named = hint?.ids?.patients;
  if (!named) return;
  const showsNames = queryClient
    .getQueryCache()
    .findAll({ queryKey: ['api', 'patients.get'], type: 'active' });
  if (showsNames.length === 0) return;
  for (const id of named) {
    const queryKey = ['api', 'patients.get', { id }];
    if (queryClient.getQueryState(queryKey)) continue; // known: refetched if it changed
    void queryClient.prefetchQuery({
      queryKey,
      queryFn: () => loadPatient(client, id),
      staleTime: 5 * 60_000,
      retry: false,
    });
  }
}
