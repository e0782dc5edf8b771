import { describe, expect, it } from 'vitest';
import { EMPTY_VITALS, sameReadings, vitalsInput, vitalsSummary, vitalsToForm } from './vitals-form';

const none = { systolic: null, diastolic: null, pulse: null, temperatureC: null, spo2: null, weightKg: null };

describe('vitals form', () => {
  it('summarises the readings on one line, blood pressure as one reading', () => {
    expect(
      vitalsSummary({ ...none, systolic: 126, diastolic: 82, pulse: 74, spo2: 98, weightKg: 58.5 }),
    ).toBe('BP 126/82 mmHg · Pulse 74 /min · SpO₂ 98 % · Weight 58.5 kg');
    expect(vitalsSummary({ ...none, temperatureC: 38.4 })).toBe('Temperature 38.4 °C');
    expect(vitalsSummary({ ...none, systolic: 140 })).toBe('BP 140/? mmHg');
    expect(vitalsSummary(none)).toBe('');
  });

  it('turns readings into boxes and back, an empty box meaning not measured', () => {
    const form = vitalsToForm({ ...none, pulse: 74, temperatureC: 36.9 });
    expect(form).toEqual({ ...EMPTY_VITALS, pulse: '74', temperatureC: '36.9' });
    expect(vitalsInput({ ...form, weightKg: ' ' })).toEqual({ ...none, pulse: 74, temperatureC: 36.9 });
  });

  it('compares readings as numbers, so "62.0" typed is the 62 the hub stores', () => {
    const stored = vitalsToForm({ ...none, weightKg: 62, spo2: 98 });
    expect(sameReadings({ ...stored, weightKg: '62.0', spo2: ' 098' }, stored)).toBe(true);
    expect(sameReadings({ ...stored, weightKg: '62.5' }, stored)).toBe(false);
    expect(sameReadings({ ...stored, pulse: '0' }, stored)).toBe(false); // '' is not 0
    expect(sameReadings({ ...stored, pulse: 'abc' }, { ...stored, pulse: 'abd' })).toBe(false);
  });
});
