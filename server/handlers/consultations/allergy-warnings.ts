import type { ResultOf } from '@shared/contract/index';
import type { PrescriptionItem } from '@shared/domain/consultation.schema';
import { foldName } from '@shared/rules/patient-identity';

export type AllergyWarning = ResultOf<'consultations.saveDraft'>['allergyWarnings'][number];

/** Whether one folded phrase contains the other as whole words ("penicillin" in "penicillin v"). */
function containsAsWords(a: string, b: string): boolean {
  if (!a || !b) return false;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Prescribed medicines that match a recorded allergy (SPEC §8), compared accent- and
 * case-insensitively as whole words: allergy "Penicillin" warns on "Penicillin V", allergy
 * "amoxicillin" on "Amoxicillin 500".
 */
export function allergyWarnings(
  prescription: readonly Pick<PrescriptionItem, 'medicine'>[],
  allergies: readonly string[],
): AllergyWarning[] {
  const folded = allergies.map((allergy) => ({ allergy, key: foldName(allergy) }));
  const warnings: AllergyWarning[] = [];
  prescription.forEach((item, itemIndex) => {
    const medicine = foldName(item.medicine);
    for (const { allergy, key } of folded) {
      if (containsAsWords(medicine, key)) warnings.push({ medicine: item.medicine, allergy, itemIndex });
    }
  });
  return warnings;
}
