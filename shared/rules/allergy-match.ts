import type { Formulary } from '@shared/formulary/formulary';
import { foldName } from './patient-identity';

export interface AllergyMatch {
  medicine: string;
  allergy: string;
  itemIndex: number;
  /** Why it matches, in words: "Brufen contains ibuprofen", "Diclofenac is one of the NSAIDs". */
  reason: string;
}

/** Whether one folded phrase contains the other as whole words ("penicillin" in "penicillin v"). */
function containsAsWords(a: string, b: string): boolean {
  if (!a || !b) return false;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Prescribed medicines that match a recorded allergy (docs/product.md §8), through the formulary: by
 * generic (allergy "Ibuprofen" warns on "Brufen" and "Combiflam"; allergy "Augmentin" on
 * "Mox"), by class (allergy "NSAIDs" warns on diclofenac; "Penicillin" on amoxicillin;
 * "beta-lactams" on cefixime; "Aspirin" on every NSAID) and, for names the formulary does not
 * know, by name as whole words, accent- and case-insensitively ("amoxicillin" on "Amoxicillin 500").
 * One warning per medicine and allergy, with the first reason found.
 */
export function matchAllergies(
  formulary: Formulary,
  prescription: readonly { medicine: string }[],
  allergies: readonly string[],
): AllergyMatch[] {
  const recorded = allergies.map((allergy) => ({
    allergy,
    key: foldName(allergy),
    ...formulary.resolveAllergy(allergy),
  }));
  const matches: AllergyMatch[] = [];
  prescription.forEach((item, itemIndex) => {
    const medicine = formulary.resolveMedicine(item.medicine);
    const folded = foldName(item.medicine);
    for (const allergy of recorded) {
      const reason =
        sameGeneric(formulary, item.medicine, medicine.generics, allergy.generics) ??
        sameClass(formulary, medicine.generics, allergy.classes) ??
        (containsAsWords(folded, allergy.key) ? `same name as the allergy` : null);
      if (reason) matches.push({ medicine: item.medicine, allergy: allergy.allergy, itemIndex, reason });
    }
  });
  return matches;
}

function sameGeneric(
  formulary: Formulary,
  typed: string,
  medicine: readonly string[],
  allergy: readonly string[],
): string | null {
  const shared = medicine.find((key) => allergy.includes(key));
  if (!shared) return null;
  const generic = formulary.genericName(shared);
  return foldName(typed) === shared
    ? `${generic} itself`
    : `${typed.trim()} contains ${generic.toLowerCase()}`;
}

function sameClass(
  formulary: Formulary,
  medicine: readonly string[],
  allergyClasses: readonly string[],
): string | null {
  if (allergyClasses.length === 0) return null;
  for (const key of medicine) {
    const hit = formulary.classesOf([key]).find((c) => allergyClasses.includes(c));
    if (hit) return `${formulary.genericName(key)} is one of the ${formulary.className(hit)}`;
  }
  return null;
}
