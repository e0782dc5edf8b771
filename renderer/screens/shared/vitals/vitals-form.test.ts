import { describe, expect, it } from 'vitest';
import {
  EMPTY_VITALS,
  followRecord,
  formFlags,
  readingsToSave,
  sameReadings,
  vitalFields,
  vitalsFormProblems,
  vitalsInput,
  vitalsSummary,
  vitalsToForm,
} from './vitals-form';

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

  it('enters and shows temperatures in a °F clinic, storing °C', () => {
    expect(vitalFields('F').find((f) => f.key === 'temperatureC')?.unit).toBe('°F');
    const typed = { ...EMPTY_VITALS, temperatureC: '98.6' };
    expect(vitalsFormProblems(typed, 'F')).toEqual([]);
    expect(vitalsInput(typed, 'F').temperatureC).toBe(37);
    expect(vitalsToForm({ ...none, temperatureC: 37 }, 'F').temperatureC).toBe('98.6');
    expect(vitalsToForm({ ...none, temperatureC: 38.4 }, 'F').temperatureC).toBe('101.1');
    expect(vitalsSummary({ ...none, temperatureC: 38.4 }, 'F')).toBe('Temperature 101.1 °F');
    // A °C clinic keeps the stored reading exactly as it is.
    expect(vitalsToForm({ ...none, temperatureC: 37.06 }, 'C').temperatureC).toBe('37.06');
    expect(vitalsInput({ ...EMPTY_VITALS, temperatureC: '37.2' }).temperatureC).toBe(37.2);
  });

  it('tells what is wrong in the unit typed, naming the box', () => {
    expect(vitalsFormProblems({ ...EMPTY_VITALS, temperatureC: '98.6' }, 'C')).toEqual([
      {
        field: 'temperatureC',
        message: 'must be at most 45 °C (98.6 looks like °F: this clinic records °C)',
      },
    ]);
    expect(vitalsFormProblems({ ...EMPTY_VITALS, temperatureC: '120' }, 'F')).toEqual([
      { field: 'temperatureC', message: 'must be at most 113 °F: check the reading' },
    ]);
    expect(vitalsFormProblems({ ...EMPTY_VITALS, systolic: '300', diastolic: '80', pulse: 'fast' })).toEqual([
      { field: 'pulse', message: 'must be a number (/min)' },
      { field: 'systolic', message: 'must be at most 280 mmHg: check the reading' },
    ]);
  });

  it('flags abnormal boxes as typed, never impossible ones', () => {
    const labels = (form: Partial<typeof EMPTY_VITALS>, unit: 'C' | 'F' = 'C') =>
      formFlags({ ...EMPTY_VITALS, ...form }, unit).map((f) => f.label);
    expect(labels({ systolic: '150', diastolic: '95' })).toEqual(['High BP']);
    expect(labels({ temperatureC: '101.2' }, 'F')).toEqual(['Fever']);
    expect(labels({ systolic: '300', diastolic: '80', spo2: '91' })).toEqual(['Low SpO₂']);
    expect(labels({ systolic: '150', diastolic: '150' })).toEqual([]);
  });

  it('follows the record box by box, never over a typed box, and sends untyped boxes as recorded', () => {
    const before = { ...none, pulse: 74, temperatureC: 37.02, weightKg: 60 };
    const after = { ...before, temperatureC: 38.4, pulse: 80 };
    const typed = { ...vitalsToForm(before), pulse: '90' };
    expect(followRecord(typed, vitalsToForm(before), vitalsToForm(after))).toEqual({
      ...typed,
      temperatureC: '38.4',
    });
    expect(followRecord(typed, vitalsToForm(after), vitalsToForm(after))).toBeNull();

    // °F: 37.02 °C shows as 98.6 °F; unchanged, it goes back as recorded, not as 98.6 °F → 37 °C.
    const boxes = { ...vitalsToForm(before, 'F'), weightKg: '' };
    const entered = { ...none, pulse: 74, temperatureC: 37 };
    expect(readingsToSave(boxes, entered, before, 'F')).toEqual({ ...before, weightKg: null });
  });
});
