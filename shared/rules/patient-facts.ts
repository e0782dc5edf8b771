import type { Patient } from '@shared/domain/patient.schema';
import { ageOn } from './patient-identity';

type BirthFacts = Pick<Patient, 'dateOfBirth' | 'dateOfBirthEstimated'>;
type AllergyFacts = Pick<Patient, 'allergies' | 'allergiesRecorded'>;

/**
 * The age in words on a date: "58", or "about 58" when the date of birth was estimated from an
 * age (an estimated date is never shown as a real one); null when unknown.
 */
export function ageText(patient: BirthFacts, onDate: string): string | null {
  const age = ageOn(patient.dateOfBirth, onDate);
  if (age === null) return null;
  return patient.dateOfBirthEstimated ? `about ${age}` : String(age);
}

/** The date of birth as an ISO date, or null when there is none or it was only estimated. */
export function knownBirthDate(patient: BirthFacts): string | null {
  return patient.dateOfBirthEstimated ? null : patient.dateOfBirth;
}

/** 1 January of the year an age puts the birth in; marked estimated wherever it is stored. */
export function estimatedBirthDate(ageYears: number, today: string): string {
  const year = Number(today.slice(0, 4)) - ageYears;
  return `${String(year).padStart(4, '0')}-01-01`;
}

export type AllergyStatus = 'not-recorded' | 'none-known' | 'listed';

/** Whether allergies were asked: "not recorded" is never shown as "none known". */
export function allergyStatus(patient: AllergyFacts): AllergyStatus {
  if (patient.allergies.length > 0) return 'listed';
  return patient.allergiesRecorded ? 'none-known' : 'not-recorded';
}

/** "Allergies: Penicillin, Sulfa", "No known allergies" or "Allergies: not recorded". */
export function allergiesText(patient: AllergyFacts): string {
  switch (allergyStatus(patient)) {
    case 'listed':
      return `Allergies: ${patient.allergies.join(', ')}`;
    case 'none-known':
      return 'No known allergies';
    case 'not-recorded':
      return 'Allergies: not recorded';
  }
}
