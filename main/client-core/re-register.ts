import { contract, isOperationName } from '@shared/contract/index';
import { provisionalPatientCode } from '@shared/rules/patient-identity';
import type { Replica } from './replica';

/**
 * Moves a user's sync client on this desktop to a fresh client id, in one transaction, after the
 * hub refused the old one (bound to another user or device, or used by a copy of this desktop's
 * data: a cloned folder or disk). The changes the hub has not acknowledged move to the new id,
 * numbered 1, 2, 3 … in their order, keeping the old id as their origin so the records they
 * create keep their ids; acknowledged ones stay under the old id until a complete pull drops
 * them. Provisional patient codes made under the old id are made again under the new one: a copy
 * of this desktop made the same codes. Returns how many changes moved.
 */
export function reRegisterClient(replica: Replica, from: string, to: string): number {
  const { db } = replica;
  const { sqlite } = db;
  return db.transaction(() => {
    const rows = sqlite
      .prepare(
        "SELECT seq, name, input FROM client_outbox WHERE clientId = ? AND state = 'pending' ORDER BY mutationId",
      )
      .all(from) as { seq: number; name: string; input: string }[];
    const move = sqlite.prepare(
      'UPDATE client_outbox SET clientId = ?, mutationId = ?, origin = coalesce(origin, ?), input = ? WHERE seq = ?',
    );
    const oldCode = provisionalPatientCode(from, 0);
    const oldPrefix = oldCode.slice(0, oldCode.lastIndexOf('-') + 1);
    let counter = Number(replica.meta(`tmp:${to}`) ?? 0);
    rows.forEach((row, i) => {
      let { input } = row;
      const codeField = isOperationName(row.name) ? contract[row.name].provisional?.offlineCode : undefined;
      if (codeField) {
        const parsed = JSON.parse(input) as Record<string, unknown>;
        const code = parsed[codeField];
        if (typeof code === 'string' && code.startsWith(oldPrefix)) {
          counter += 1;
          input = JSON.stringify({ ...parsed, [codeField]: provisionalPatientCode(to, counter) });
        }
      }
      move.run(to, i + 1, from, input, row.seq);
    });
    replica.setMeta(`tmp:${to}`, counter);
    sqlite
      .prepare('UPDATE client_users SET clientId = ?, nextMutationId = ? WHERE clientId = ?')
      .run(to, rows.length + 1, from);
    return rows.length;
  });
}
