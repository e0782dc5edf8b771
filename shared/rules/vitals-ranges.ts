/**
 * What a vitals reading may be (refused outside: physiologically impossible, almost always a
 * typing slip) and when it is abnormal (flagged beside the reading for nurse and doctor). One
 * module for the hub's schema and every screen; the table and its reasons are in
 * docs/product.md §8. Temperatures are stored in °C; a clinic may
 * enter and read them in °F (settings.temperatureUnit).
 */

export type VitalKey = 'systolic' | 'diastolic' | 'pulse' | 'temperatureC' | 'spo2' | 'weightKg';
export type TemperatureUnit = 'C' | 'F';
export type Readings = Record<VitalKey, number | null>;

interface Range {
  min: number;
  max: number;
  unit: string;
}

/**
 * Refused outside these (inclusive) bounds. Wide enough for children (a newborn's 0.4 kg, an
 * infant's 280/min tachycardia, a shocked patient's 50/25), narrow enough to catch 300/80 or 900 kg.
 */
export const PLAUSIBLE: Record<VitalKey, Range> = {
  systolic: { min: 40, max: 280, unit: 'mmHg' },
  diastolic: { min: 20, max: 180, unit: 'mmHg' },
  pulse: { min: 20, max: 300, unit: '/min' },
  temperatureC: { min: 30, max: 45, unit: '°C' },
  spo2: { min: 50, max: 100, unit: '%' },
  weightKg: { min: 0.3, max: 400, unit: 'kg' },
};

/** °F exactly. */
export const celsiusToFahrenheit = (c: number) => (c * 9) / 5 + 32;

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

/** A temperature as the clinic reads it: its unit, to 0.1°. */
export function temperatureIn(unit: TemperatureUnit, celsius: number): number {
  return round(unit === 'F' ? celsiusToFahrenheit(celsius) : celsius, 1);
}

/**
 * The °C stored for a °F entry: the shortest of 0.1 °C and 0.01 °C that shows again as the °F
 * typed (98.6 → 37, 99.0 → 37.2, 98.7 → 37.06), so a reading read back and saved is unchanged.
 */
export function fahrenheitToCelsius(f: number): number {
  const exact = ((f - 32) * 5) / 9;
  const shown = round(f, 1);
  for (const decimals of [1, 2]) {
    const c = round(exact, decimals);
    if (temperatureIn('F', c) === shown) return c;
  }
  return round(exact, 2);
}

/** A temperature entered in the clinic's unit, as stored (°C). */
export const temperatureToCelsius = (unit: TemperatureUnit, value: number) =>
  unit === 'F' ? fahrenheitToCelsius(value) : value;

/** The bounds of a reading in the unit it is entered in. */
export function plausibleRange(key: VitalKey, unit: TemperatureUnit = 'C'): Range {
  const range = PLAUSIBLE[key];
  if (key !== 'temperatureC' || unit === 'C') return range;
  return { min: temperatureIn('F', range.min), max: temperatureIn('F', range.max), unit: '°F' };
}

/** Why one reading (in the unit it is entered in) is impossible, or null. */
export function rangeProblem(key: VitalKey, value: number, unit: TemperatureUnit = 'C'): string | null {
  const { min, max, unit: u } = plausibleRange(key, unit);
  if (value >= min && value <= max) return null;
  const bound = value < min ? `must be at least ${min} ${u}` : `must be at most ${max} ${u}`;
  if (key === 'temperatureC' && unit === 'C' && value >= 86 && value <= 113)
    return `${bound} (${value} looks like °F: this clinic records °C)`;
  if (key === 'temperatureC' && unit === 'F' && value >= 30 && value <= 45)
    return `${bound} (${value} looks like °C: this clinic records °F)`;
  return `${bound}: check the reading`;
}

export const BP_ORDER_PROBLEM = 'must be lower than the systolic pressure';

export interface Problem {
  field: VitalKey;
  message: string;
}

/** Every impossible reading (temperature in `unit`), each naming its field. */
export function vitalsProblems(r: Readings, unit: TemperatureUnit = 'C'): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(PLAUSIBLE) as VitalKey[]) {
    const value = r[key];
    const message = value === null ? null : rangeProblem(key, value, unit);
    if (message) problems.push({ field: key, message });
  }
  if (r.systolic !== null && r.diastolic !== null && r.systolic <= r.diastolic)
    problems.push({ field: 'diastolic', message: BP_ORDER_PROBLEM });
  return problems;
}

export type FlagField = 'bp' | 'pulse' | 'temperatureC' | 'spo2';
export interface VitalFlag {
  field: FlagField;
  direction: 'high' | 'low';
  /** 'urgent': tell the doctor now. */
  level: 'abnormal' | 'urgent';
  label: string;
}

const flag = (field: FlagField, direction: VitalFlag['direction'], urgent: boolean, label: string) => ({
  field,
  direction,
  level: urgent ? ('urgent' as const) : ('abnormal' as const),
  label,
});

/**
 * The abnormal readings against adult outpatient references (stored °C): BP ≥ 140/90 (≥ 180/110
 * urgent) or < 90/60; pulse > 100 (≥ 130) or < 60 (< 40); temperature ≥ 38 °C (≥ 39.5) or < 35;
 * SpO₂ < 94 % (< 90). Weight is never flagged (it needs the height).
 */
export function vitalFlags(r: Readings): VitalFlag[] {
  const flags: VitalFlag[] = [];
  const { systolic: s, diastolic: d, pulse, temperatureC: t, spo2 } = r;
  if ((s !== null && s >= 140) || (d !== null && d >= 90)) {
    const urgent = (s !== null && s >= 180) || (d !== null && d >= 110);
    flags.push(flag('bp', 'high', urgent, urgent ? 'Very high BP' : 'High BP'));
  } else if ((s !== null && s < 90) || (d !== null && d < 60)) {
    flags.push(flag('bp', 'low', s !== null && s < 70, 'Low BP'));
  }
  if (pulse !== null && pulse > 100) flags.push(flag('pulse', 'high', pulse >= 130, 'Fast pulse'));
  else if (pulse !== null && pulse < 60) flags.push(flag('pulse', 'low', pulse < 40, 'Slow pulse'));
  if (t !== null && t >= 38)
    flags.push(flag('temperatureC', 'high', t >= 39.5, t >= 39.5 ? 'High fever' : 'Fever'));
  else if (t !== null && t < 35) flags.push(flag('temperatureC', 'low', t < 32, 'Low temperature'));
  if (spo2 !== null && spo2 < 94) flags.push(flag('spo2', 'low', spo2 < 90, 'Low SpO₂'));
  return flags;
}
