import { useMemo } from 'react';
import { Formulary, shippedFormulary } from '@shared/formulary/formulary';
import { useApiQuery } from '@renderer/api/hooks';

/** The shipped formulary plus the clinic's entries (from the replica on a desktop, so offline too). */
export function useFormulary(): Formulary {
  const clinic = useApiQuery('formulary.list', {}, { staleTime: 60_000 });
  return useMemo(
    () => (clinic.data && clinic.data.length > 0 ? new Formulary(clinic.data) : shippedFormulary()),
    [clinic.data],
  );
}
