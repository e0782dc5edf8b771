import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { DemoHub } from './demo-hub';

/** A signed-in patient of the companion app, as the gateway knows them. */
export interface AppPatient {
  patientId: string;
  token: string;
  /** The hub's dispatcher called as this patient (what a gateway route does). */
  call<T>(name: string, input: unknown): Promise<T>;
}

export const APP_PASSWORD = 'Monsoon-Rains-2026';

/** The newest code of that kind texted to the patient with this phone (read from the SMS outbox). */
export function textedCode(
  dataDir: string,
  phoneDigits: string,
  kind: 'activation_code' | 'password_reset_code' = 'activation_code',
): { patientId: string; code: string } {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT n.patientId, n.body FROM notifications n JOIN patients p ON p.id = n.patientId
         WHERE p.phoneNormalized = ? AND n.kind = ? AND n.channel = 'sms'
         ORDER BY n.rowid DESC LIMIT 1`,
      )
      .get(phoneDigits, kind) as { patientId: string; body: string } | undefined;
    const code = row && /\b(\d{6})\b/.exec(row.body)?.[1];
    if (!row || !code) throw new Error(`No ${kind} was texted to ${phoneDigits}`);
    return { patientId: row.patientId, code };
  } finally {
    db.close();
  }
}

/**
 * Signs a new patient up in the app, activates the account with the texted code and returns the
 * session (the hub must be started with `movableClock`, which takes the app's calls over IPC).
 */
export async function appPatient(hub: DemoHub, fullName: string, phone: string): Promise<AppPatient> {
  await hub.callAsApp(
    'auth.patientSignUp',
    { fullName, phone, dateOfBirth: '1991-03-08', email: null },
    null,
  );
  const { patientId, code } = textedCode(hub.dataDir, phone.replace(/\D/g, '').slice(-10));
  const session = (await hub.callAsApp(
    'auth.activate',
    { login: phone, code, password: APP_PASSWORD, deviceId: 'patient-phone' },
    null,
  )) as { token: string };
  return {
    patientId,
    token: session.token,
    call: <T>(name: string, input: unknown) => hub.callAsApp(name, input, session.token) as Promise<T>,
  };
}
