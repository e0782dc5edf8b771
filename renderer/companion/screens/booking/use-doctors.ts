import type { z } from 'zod';
import type { publicDoctorSchema } from '@shared/gateway/clinic.schema';
import { useGet } from '@renderer/companion/api/queries';

export type PublicDoctor = z.infer<typeof publicDoctorSchema>;

/** The clinic's doctors as a patient sees them (GET /doctors: fees, next free day). */
export function useDoctors() {
  return useGet<PublicDoctor[]>(['/doctors']);
}

/** One doctor by id, from the same list (no second request). */
export function useDoctor(id: string | undefined) {
  const query = useDoctors();
  return { ...query, doctor: query.data?.data.find((d) => d.id === id) };
}
