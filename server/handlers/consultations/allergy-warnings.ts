import type { ResultOf } from '@shared/contract/index';
import type { PrescriptionItem } from '@shared/domain/consultation.schema';
import { matchAllergies } from '@shared/rules/allergy-match';
import type { Db } from '@server/db/database';
import { clinicFormulary } from '@server/handlers/formulary/formulary.repository';

export type AllergyWarning = ResultOf<'consultations.saveDraft'>['allergyWarnings'][number];

/**
 * Prescribed medicines that match a recorded allergy (docs/product.md §8): by generic, by drug class and,
 * for names the formulary does not know, by name (shared/rules/allergy-match.ts), against the
 * shipped formulary and the clinic's own entries.
 */
export function allergyWarnings(
  db: Db,
  prescription: readonly Pick<PrescriptionItem, 'medicine'>[],
  allergies: readonly string[],
): AllergyWarning[] {
  if (prescription.length === 0 || allergies.length === 0) return [];
  return matchAllergies(clinicFormulary(db), prescription, allergies);
}
