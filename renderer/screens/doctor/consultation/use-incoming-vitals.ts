import { useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Vitals } from '@shared/domain/consultation.schema';
import { sameReadings, type VitalsForm, vitalsToForm } from '@renderer/screens/shared/vitals/vitals-form';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import type { ConsultationForm } from './consultation-form';

export interface IncomingVitals {
  /** When readings last arrived from the record while the workspace was open. */
  arrivedAt: string | null;
  /** True while the form is being changed to match the record: not an edit to save. */
  applying: { readonly current: boolean };
  /** Whether the form's readings differ from the record's as last seen (the doctor typed them). */
  editedHere(vitals: VitalsForm): boolean;
}

/**
 * Vitals the nurse records while the workspace is open reach the form, unless the doctor has
 * typed readings of their own since the form last matched the record: then the doctor's stay.
 * Readings the doctor did not type are never sent back in a draft (`editedHere`), so a save
 * cannot overwrite a newer reading the nurse recorded meanwhile.
 */
export function useIncomingVitals(
  form: UseFormReturn<ConsultationForm>,
  recorded: { vitals: Vitals; updatedAt: string } | undefined,
): IncomingVitals {
  const { unit } = useTemperatureUnit();
  const matched = useRef<VitalsForm>(form.getValues('vitals'));
  const applying = useRef(false);
  const [arrivedAt, setArrivedAt] = useState<string | null>(null);
  const incomingKey = recorded ? JSON.stringify(recorded.vitals) : null;

  useEffect(() => {
    if (!recorded) return;
    const incoming = vitalsToForm(recorded.vitals, unit);
    const current = form.getValues('vitals');
    if (sameReadings(incoming, current)) {
      matched.current = incoming;
    } else if (sameReadings(current, matched.current)) {
      applying.current = true;
      try {
        form.setValue('vitals', incoming);
      } finally {
        applying.current = false;
      }
      matched.current = incoming;
      setArrivedAt(recorded.updatedAt);
    }
    // Only new readings matter, not each refetch of the same record.
  }, [incomingKey]);

  return useMemo(
    () => ({ arrivedAt, applying, editedHere: (vitals) => !sameReadings(vitals, matched.current) }),
    [arrivedAt],
  );
}
