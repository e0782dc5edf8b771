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
    form.prescription = [
      { ...emptyMedicine(), medicine: 'Paracetamol' },
      { ...emptyMedicine(), medicine: 'Cetirizine', dosePattern: 'twice', durationDays: '' },
    ];
    const check = checkContent(form);
    expect(check.ok).toBe(false);
    const fields = check.ok ? [] : check.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['prescription.1.dosePattern', 'prescription.1.durationDays', 'vitals.diastolic']);
    const days = check.ok ? undefined : check.problems.find((p) => p.field === 'prescription.1.durationDays');
    expect(days?.message).toBe('must be a number of days');
  });

  it('accepts an untouched form (nothing written yet)', () => {
    expect(checkContent(blank()).ok).toBe(true);
  });
});
