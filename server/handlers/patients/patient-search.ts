import { sql } from 'kysely';
import type { Patient } from '@shared/domain/patient.schema';
import { classifySearch } from '@shared/rules/patient-identity';
import type { Db } from '@server/db/database';
import type { PatientTable } from '@server/db/tables';
import { patientFromRow } from './patient-rows';

/** Above every character codes and digits use: `x <= s < x + HIGH` is "s starts with x", on an index. */
const HIGH = '\uffff';
/** A full phone number (normalised to its last 10 digits): a suffix search would find nothing more. */
const FULL_PHONE_DIGITS = 10;

/**
 * docs/product.md §2 search: by code (hub or provisional, exact first then prefix), by phone (prefix, then
 * the last digits), or by name (prefix of any word, case- and accent-insensitive, via FTS5).
 * Every branch reads an index, so it stays fast at 100,000 patients.
 */
export function searchPatients(db: Db, text: string, limit: number): Patient[] {
  const query = classifySearch(text);
  switch (query.kind) {
    case 'code':
      return byCode(db, query.value, limit);
    case 'phone':
      return byPhone(db, query.value, limit);
    case 'name':
      return byName(db, query.value, limit);
  }
}

function byCode(db: Db, code: string, limit: number): Patient[] {
  const rows = db.all(
    db.q
      .selectFrom('patients')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('code', '>=', code), eb('code', '<', code + HIGH)]),
          eb.and([eb('provisionalCode', '>=', code), eb('provisionalCode', '<', code + HIGH)]),
        ]),
      )
      .orderBy(sql`(code = ${code} OR provisionalCode = ${code})`, 'desc')
      .orderBy('code')
      .limit(limit),
  );
  return rows.map(patientFromRow);
}

function byPhone(db: Db, digits: string, limit: number): Patient[] {
  // A leading trunk 0 (080 2345…) is not part of the stored number (its last 10 digits).
  const trimmed = digits.replace(/^0+/, '');
  const prefixes = [...new Set([digits, trimmed])].filter((p) => p.length >= 3);
  const prefixed = db.all(
    db.q
      .selectFrom('patients')
      .selectAll()
      .where((eb) =>
        eb.or(
          prefixes.map((p) => eb.and([eb('phoneNormalized', '>=', p), eb('phoneNormalized', '<', p + HIGH)])),
        ),
      )
      .orderBy('phoneNormalized')
      .orderBy('fullName')
      .limit(limit),
  );
  if (prefixed.length >= limit || digits.length >= FULL_PHONE_DIGITS) return prefixed.map(patientFromRow);
  // The last digits of a number: a scan of the narrow phone index only (rowids), then row lookups.
  const seen = new Set(prefixed.map((row) => row.id));
  const suffixed = db.all(
    db.q
      .selectFrom('patients')
      .selectAll()
      .where(
        sql<number>`rowid`,
        'in',
        db.q
          .selectFrom('patients')
          .select(sql<number>`rowid`.as('rowid'))
          .where(sql<string>`substr(phoneNormalized, ${-digits.length})`, '=', digits)
          .limit(limit + prefixed.length),
      )
      .orderBy('fullName'),
  );
  return [...prefixed, ...suffixed.filter((row) => !seen.has(row.id))].slice(0, limit).map(patientFromRow);
}

/** Each word a quoted prefix term: `"ash"* "rao"*` (all words must match, in any order). */
export function ftsPrefixQuery(folded: string): string | null {
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * Alphabetical (folded) order: predictable at the desk, and about three times cheaper than sorting
 * by bm25 rank when a one-letter prefix matches half the register.
 */
function byName(db: Db, folded: string, limit: number): Patient[] {
  const match = ftsPrefixQuery(folded);
  if (!match) return [];
  const query = sql<PatientTable>`
    SELECT patients.* FROM patients_fts
    JOIN patients ON patients.rowid = patients_fts.rowid
    WHERE patients_fts MATCH ${match}
    ORDER BY patients.nameFolded, patients.code
    LIMIT ${limit}`;
  return db.all({ compile: () => query.compile(db.q) }).map(patientFromRow);
}
