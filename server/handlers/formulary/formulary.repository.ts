import type { FormularyEntry, PrescriptionTemplate } from '@shared/domain/formulary.schema';
import { Formulary } from '@shared/formulary/formulary';
import { decode } from '@server/db/codecs';
import type { Db } from '@server/db/database';

export function formularyEntries(db: Db): FormularyEntry[] {
  return db
    .all(db.q.selectFrom('formulary_entries').selectAll().orderBy('createdAt').orderBy('id'))
    .map((row) => decode<FormularyEntry>('formulary_entries', row));
}

/**
 * The shipped formulary with the clinic's entries, rebuilt only when they change (entries are
 * only ever added; a replica refetched from scratch changes its count or newest id).
 */
const cache = new WeakMap<Db, { key: string; formulary: Formulary }>();
export function clinicFormulary(db: Db): Formulary {
  const stamp = db.sqlite
    .prepare(`SELECT count(*) AS n, max(rowid) AS last, max(id) AS newest FROM formulary_entries`)
    .get() as { n: number; last: number | null; newest: string | null };
  const key = `${stamp.n}:${stamp.last}:${stamp.newest}`;
  const held = cache.get(db);
  if (held?.key === key) return held.formulary;
  const formulary = new Formulary(formularyEntries(db));
  cache.set(db, { key, formulary });
  return formulary;
}

export function templatesOf(db: Db, doctorId: string): PrescriptionTemplate[] {
  return db
    .all(
      db.q
        .selectFrom('prescription_templates')
        .selectAll()
        .where('doctorId', '=', doctorId)
        .orderBy('name')
        .orderBy('id'),
    )
    .map((row) => decode<PrescriptionTemplate>('prescription_templates', row));
}
