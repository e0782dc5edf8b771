import { failure } from '@shared/contract/errors';
import type { Patient } from '@shared/domain/patient.schema';
import { normalizePhone } from '@shared/rules/patient-identity';
import { type CodePurpose, issueCode } from '@server/auth/account-codes.repository';
import type { HandlerContext } from '@server/core/handler';
import type { Db } from '@server/db/database';
import { enqueueCode } from '@server/notifications/enqueue-direct';
import { messageAudience } from '@server/notifications/message-recipients';

/**
 * Patients' companion-app accounts: a `users` row with role 'patient' linked to the patient
 * record, "not activated" until a code has set its password (no `credentials` row until then).
 */

/** One answer for every failed patient sign-in: unknown login, wrong password, not activated, disabled, throttled. */
export const PATIENT_LOGIN_REFUSED =
  'Wrong phone number, patient code or password, or too many tries: check them, or wait a few minutes and try again.';
/** One answer for every failed code: wrong, expired, used up, replaced, or an unknown login. */
export const CODE_REFUSED = 'This code is not right or no longer works. Ask for a new code.';
/** What the app is told after asking for a code, whether or not the login exists. */
export const CODE_SENT_TO = 'the phone number and e-mail address on your clinic record';

/** A phone shared by a family names at most this many accounts. */
export const MAX_ACCOUNTS_PER_LOGIN = 5;

/**
 * argon2 checks one sign-in with this login makes, whatever it names: a phone as many as it could
 * name accounts, a patient code one. So the time taken never tells how many accounts a phone has.
 */
export function verificationsFor(login: string): number {
  return /^PAT\d+$/.test(login) ? 1 : MAX_ACCOUNTS_PER_LOGIN;
}

/** The login's key for throttles: a patient code, or a phone by its last ten digits. */
export function loginKey(login: string): string {
  return /^PAT\d+$/.test(login) ? `code:${login}` : `phone:${normalizePhone(login)}`;
}

export interface PatientAccount {
  userId: string;
  patientId: string;
  disabled: boolean;
  /** Null while the account is not activated. */
  passwordHash: string | null;
}

/** The app accounts a login names: by patient code one, by phone every patient with that number. */
export function accountsForLogin(db: Db, login: string): PatientAccount[] {
  const byCode = /^PAT\d+$/.test(login);
  const rows = db.all(
    db.q
      .selectFrom('users')
      .innerJoin('patients', 'patients.id', 'users.patientId')
      .leftJoin('credentials', 'credentials.userId', 'users.id')
      .select([
        'users.id as userId',
        'patients.id as patientId',
        'users.disabled',
        'credentials.passwordHash',
      ])
      .where('users.role', '=', 'patient')
      .where(
        byCode ? 'patients.code' : 'patients.phoneNormalized',
        '=',
        byCode ? login : normalizePhone(login),
      )
      .orderBy('users.createdAt')
      .limit(MAX_ACCOUNTS_PER_LOGIN),
  );
  return rows.map((row) => ({
    userId: row.userId,
    patientId: row.patientId,
    disabled: row.disabled === 1,
    passwordHash: row.passwordHash ?? null,
  }));
}

/** The patient's app account, created (not activated) if they have none. */
export function ensureAccount(ctx: HandlerContext, patient: Patient): PatientAccount {
  const existing = ctx.db.first(
    ctx.db.q
      .selectFrom('users')
      .leftJoin('credentials', 'credentials.userId', 'users.id')
      .select(['users.id', 'users.disabled', 'users.role', 'credentials.passwordHash'])
      .where('users.patientId', '=', patient.id),
  );
  if (existing) {
    return {
      userId: existing.id,
      patientId: patient.id,
      disabled: existing.disabled === 1,
      passwordHash: existing.passwordHash ?? null,
    };
  }
  const userId = ctx.newId();
  ctx.db.run(
    ctx.db.q.insertInto('users').values({
      id: userId,
      username: `patient.${patient.code.toLowerCase()}`,
      displayName: patient.fullName,
      role: 'patient',
      doctorId: null,
      patientId: patient.id,
      disabled: 0,
      createdAt: ctx.now,
      lastLoginAt: null,
    }),
  );
  ctx.changed('users', userId);
  return { userId, patientId: patient.id, disabled: false, passwordHash: null };
}

/**
 * A new code for the account by SMS and e-mail (the previous one stops working): an activation
 * code while it has no password, a password-reset code after. Either one sets the password.
 */
export function sendCode(ctx: HandlerContext, account: PatientAccount): void {
  const purpose: CodePurpose = account.passwordHash === null ? 'activation' : 'password_reset';
  const issued = issueCode(ctx.db, account.userId, purpose, ctx.now);
  enqueueCode(ctx, {
    kind: purpose === 'activation' ? 'activation_code' : 'password_reset_code',
    patientId: account.patientId,
    userId: account.userId,
    codeId: issued.id,
    code: issued.code,
    validUntil: issued.expiresAt,
  });
}

/** Where the patient's codes go ("+91 98450 12345 and asha@example.in"), for staff; refused when nowhere. */
export function codeDestinations(db: Db, patientId: string): string {
  const audience = messageAudience(db, patientId, 'activation_code', ['sms', 'email']);
  const reachable = (audience?.recipients ?? []).filter((to) => !to.skipped).map((to) => to.recipient);
  if (reachable.length === 0) {
    throw failure(
      'VALIDATION',
      'The patient has no phone number or e-mail address the clinic may message: add one to send the code.',
      { fields: [{ field: 'id', message: 'has no phone number or e-mail address to send the code to' }] },
    );
  }
  return reachable.join(' and ');
}
