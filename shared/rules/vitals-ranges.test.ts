import { describe, expect, it } from 'vitest';
import { vitalsSchema } from '@shared/domain/consultation.schema';
import {
  celsiusToFahrenheit,
  fahrenheitToCelsius,
  plausibleRange,
  type Readings,
  temperatureIn,
  vitalFlags,
  vitalsProblems,
} from './vitals-ranges';

const none: Readings = {
  systolic: null,
  diastolic: null,
  pulse: null,
  temperatureC: null,
  spo2: null,
  weightKg: null,
};
const labels = (r: Partial<Readings>) => vitalFlags({ ...none, ...r }).map((f) => f.label);
const refused = (r: Partial<Readings>, unit: 'C' | 'F' = 'C') =>
  vitalsProblems({ ...none, ...r }, unit).map((p) => `${p.field}: ${p.message}`);

describe('vitals: impossible readings are refused, naming the field', () => {
  it('refuses the impossible examples of issue 16', () => {
    expect(refused({ systolic: 300, diastolic: 80 })).toEqual([
      'systolic: must be at most 280 mmHg: check the reading',
    ]);
    expect(refused({ systolic: 120, diastolic: 120 })).toEqual([
      'diastolic: must be lower than the systolic pressure',
    ]);
    expect(refused({ temperatureC: 20 })).toEqual([
      'temperatureC: must be at least 30 °C: check the reading',
    ]);
    expect(refused({ spo2: 120 })).toEqual(['spo2: must be at most 100 %: check the reading']);
    expect(refused({ pulse: 400 })).toEqual(['pulse: must be at most 300 /min: check the reading']);
    expect(refused({ weightKg: 900 })).toEqual(['weightKg: must be at most 400 kg: check the reading']);
  });

  it('accepts what children and very ill adults can really show', () => {
    const real: Partial<Readings>[] = [
      { systolic: 60, diastolic: 30, pulse: 180, weightKg: 3.2 }, // a newborn
      { pulse: 280 }, // an infant's supraventricular tachycardia
      { systolic: 250, diastolic: 150 }, // a hypertensive emergency
      { temperatureC: 42, spo2: 70 }, // hyperpyrexia; cyanotic heart disease
      { weightKg: 0.6 }, // a very premature baby
      { systolic: 280, diastolic: 20, temperatureC: 30, weightKg: 400, spo2: 50 }, // the bounds
    ];
    for (const r of real) expect(refused(r), JSON.stringify(r)).toEqual([]);
  });

  it('says when a temperature looks like the other unit', () => {
    expect(refused({ temperatureC: 98.6 })).toEqual([
      'temperatureC: must be at most 45 °C (98.6 looks like °F: this clinic records °C)',
    ]);
    expect(refused({ temperatureC: 37 }, 'F')).toEqual([
      'temperatureC: must be at least 86 °F (37 looks like °C: this clinic records °F)',
    ]);
    expect(refused({ temperatureC: 98.6 }, 'F')).toEqual([]);
    expect(plausibleRange('temperatureC', 'F')).toEqual({ min: 86, max: 113, unit: '°F' });
  });

  it('is what the hub’s schema refuses', () => {
    const result = vitalsSchema.safeParse({ systolic: 300, diastolic: 80, pulse: 400 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['systolic', 'must be at most 280 mmHg: check the reading'],
      ['pulse', 'must be at most 300 /min: check the reading'],
    ]);
    expect(vitalsSchema.safeParse({ systolic: 150, diastolic: 95, temperatureC: 37.06 }).success).toBe(true);
  });
});

describe('vitals: abnormal readings are flagged (adult outpatient references)', () => {
  it('flags blood pressure high from 140/90, very high from 180/110, low below 90/60', () => {
    expect(labels({ systolic: 139, diastolic: 89 })).toEqual([]);
    expect(labels({ systolic: 140, diastolic: 80 })).toEqual(['High BP']);
    expect(labels({ systolic: 130, diastolic: 90 })).toEqual(['High BP']);
    expect(labels({ systolic: 150, diastolic: 95 })).toEqual(['High BP']);
    expect(labels({ systolic: 185, diastolic: 100 })).toEqual(['Very high BP']);
    expect(labels({ systolic: 89, diastolic: 60 })).toEqual(['Low BP']);
    expect(labels({ systolic: 100, diastolic: 59 })).toEqual(['Low BP']);
    expect(vitalFlags({ ...none, systolic: 150, diastolic: 95 })).toEqual([
      { field: 'bp', direction: 'high', level: 'abnormal', label: 'High BP' },
    ]);
  });

  it('flags fever from 38 °C, a fast or slow pulse and SpO₂ below 94 %', () => {
    expect(labels({ temperatureC: 37.9, pulse: 100, spo2: 94 })).toEqual([]);
    expect(labels({ temperatureC: 38 })).toEqual(['Fever']);
    expect(labels({ temperatureC: 39.5 })).toEqual(['High fever']);
    expect(labels({ temperatureC: 34.9 })).toEqual(['Low temperature']);
    expect(labels({ pulse: 101 })).toEqual(['Fast pulse']);
    expect(labels({ pulse: 59 })).toEqual(['Slow pulse']);
    expect(labels({ spo2: 93 })).toEqual(['Low SpO₂']);
    expect(vitalFlags({ ...none, spo2: 88 })[0]?.level).toBe('urgent');
    expect(labels({ weightKg: 150 })).toEqual([]);
  });
});

describe('temperature units: stored in °C, entered and shown in the clinic’s unit', () => {
  it('converts 98.6 °F to 37 °C and back', () => {
    expect(fahrenheitToCelsius(98.6)).toBe(37);
    expect(temperatureIn('F', 37)).toBe(98.6);
    expect(celsiusToFahrenheit(100)).toBe(212);
    expect(fahrenheitToCelsius(100.4)).toBe(38);
  });

  it('stores the shortest °C that shows again as the °F typed', () => {
    expect(fahrenheitToCelsius(99)).toBe(37.2);
    expect(fahrenheitToCelsius(98.7)).toBe(37.06);
    expect(fahrenheitToCelsius(86)).toBe(30);
    expect(fahrenheitToCelsius(113)).toBe(45);
  });

  it('round-trips every 0.1 °F from 86 to 113, and every stored 0.1 °C', () => {
    for (let tenths = 860; tenths <= 1130; tenths += 1) {
      const f = tenths / 10;
      expect(temperatureIn('F', fahrenheitToCelsius(f)), String(f)).toBe(f);
    }
    for (let tenths = 300; tenths <= 450; tenths += 1) {
      const c = tenths / 10;
      expect(fahrenheitToCelsius(temperatureIn('F', c)), String(c)).toBe(c);
      expect(temperatureIn('C', c)).toBe(c);
    }
  });
});
