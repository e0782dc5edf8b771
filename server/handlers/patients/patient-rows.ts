import type { Patient } from '@shared/domain/patient.schema';
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
