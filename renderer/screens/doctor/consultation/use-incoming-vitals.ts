import { useEffect, useMemo, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Vitals } from '@shared/domain/consultation.schema';
import { NO_READINGS } from '@shared/rules/vitals-merge';
import { followRecord, readingsToSave, vitalsToForm } from '@renderer/screens/shared/vitals/vitals-form';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import type { ConsultationForm } from './consultation-form';

export interface IncomingVitals {
  /** When readings last arrived from the record while the workspace was open. */
  arrivedAt: string | null;
  /** True while the form is being changed to match the record: not an edit to save. */
  applying: { readonly current: boolean };
  /** What a draft save sends: the readings (as entered, °C) and the recorded ones they were edited from. */
  toSave(entered: Vitals): { vitals: Vitals; vitalsBase: Vitals };
}

/**
 * Vitals the nurse records while the workspace is open reach the form reading by reading: a box
 * the doctor has typed over keeps the doctor's reading, every other follows the record. A save
 * sends the recorded readings the form was filled from as its base, so the hub merges per reading
 * (shared/rules/vitals-merge.ts) and a save never undoes a reading the nurse corrected meanwhile.
 */
export function useIncomingVitals(
  form: UseFormReturn<ConsultationForm>,
  recorded: { vitals: Vitals; updatedAt: string } | undefined,
): IncomingVitals {
  const { unit } = useTemperatureUnit();
  /** The record's readings as last seen here: the base of the next save. */
  const seen = useRef<Vitals>(recorded?.vitals ?? NO_READINGS);
  const applying = useRef(false);
  const [arrivedAt, setArrivedAt] = useState<string | null>(null);
  const incomingKey = recorded ? JSON.stringify(recorded.vitals) : null;

  useEffect(() => {
    if (!recorded) return;
    const next = followRecord(
      form.getValues('vitals'),
      vitalsToForm(seen.current, unit),
      vitalsToForm(recorded.vitals, unit),
    );
    seen.current = recorded.vitals;
    if (!next) return;
    applying.current = true;
    try {
      form.setValue('vitals', next);
    } finally {
      applying.current = false;
    }
    setArrivedAt(recorded.updatedAt);
    // Only new readings matter, not each refetch of the same record.
  }, [incomingKey]);

  return useMemo(
    () => ({
      arrivedAt,
      applying,
      toSave: (entered) => ({
        vitals: readingsToSave(form.getValues('vitals'), entered, seen.current, unit),
        vitalsBase: seen.current,
      }),
    }),
    [arrivedAt, form, unit],
  );
}
