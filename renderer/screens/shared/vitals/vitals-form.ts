import type { z } from 'zod';
import {
  consultationContentSchema,
  type Vitals,
  type vitalsSchema,
} from '@shared/domain/consultation.schema';

/** Readings are typed as text: an empty box is "not measured". */
export interface VitalsForm {
  systolic: string;
  diastolic: string;
  pulse: string;
  temperatureC: string;
  spo2: string;
  weightKg: string;
}
export type VitalKey = keyof VitalsForm;

/** The readings in the order the consultation record and the nurse's form show them (SPEC §8). */
export const VITALS: { key: VitalKey; label: string; unit: string; step: string }[] = [
  { key: 'systolic', label: 'BP systolic', unit: 'mmHg', step: '1' },
  { key: 'diastolic', label: 'BP diastolic', unit: 'mmHg', step: '1' },
  { key: 'pulse', label: 'Pulse', unit: '/min', step: '1' },
  { key: 'temperatureC', label: 'Temperature', unit: '°C', step: '0.1' },
  { key: 'spo2', label: 'SpO₂', unit: '%', step: '1' },
  { key: 'weightKg', label: 'Weight', unit: 'kg', step: '0.1' },
];

const text = (n: number | null) => (n === null ? '' : String(n));
const reading = (s: string) => (s.trim() === '' ? null : Number(s));

export function vitalsToForm(v: Vitals): VitalsForm {
  return {
    systolic: text(v.systolic),
    diastolic: text(v.diastolic),
    pulse: text(v.pulse),
    temperatureC: text(v.temperatureC),
    spo2: text(v.spo2),
    weightKg: text(v.weightKg),
  };
}

/** What the boxes say, as the contract's input (validated by `vitalsSchema`, as the hub does). */
export function vitalsInput(form: VitalsForm): z.input<typeof vitalsSchema> {
  return {
    systolic: reading(form.systolic),
    diastolic: reading(form.diastolic),
    pulse: reading(form.pulse),
    temperatureC: reading(form.temperatureC),
    spo2: reading(form.spo2),
    weightKg: reading(form.weightKg),
  };
}

/** No reading taken: the content schema's own default. */
export const NOT_MEASURED: Vitals = consultationContentSchema.parse({}).vitals;

/** Every box empty. */
export const EMPTY_VITALS: VitalsForm = vitalsToForm(NOT_MEASURED);

/** The readings on one line, e.g. "BP 126/82 mmHg · Pulse 74 /min · SpO₂ 98 %"; empty when none. */
export function vitalsSummary(v: Vitals): string {
  const bp =
    v.systolic === null && v.diastolic === null ? null : `BP ${v.systolic ?? '?'}/${v.diastolic ?? '?'} mmHg`;
  const others = VITALS.filter((r) => r.key !== 'systolic' && r.key !== 'diastolic' && v[r.key] !== null).map(
    (r) => `${r.label} ${v[r.key]} ${r.unit}`,
  );
  return [bp, ...others].filter((part) => part !== null).join(' · ');
}

/** The same readings, compared as numbers ("62.0" is 62); a box that is not a number compares as typed. */
export function sameReadings(a: VitalsForm, b: VitalsForm): boolean {
  return VITALS.every(({ key }) => {
    const [x, y] = [a[key].trim(), b[key].trim()];
    return x === y || (x !== '' && y !== '' && Number(x) === Number(y));
  });
}
