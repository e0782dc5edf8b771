import { describe, expect, it } from 'vitest';
import { consultationContentSchema } from '@shared/domain/consultation.schema';
import { checkContent, emptyMedicine, toForm } from './consultation-form';

const blank = () => toForm(consultationContentSchema.parse({}));

describe('consultation form ↔ record content', () => {
  it('round-trips a record: empty readings stay null, numbers are typed as text', () => {
    const content = consultationContentSchema.parse({
      chiefComplaint: 'Cough',
      vitals: { systolic: 120, diastolic: 80, temperatureC: 37.5 },
      diagnosis: { text: 'Bronchitis', code: 'J20.9' },
      prescription: [{ medicine: 'Amoxicillin', dosePattern: '1-0-1', durationDays: 5 }],
      followUpDate: '2026-12-01',
    });
    const form = toForm(content);
    expect(form.vitals.pulse).toBe('');
    expect(form.prescription[0]?.durationDays).toBe('5');
    const check = checkContent(form);
    expect(check).toEqual({ ok: true, content });
  });

  it('names the form field of each problem, per medicine row', () => {
    const form = blank();
    form.vitals.systolic = '80';
    form.vitals.diastolic = '90';
    form.diagnosis.code = 'j06.9'; // typed in lower case: accepted as J06.9
    const row = {
      ...emptyMedicine(),
      dosePattern: '1-0-1',
      timing: 'after_food' as const,
      durationDays: '5',
    };
    form.prescription = [
      { ...row, medicine: 'Paracetamol' },
      { ...row, medicine: 'Cetirizine', dosePattern: 'twice', durationDays: '' },
    ];
    const check = checkContent(form);
    expect(check.ok).toBe(false);
    const fields = check.ok ? [] : check.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['prescription.1.dosePattern', 'prescription.1.durationDays', 'vitals.diastolic']);
    const days = check.ok ? undefined : check.problems.find((p) => p.field === 'prescription.1.durationDays');
    expect(days?.message).toBe('must be a number of days');
  });

  it('starts a new medicine row empty, and refuses it until dose, timing and days are chosen', () => {
    expect(emptyMedicine()).toEqual({
      medicine: '',
      strength: '',
      dosePattern: '',
      timing: '',
      durationDays: '',
      instructions: '',
    });
    const form = blank();
    form.prescription = [{ ...emptyMedicine(), medicine: 'Brufen' }];
    const check = checkContent(form);
    const problems = check.ok ? [] : check.problems.map((p) => `${p.field}: ${p.message}`).sort();
    expect(problems).toEqual([
      'prescription.0.dosePattern: must be a dose pattern like 1-0-1',
      'prescription.0.durationDays: must be a number of days',
      'prescription.0.timing: choose when to take it',
    ]);
  });

  it('accepts an untouched form (nothing written yet)', () => {
    expect(checkContent(blank()).ok).toBe(true);
  });
});
