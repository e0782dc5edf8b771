import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '@server/db/database';
import type { AccountCodeTable } from '@server/db/tables';

/** A code works for 15 minutes and for 5 wrong tries, whichever ends first (docs/product.md §14). */
export const CODE_LIFETIME_MS = 15 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;

export type CodePurpose = AccountCodeTable['purpose'];

/**
 * The code keyed by its record's random id: the table alone does not give codes away by a lookup
 * table, and a million guesses against one expiring, five-try code are the attacker's problem.
 */
function codeHash(id: string, code: string): string {
  return createHmac('sha256', id).update(code).digest('hex');
}

export interface IssuedCode {
  id: string;
  code: string;
  expiresAt: string;
}

/** Six random digits for the account; its previous code (either purpose) stops working. */
export function issueCode(db: Db, userId: string, purpose: CodePurpose, now: string): IssuedCode {
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.parse(now) + CODE_LIFETIME_MS).toISOString();
  const row = { userId, id, purpose, codeHash: codeHash(id, code), createdAt: now, expiresAt, attempts: 0 };
  db.run(
    db.q
      .insertInto('account_codes')
      .values(row)
      .onConflict((oc) => oc.column('userId').doUpdateSet(row)),
  );
  return { id, code, expiresAt };
}

export type CodeCheck = { ok: true; userId: string; codeId: string; purpose: CodePurpose } | { ok: false };

/**
 * Checks a code against the live codes of the accounts a login names (a shared family phone can
 * name several). A miss counts one try against each live code; a code past its expiry or its
 * tries never matches. Call inside a transaction.
 */
export function checkCode(db: Db, userIds: readonly string[], code: string, now: string): CodeCheck {
  if (userIds.length === 0) return { ok: false };
  const rows = db.all(
    db.q
      .selectFrom('account_codes')
      .selectAll()
      .where('userId', 'in', userIds)
      .where('expiresAt', '>', now)
      .where('attempts', '<', CODE_MAX_ATTEMPTS),
  );
  const match = rows.find((row) =>
    timingSafeEqual(Buffer.from(codeHash(row.id, code), 'hex'), Buffer.from(row.codeHash, 'hex')),
  );
  if (match) return { ok: true, userId: match.userId, codeId: match.id, purpose: match.purpose };
  if (rows.length > 0) {
    db.run(
      db.q
        .updateTable('account_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        ),
    );
  }
  return { ok: false };
}

/** A used code is gone: it cannot set the password twice. */
export function consumeCode(db: Db, codeId: string): boolean {
  return Number(db.run(db.q.deleteFrom('account_codes').where('id', '=', codeId)).changes) === 1;
}
