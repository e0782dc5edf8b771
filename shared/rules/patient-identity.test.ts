import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patientCodeSchema, provisionalPatientCodeSchema } from '@shared/domain/patient.schema';
import {
  ageOn,
  classifySearch,
  displayInitials,
  duplicateMatches,
  foldName,
  nameWords,
  normalizePhone,
  patientCode,
  provisionalPatientCode,
} from './patient-identity';

describe('patient identity rules', () => {
  it('folds case and accents so search is accent-insensitive', () => {
    expect(foldName('  José   NÚÑEZ ')).toBe('jose nunez');
    expect(foldName("O'Brien-Smith")).toBe('o brien smith');
    expect(nameWords('Zoë  Ångström')).toEqual(['zoe', 'angstrom']);
    expect(nameWords('   ')).toEqual([]);
    // Devanagari vowel signs are combining marks but part of the letters: they must survive.
    expect(foldName('रमेश कुमार')).toBe('रमेश कुमार'.normalize('NFKD'));
    expect(nameWords('रमेश कुमार')).toHaveLength(2);
  });

  it('compares phone numbers by their last ten digits', () => {
    expect(normalizePhone('+91 98450-12345')).toBe('9845012345');
    expect(normalizePhone('098450 12345')).toBe('9845012345');
    expect(normalizePhone('12345')).toBe('12345');
  });

  it('warns on name + phone or name + date of birth', () => {
    const existing = { fullName: 'Asha Rao', phone: '+91 98450 12345', dateOfBirth: '1990-04-01' };
    expect(
      duplicateMatches({ fullName: 'asha  RAO', phone: '9845012345', dateOfBirth: null }, existing),
    ).toEqual(['name+phone']);
    expect(
      duplicateMatches({ fullName: 'Ásha Rao', phone: null, dateOfBirth: '1990-04-01' }, existing),
    ).toEqual(['name+dateOfBirth']);
    expect(
      duplicateMatches({ fullName: 'Asha Rao', phone: '9845012345', dateOfBirth: '1990-04-01' }, existing),
    ).toEqual(['name+phone', 'name+dateOfBirth']);
    expect(
      duplicateMatches({ fullName: 'Asha Raj', phone: '9845012345', dateOfBirth: '1990-04-01' }, existing),
    ).toEqual([]);
    expect(
      duplicateMatches({ fullName: 'Asha Rao', phone: '9845000000', dateOfBirth: null }, existing),
    ).toEqual([]);
  });

  it('derives age in whole years', () => {
    expect(ageOn('1990-04-01', '2026-03-31')).toBe(35);
    expect(ageOn('1990-04-01', '2026-04-01')).toBe(36);
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
    expect(ageOn('2024-02-29', '2025-03-01')).toBe(1);
    expect(ageOn(null, '2026-01-01')).toBeNull();
    expect(ageOn('2030-01-01', '2026-01-01')).toBeNull();
  });

  it('shows initials only, never full names', () => {
    expect(displayInitials('Asha Rao Kulkarni')).toBe('A.K.');
    expect(displayInitials('émile')).toBe('E.');
    expect(displayInitials('  ')).toBe('?');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        expect(displayInitials(name).length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('makes codes that the schemas accept', () => {
    expect(patientCode(1)).toBe('PAT000001');
    expect(patientCode(1234567)).toBe('PAT1234567');
    expect(() => patientCode(0)).toThrow(RangeError);
    expect(provisionalPatientCode('c7a1e0b2-0f3a', 7)).toBe('TMP-0F3A-0007');
    // The hub's variant of a code another desktop made first.
    expect(provisionalPatientCodeSchema.safeParse('TMP-0F3A-0007-2').success).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.uuid(), (n, clientId) => {
        expect(patientCodeSchema.safeParse(patientCode(n)).success).toBe(true);
        expect(provisionalPatientCodeSchema.safeParse(provisionalPatientCode(clientId, n)).success).toBe(
          true,
        );
      }),
    );
  });

  it('classifies what was typed into the search box', () => {
    expect(classifySearch('pat000012')).toEqual({ kind: 'code', value: 'PAT000012' });
    expect(classifySearch('TMP-0F3A-0007')).toEqual({ kind: 'code', value: 'TMP-0F3A-0007' });
    expect(classifySearch('tmp-0f3a-0007-2')).toEqual({ kind: 'code', value: 'TMP-0F3A-0007-2' });
    expect(classifySearch('+91 98450 12345')).toEqual({ kind: 'phone', value: '9845012345' });
    expect(classifySearch('Núñez')).toEqual({ kind: 'name', value: 'nunez' });
  });
});
