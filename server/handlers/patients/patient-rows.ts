import type { Patient, PatientDetails } from '@shared/domain/patient.schema';
import { foldName, normalizePhone } from '@shared/rules/patient-identity';
import { decode, encode } from '@server/db/codecs';
import type { PatientTable } from '@server/db/tables';

/** A patient as stored: the entity plus the hub's search keys (folded name, normalised phone). */
export function patientRow(patient: Patient): PatientTable {
  return {
    ...(encode('patients', patient) as unknown as Omit<PatientTable, 'nameFolded' | 'phoneNormalized'>),
    nameFolded: foldName(patient.fullName),
    phoneNormalized: patient.phone ? normalizePhone(patient.phone) : null,
  };
}

export function patientFromRow(row: PatientTable): Patient {
  return decode<Patient>('patients', { ...row });
}

/** Names of the fields whose values differ (for the audit entry; values are not recorded). */
export function changedFields(before: Patient, after: Patient): string[] {
  return (Object.keys(after) as (keyof Patient)[]).filter(
    (key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/**
 * A list of allergies is a record of them; a date of birth given without saying it is estimated
 * is a real one (a partial update that changes only the date clears the estimate).
 */
export function withRecordedFacts<T extends Partial<PatientDetails>>(details: T): T {
  const facts: Partial<PatientDetails> = {};
  if (details.allergies !== undefined && details.allergiesRecorded === undefined) {
    facts.allergiesRecorded = true;
  }
  if (details.allergies && details.allergies.length > 0) facts.allergiesRecorded = true;
  if (details.dateOfBirth !== undefined && details.dateOfBirthEstimated === undefined) {
    facts.dateOfBirthEstimated = false;
  }
  if (details.dateOfBirth === null) facts.dateOfBirthEstimated = false;
  return { ...details, ...facts };
}
