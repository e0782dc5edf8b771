import type { Readings, VitalKey } from './vitals-ranges';

/**
 * How a vitals save meets the readings the record holds (docs/architecture.md, "Vitals merge per
 * reading"). A save sends every reading together with the readings it was edited from (its base):
 * a reading equal to its base is unchanged and the record keeps what it holds now (a nurse's
 * correction made meanwhile survives); a reading that differs — a new number, or null for one
 * cleared — is written. Blood pressure is one measurement: when either number changed, both come
 * from the save, so a record never pairs one person's systolic with another's diastolic.
 * The same reading changed by two people: the save that reaches the hub last wins.
 */
export const MEASUREMENTS: readonly (readonly VitalKey[])[] = [
  ['systolic', 'diastolic'],
  ['pulse'],
  ['temperatureC'],
  ['spo2'],
  ['weightKg'],
];

export const NO_READINGS: Readings = {
  systolic: null,
  diastolic: null,
  pulse: null,
  temperatureC: null,
  spo2: null,
  weightKg: null,
};

export interface VitalsMerge {
  vitals: Readings;
  /** The readings this save wrote over a change someone else made after its base (last write won). */
  replaced: VitalKey[];
  /** The readings this save changed. */
  changed: VitalKey[];
}

export function mergeVitals(held: Readings, sent: Readings, base: Readings): VitalsMerge {
  const vitals = { ...held };
  const replaced: VitalKey[] = [];
  const changed: VitalKey[] = [];
  for (const keys of MEASUREMENTS) {
    if (keys.every((k) => sent[k] === base[k])) continue;
    changed.push(...keys);
    const movedMeanwhile = keys.some((k) => held[k] !== base[k]);
    if (movedMeanwhile && keys.some((k) => held[k] !== sent[k])) replaced.push(...keys);
    for (const k of keys) vitals[k] = sent[k];
  }
  return { vitals, replaced, changed };
}
