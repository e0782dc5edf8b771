import { describe, expect, it } from 'vitest';
import { patientDetailsSchema } from '@shared/domain/patient.schema';
import { emptyPatientForm, patientFormSchema, toPatientDetails } from './patient-form';

const TODAY = '2026-12-07';
const form = (ageYears: string) => ({ ...emptyPatientForm, fullName: 'Ravi Kumar', ageYears });

describe('the registration form’s age', () => {
  it('takes an age up to 120 years, whose estimated date of birth the hub accepts', () => {
    const values = patientFormSchema.parse(form('120'));
    const details = toPatientDetails(values, TODAY);
    expect(details.dateOfBirthEstimated).toBe(true);
    expect(patientDetailsSchema.safeParse(details).success).toBe(true);
  });

  it('refuses a larger age on the age field itself (the hub keeps births from 1900 on)', () => {
    const result = patientFormSchema.safeParse(form('130'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['ageYears', 'must be at most 120 years'],
    ]);
  });
});
