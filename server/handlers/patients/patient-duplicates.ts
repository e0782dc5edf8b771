import type { z } from 'zod';
import type { duplicateCandidateSchema } from '@shared/contract/patients.contract';
import {
  type DuplicateMatch,
  duplicateMatches,
  foldName,
  type IdentityFields,
  normalizePhone,
} from '@shared/rules/patient-identity';
import type { Db } from '@server/db/database';
import { patientFromRow } from './patient-rows';

export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

const MAX_CANDIDATES = 20;

/**
 * Existing patients with the same name and phone, or the same name and date of birth (docs/product.md §2).
 * One indexed lookup on the folded name narrows to a handful of rows; the rule decides the rest.
 */
export function findDuplicates(db: Db, identity: IdentityFields, excludeId?: string): DuplicateCandidate[] {
  const phone = identity.phone ? normalizePhone(identity.phone) : null;
  if (!phone && !identity.dateOfBirth) return [];
  const rows = db.all(
    db.q
      .selectFrom('patients')
      .selectAll()
      .where('nameFolded', '=', foldName(identity.fullName))
      .where((eb) =>
        eb.or([
          ...(phone ? [eb('phoneNormalized', '=', phone)] : []),
          ...(identity.dateOfBirth ? [eb('dateOfBirth', '=', identity.dateOfBirth)] : []),
        ]),
      )
      .orderBy('code')
      .limit(MAX_CANDIDATES),
  );
  return rows
    .filter((row) => row.id !== excludeId)
    .map((row) => {
      const patient = patientFromRow(row);
      return { patient, matchedOn: duplicateMatches(identity, patient) };
    })
    .filter((candidate) => candidate.matchedOn.length > 0);
}

const matchLabel: Record<DuplicateMatch, string> = {
  'name+phone': 'same name and phone',
  'name+dateOfBirth': 'same name and date of birth',
};

/** "PAT000012 Asha Rao (born 1990-04-01, +91 98450 12345): same name and phone" per candidate. */
export function duplicatesMessage(candidates: readonly DuplicateCandidate[]): string {
  const lines = candidates.map(({ patient, matchedOn }) => {
    const facts = [
      patient.dateOfBirth ? `born ${patient.dateOfBirth}` : null,
      patient.phone ? patient.phone : null,
    ].filter(Boolean);
    const about = facts.length ? ` (${facts.join(', ')})` : '';
    return `${patient.code} ${patient.fullName}${about}: ${matchedOn.map((m) => matchLabel[m]).join(' and ')}`;
  });
  const intro =
    candidates.length === 1
      ? 'This patient may already be registered'
      : 'These patients may already be registered';
  return (
    `${intro}: ${lines.join('; ')}. ` +
    'Open the existing record instead, or confirm that this is a different person to register anyway.'
  );
}
