import { describe, expect, it } from 'vitest';
import { patientDetailsSchema } from '@shared/domain/patient.schema';
import { foldName } from '@shared/rules/patient-identity';
import { demoPatients } from './demo-patients';
import { DemoRandom } from './demo-random';

describe('demo patients', () => {
  it('are the same for the same seed, valid, and distinct by name', () => {
    const first = demoPatients(new DemoRandom(42), '2026-11-25');
    const again = demoPatients(new DemoRandom(42), '2026-11-25');
    expect(again).toEqual(first);
    expect(first).toHaveLength(200);
    for (const patient of first)
      expect(patientDetailsSchema.parse(patient.details)).toMatchObject(patient.details);
    expect(new Set(first.map((p) => foldName(p.details.fullName))).size).toBe(200);
    expect(first.filter((p) => p.age < 16).length).toBeGreaterThan(20);
    expect(first.filter((p) => p.sex === 'female' && p.age >= 16).length).toBeGreaterThan(40);
  });
});
