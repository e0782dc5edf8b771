import type { Db } from '@server/db/database';
import type { ProvisionalMark } from '@shared/contract/define';

/**
 * Marks the record a queued command made here as provisional until the hub has accepted it, as
 * its contract declares (`provisional` of the command): the fields only the hub assigns (an
 * appointment's number, a patient's code) show the declared values, in the replica's row and in
 * the result. A booking has no number yet (a guess here would be another booking's); an offline
 * registration is known by the provisional code the handler kept (docs/product.md §13).
 */
export function markProvisional(
  db: Db,
  mark: ProvisionalMark | undefined,
  input: unknown,
  value: unknown,
): unknown {
  if (!mark) return value;
  const result = value as Record<string, unknown>;
  const record = (mark.result ? result[mark.result] : result) as Record<string, unknown>;
  const shown: Record<string, unknown> = {};
  for (const [field, declared] of Object.entries(mark.set)) {
    if (declared === null || typeof declared !== 'object') {
      shown[field] = declared;
      continue;
    }
    // Copied from a field the record lacks (an online registration has no provisional code).
    const copied = record[declared.from];
    if (copied === null || copied === undefined) return value;
    shown[field] = copied;
  }
  const fields = Object.keys(shown);
  db.sqlite
    .prepare(`UPDATE "${mark.table}" SET ${fields.map((f) => `"${f}" = ?`).join(', ')} WHERE id = ?`)
    .run(
      ...fields.map((f) => (typeof shown[f] === 'boolean' ? Number(shown[f]) : shown[f])),
      (input as Record<string, unknown>)[mark.id],
    );
  const marked = { ...record, ...shown };
  return mark.result ? { ...result, [mark.result]: marked } : marked;
}
