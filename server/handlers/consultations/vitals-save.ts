import type { Vitals } from '@shared/domain/consultation.schema';
import { mergeVitals, NO_READINGS, type VitalsMerge } from '@shared/rules/vitals-merge';

/**
 * The readings a save leaves on the record: merged per reading with what it holds
 * (shared/rules/vitals-merge.ts). A save without a base (queued by a desktop before saves carried
 * one) keeps its old meaning: a nurse's replaces every reading, a draft with no readings keeps
 * the record's, any other draft replaces them.
 */
export function savedVitals(
  held: Vitals | null,
  sent: Vitals,
  base: Vitals | null,
  withoutBase: 'replace' | 'keep-if-empty',
): VitalsMerge {
  const current = held ?? NO_READINGS;
  if (base) return mergeVitals(current, sent, base);
  const empty = Object.values(sent).every((value) => value === null);
  return mergeVitals(current, sent, withoutBase === 'keep-if-empty' && empty ? sent : current);
}

/** For the audit entry: which readings changed, and any someone else's change this save replaced. */
export function vitalsDetails(merge: VitalsMerge): Record<string, string[]> {
  return {
    ...(merge.changed.length > 0 ? { vitalsChanged: merge.changed } : {}),
    ...(merge.replaced.length > 0 ? { vitalsReplaced: merge.replaced } : {}),
  };
}
