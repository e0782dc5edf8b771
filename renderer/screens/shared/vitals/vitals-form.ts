import type { z } from 'zod';
import {
  consultationContentSchema,
  type Vitals,
  type vitalsSchema,
} from '@shared/domain/consultation.schema';
import {
  type Problem,
  type TemperatureUnit,
  temperatureIn,
  temperatureToCelsius,
  type VitalFlag,
  vitalFlags,
  vitalsProblems,
} from '@shared/rules/vitals-ranges';

/** Readings are typed as text: an empty box is "not measured". The temperature is in the clinic's unit. */
export interface VitalsForm {
  systolic: string;
  diastolic: string;
  pulse: string;
  temperatureC: string;
  spo2: string;
  weightKg: string;
}
export type VitalKey = keyof VitalsForm;
export interface VitalField {
  key: VitalKey;
  label: string;
  unit: string;
  step: string;
}

/** The readings in the order the consultation record and the nurse's form show them (docs/product.md §8). */
export const VITALS: VitalField[] = [
  { key: 'systolic', label: 'BP systolic', unit: 'mmHg', step: '1' },
  { key: 'diastolic', label: 'BP diastolic', unit: 'mmHg', step: '1' },
  { key: 'pulse', label: 'Pulse', unit: '/min', step: '1' },
  { key: 'temperatureC', label: 'Temperature', unit: '°C', step: '0.1' },
  { key: 'spo2', label: 'SpO₂', unit: '%', step: '1' },
  { key: 'weightKg', label: 'Weight', unit: 'kg', step: '0.1' },
];

/** The readings as the clinic enters them: the temperature in °C or °F (settings.temperatureUnit). */
export function vitalFields(unit: TemperatureUnit): VitalField[] {
  return VITALS.map((v) => (v.key === 'temperatureC' ? { ...v, unit: `°${unit}` } : v));
}

const text = (n: number | null) => (n === null ? '' : String(n));
const reading = (s: string) => (s.trim() === '' ? null : Number(s));

/** Stored readings as boxes; a °C clinic sees the stored temperature as it is. */
export function vitalsToForm(v: Vitals, unit: TemperatureUnit = 'C'): VitalsForm {
  return {
    systolic: text(v.systolic),
    diastolic: text(v.diastolic),
    pulse: text(v.pulse),
    temperatureC: text(
      v.temperatureC === null || unit === 'C' ? v.temperatureC : temperatureIn(unit, v.temperatureC),
    ),
    spo2: text(v.spo2),
    weightKg: text(v.weightKg),
  };
}

/** What the boxes say, as the contract's input (validated by `vitalsSchema`, as the hub does): °C. */
export function vitalsInput(form: VitalsForm, unit: TemperatureUnit = 'C'): z.input<typeof vitalsSchema> {
  const temperature = reading(form.temperatureC);
  return {
    systolic: reading(form.systolic),
    diastolic: reading(form.diastolic),
    pulse: reading(form.pulse),
    temperatureC:
      temperature === null || !Number.isFinite(temperature)
        ? temperature
        : temperatureToCelsius(unit, temperature),
    spo2: reading(form.spo2),
    weightKg: reading(form.weightKg),
  };
}

/**
 * What is wrong with the boxes, in the unit they are typed in (a °F clinic is told "at most
 * 113 °F"): not a number, or impossible (shared/rules/vitals-ranges, as the hub refuses).
 */
export function vitalsFormProblems(form: VitalsForm, unit: TemperatureUnit = 'C'): Problem[] {
  const fields = vitalFields(unit);
  const notNumbers = fields
    .filter(({ key }) => form[key].trim() !== '' && !Number.isFinite(Number(form[key])))
    .map(({ key, unit: u }) => ({ field: key, message: `must be a number (${u})` }));
  const typed = { ...vitalsInput(form, 'C') } as Record<VitalKey, number | null>;
  for (const p of notNumbers) typed[p.field] = null;
  return [...notNumbers, ...vitalsProblems(typed, unit)];
}

/** The abnormal readings among the boxes (impossible ones are errors instead, not flags). */
export function formFlags(form: VitalsForm, unit: TemperatureUnit = 'C'): VitalFlag[] {
  const wrong = new Set(vitalsFormProblems(form, unit).map((p) => p.field));
  const readings = vitalsInput(form, unit) as Record<VitalKey, number | null>;
  for (const key of wrong) readings[key] = null;
  if (wrong.has('diastolic')) readings.systolic = null;
  return vitalFlags(readings);
}

/** No reading taken: the content schema's own default. */
export const NOT_MEASURED: Vitals = consultationContentSchema.parse({}).vitals;

/** Every box empty. */
export const EMPTY_VITALS: VitalsForm = vitalsToForm(NOT_MEASURED);

/** The readings on one line, e.g. "BP 126/82 mmHg · Pulse 74 /min · SpO₂ 98 %"; empty when none. */
export function vitalsSummary(v: Vitals, unit: TemperatureUnit = 'C'): string {
  const bp =
    v.systolic === null && v.diastolic === null ? null : `BP ${v.systolic ?? '?'}/${v.diastolic ?? '?'} mmHg`;
  const others = vitalFields(unit)
    .filter((r) => r.key !== 'systolic' && r.key !== 'diastolic' && v[r.key] !== null)
    .map((r) => {
      const value = v[r.key] as number;
      return `${r.label} ${r.key === 'temperatureC' ? temperatureIn(unit, value) : value} ${r.unit}`;
    });
  return [bp, ...others].filter((part) => part !== null).join(' · ');
}

/** The same reading, compared as a number ("62.0" is 62); a box that is not a number compares as typed. */
export function sameReading(a: string, b: string): boolean {
  const [x, y] = [a.trim(), b.trim()];
  return x === y || (x !== '' && y !== '' && Number(x) === Number(y));
}

export function sameReadings(a: VitalsForm, b: VitalsForm): boolean {
  return VITALS.every(({ key }) => sameReading(a[key], b[key]));
}

/**
 * The boxes once the record's readings moved from `before` to `after`: a box still showing
 * `before` follows the record, one typed over stays as typed. Null when no box changes.
 */
export function followRecord(current: VitalsForm, before: VitalsForm, after: VitalsForm): VitalsForm | null {
  const moved = VITALS.filter(
    ({ key }) => sameReading(current[key], before[key]) && !sameReading(current[key], after[key]),
  );
  if (moved.length === 0) return null;
  return { ...current, ...Object.fromEntries(moved.map(({ key }) => [key, after[key]])) };
}

/**
 * The readings a save sends beside its base, the recorded readings the boxes were filled from
 * (shared/rules/vitals-merge.ts): a box still showing its recorded reading is sent exactly as
 * recorded, so the hub sees it unchanged; a typed one as entered (`entered`, already in °C).
 */
export function readingsToSave(
  form: VitalsForm,
  entered: Vitals,
  base: Vitals,
  unit: TemperatureUnit = 'C',
): Vitals {
  const shown = vitalsToForm(base, unit);
  const pick = (key: VitalKey) => (sameReading(form[key], shown[key]) ? base[key] : entered[key]);
  return {
    systolic: pick('systolic'),
    diastolic: pick('diastolic'),
    pulse: pick('pulse'),
    temperatureC: pick('temperatureC'),
    spo2: pick('spo2'),
    weightKg: pick('weightKg'),
  };
}
