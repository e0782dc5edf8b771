import { describe, expect, it } from 'vitest';
import { doctorFormSchema, toDetails, toFormValues } from './doctor-form';

describe('doctor form', () => {
  it('turns rupees into paise and back, and buffers into an override only when asked', () => {
    const values = {
      ...toFormValues(null, { before: 5, after: 5 }),
      fullName: 'Dr. A',
      specialization: 'GP',
      registrationNumber: 'R1',
      feeNewVisit: 450.5,
    };
    const details = toDetails(values);
    expect(details.fees.newVisit).toBe(45_050);
    expect(details.bufferOverride).toBeNull();
    expect(toDetails({ ...values, overrideBuffers: true, bufferBefore: 10 }).bufferOverride).toEqual({
      before: 10,
      after: 5,
    });
    expect(toFormValues({ ...details, id: 'x', userId: null }, { before: 5, after: 5 }).feeNewVisit).toBe(
      450.5,
    );
  });
  it('refuses a session that is not a multiple of 5 minutes, naming the field', () => {
    const result = doctorFormSchema.safeParse({
      ...toFormValues(null, { before: 5, after: 5 }),
      sessionMinutes: 12,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === 'sessionMinutes')?.message).toMatch(
      /multiple of 5/,
    );
  });
});
