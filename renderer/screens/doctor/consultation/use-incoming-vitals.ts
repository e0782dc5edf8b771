import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Vitals } from '@shared/domain/consultation.schema';
import { type VitalsForm, vitalsToForm } from '@renderer/screens/shared/vitals/vitals-form';
import type { ConsultationForm } from './consultation-form';

const same = (a: VitalsForm, b: VitalsForm) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Vitals the nurse records while the workspace is open reach the form, unless the doctor has
 * typed readings of their own since the form last matched the record: then the doctor's stay
 * (and their next save replaces the nurse's). Returns when readings last arrived this way.
 */
export function useIncomingVitals(
  form: UseFormReturn<ConsultationForm>,
  recorded: { vitals: Vitals; updatedAt: string } | undefined,
  takeFromRecord: (change: () => void) => void,
): string | null {
  const matched = useRef<VitalsForm>(form.getValues('vitals'));
  const [arrivedAt, setArrivedAt] = useState<string | null>(null);
  const incomingKey = recorded ? JSON.stringify(recorded.vitals) : null;

  useEffect(() => {
    if (!recorded) return;
    const incoming = vitalsToForm(recorded.vitals);
    const current = form.getValues('vitals');
    if (same(incoming, current)) {
      matched.current = incoming;
    } else if (same(current, matched.current)) {
      takeFromRecord(() => form.setValue('vitals', incoming));
      matched.current = incoming;
      setArrivedAt(recorded.updatedAt);
    }
    // Only new readings matter, not each refetch of the same record.
  }, [incomingKey]);

  return arrivedAt;
}
