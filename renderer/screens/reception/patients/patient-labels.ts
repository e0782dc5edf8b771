import type { Patient } from '@shared/domain/patient.schema';
import { ageText } from '@shared/rules/patient-facts';
import type { ClinicFormat } from '@renderer/app/clinic-format';

/**
 * "02/03/1968 (58)" in the clinic's date format, or "about 58" for a date of birth estimated from
 * an age (never shown as a real date); "—" when unknown.
 */
export function birthLabel(
  patient: Pick<Patient, 'dateOfBirth' | 'dateOfBirthEstimated'>,
  format: ClinicFormat,
): string {
  const age = ageText(patient, format.today());
  if (patient.dateOfBirthEstimated) return age ?? '—';
  if (!patient.dateOfBirth) return '—';
  return `${format.numericDate(patient.dateOfBirth)}${age === null ? '' : ` (${age})`}`;
}
