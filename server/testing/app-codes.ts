import type { Db } from '@server/db/database';

/**
 * The code in the newest SMS of that kind to the patient, read from the outbox the way staff read
 * simulated SMS (the hub keeps only the code's hash); null when none was written.
 */
export function lastSmsCode(
  db: Db,
  patientId: string,
  kind: 'activation_code' | 'password_reset_code' = 'activation_code',
): string | null {
  const row = db.sqlite
    .prepare(
      `SELECT body FROM notifications WHERE patientId = ? AND kind = ? AND channel = 'sms'
       ORDER BY rowid DESC LIMIT 1`,
    )
    .get(patientId, kind) as { body: string } | undefined;
  return row ? (/\b(\d{6})\b/.exec(row.body)?.[1] ?? null) : null;
}

/** The patient record whose app account the phone or code names (first by creation). */
export function patientIdByPhone(db: Db, phoneDigits: string): string | null {
  const row = db.sqlite
    .prepare('SELECT id FROM patients WHERE phoneNormalized = ? ORDER BY code LIMIT 1')
    .get(phoneDigits) as { id: string } | undefined;
  return row?.id ?? null;
}
