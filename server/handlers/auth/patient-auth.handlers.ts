import { failure } from '@shared/contract/errors';
import { patientDetailsSchema } from '@shared/domain/patient.schema';
import { foldName, normalizePhone } from '@shared/rules/patient-identity';
import { checkCode, consumeCode } from '@server/auth/account-codes.repository';
import { loginThrottleKeys } from '@server/auth/login-throttle';
import { decoyHash } from '@server/auth/password';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { userFromRow } from '@server/db/codecs';
import { findDuplicates } from '@server/handlers/patients/patient-duplicates';
import { patientFromRow } from '@server/handlers/patients/patient-rows';
import { registerPatient } from '@server/handlers/patients/register-patient';
import { enqueueSignUpUnmatched } from '@server/notifications/enqueue-direct';
import { getPatient } from '@server/repositories/lookups.repository';
import { issueSession, recordFailedSignIn } from './auth.handlers';
import {
  CODE_REFUSED,
  CODE_SENT_TO,
  PATIENT_LOGIN_REFUSED,
  accountsForLogin,
  codeDestinations,
  ensureAccount,
  loginKey,
  sendCode,
  verificationsFor,
} from './patient-accounts';
import { refuseSignUpPastCap } from './sign-up-cap';

/** Codes one login may ask for in 15 minutes before each further one waits (30 s, 1 min, … 15 min). */
export const FREE_CODE_REQUESTS = 5;

type PrepareContext = Omit<HandlerContext, 'changed' | 'audit' | 'afterCommit'>;

/** Asking for codes is throttled per login (whether or not it exists), so a phone is not flooded. */
function throttleCodeRequests(ctx: PrepareContext, login: string): string {
  const key = `code-request:${loginKey(login)}`;
  const wait = ctx.hub.throttle.retryAfterMsFor(key, new Date(ctx.now));
  if (wait > 0) {
    throw failure(
      'RATE_LIMITED',
      `Too many codes were asked for. Try again in ${Math.ceil(wait / 60_000)} minutes.`,
      { retryAfterSeconds: Math.ceil(wait / 1000) },
    );
  }
  return key;
}

/** The 5th code request in the window blocks the next one (the throttle blocks past its free count). */
function countCodeRequest(ctx: HandlerContext, key: string) {
  ctx.hub.throttle.recordFailureFor(key, FREE_CODE_REQUESTS - 1, new Date(ctx.now));
}

function auditAuth(
  ctx: HandlerContext,
  action: string,
  userId: string | null,
  details: Record<string, unknown>,
) {
  ctx.audit({ kind: 'auth', action, entity: 'users', entityId: userId, patientId: null, details });
}

/** Codes to every account of the login that can take one; one answer whether there are any. */
function requestCode(action: 'auth.requestActivation' | 'auth.requestPasswordReset') {
  return handler(action, {
    prepare: (input, ctx) => Promise.resolve(throttleCodeRequests(ctx, input.login)),
    run: (input, ctx, key) => {
      countCodeRequest(ctx, key);
      const accounts = accountsForLogin(ctx.db, input.login).filter((account) => !account.disabled);
      for (const account of accounts) sendCode(ctx, account);
      auditAuth(ctx, action, accounts[0]?.userId ?? null, {
        login: loginKey(input.login),
        codes: accounts.length,
      });
      return { sentTo: CODE_SENT_TO };
    },
  });
}

/** Sets the password with a code (activation or reset), ends every other session, signs in. */
function setPasswordByCode(action: 'auth.activate' | 'auth.resetPassword') {
  return handler(action, {
    prepare: async (input, ctx) => {
      const accounts = accountsForLogin(ctx.db, input.login).filter((account) => !account.disabled);
      // Outside the operation's transaction: a wrong try must count even though the call fails.
      const check = ctx.db.transaction(() =>
        checkCode(
          ctx.db,
          accounts.map((account) => account.userId),
          input.code,
          ctx.now,
        ),
      );
      if (!check.ok) {
        throw failure('VALIDATION', CODE_REFUSED, {
          fields: [{ field: 'code', message: 'is not right or no longer works' }],
        });
      }
      return { ...check, passwordHash: await ctx.hub.passwords.hash(input.password) };
    },
    run: (input, ctx, { userId, codeId, purpose, passwordHash }) => {
      const row = ctx.db.first(ctx.db.q.selectFrom('users').selectAll().where('id', '=', userId));
      // The code was used meanwhile by a call that came first.
      if (!row || !consumeCode(ctx.db, codeId)) {
        throw failure('VALIDATION', CODE_REFUSED, {
          fields: [{ field: 'code', message: 'is not right or no longer works' }],
        });
      }
      ctx.db.run(
        ctx.db.q
          .insertInto('credentials')
          .values({ userId, passwordHash, updatedAt: ctx.now })
          .onConflict((oc) => oc.column('userId').doUpdateSet({ passwordHash, updatedAt: ctx.now })),
      );
      const ended = ctx.hub.sessions.revokeUser(userId, new Date(ctx.now), 'password_changed');
      if (ended > 0) ctx.afterCommit(() => ctx.events.revoked(userId, 'logout'));
      ctx.audit({
        kind: 'auth',
        action,
        entity: 'users',
        entityId: userId,
        patientId: row.patientId,
        details: { purpose },
        actorUserId: userId,
        actorRole: 'patient',
        deviceId: input.deviceId,
      });
      return issueSession(ctx, userFromRow(row), input.deviceId);
    },
  });
}

/** The companion app's accounts (docs/product.md §14, §15): sign-up, codes, sign-in. */
export const patientAuthHandlers: HandlerMap = {
  'auth.patientSignUp': handler('auth.patientSignUp', {
    prepare: (input, ctx) => {
      refuseSignUpPastCap(ctx, ctx.source.deviceId);
      return Promise.resolve(throttleCodeRequests(ctx, input.phone));
    },
    run: (input, ctx, key) => {
      countCodeRequest(ctx, key);
      // The same person as a record with this phone and date of birth; among several, the one
      // with this name. Their record is kept as it is: codes go only to its own phone and e-mail.
      const sameContact = ctx.db
        .all(
          ctx.db.q
            .selectFrom('patients')
            .selectAll()
            .where('phoneNormalized', '=', normalizePhone(input.phone))
            .where('dateOfBirth', '=', input.dateOfBirth)
            .orderBy('code')
            .limit(10),
        )
        .map(patientFromRow);
      const identity = { fullName: input.fullName, phone: input.phone, dateOfBirth: input.dateOfBirth };
      const named = sameContact.find((p) => foldName(p.fullName) === foldName(input.fullName));
      let patient = named ?? (sameContact.length === 1 ? sameContact[0]! : undefined);
      if (!patient) {
        // docs/product.md §2's duplicate rule, without a desk to decide: the clinic sorts it out.
        // The app gets the same answer as any sign-up (it must not learn that, or whom, the
        // details resemble); the phone it gave is asked to call the clinic, and reception finds
        // the attempt in the audit log.
        const lookalikes =
          sameContact.length > 0
            ? sameContact
            : findDuplicates(ctx.db, identity).map((candidate) => candidate.patient);
        if (lookalikes.length > 0) {
          enqueueSignUpUnmatched(ctx, {
            attemptId: ctx.newId(),
            fullName: input.fullName,
            phone: input.phone,
          });
          auditAuth(ctx, 'auth.patientSignUpUnmatched', null, {
            ...identity,
            resembles: lookalikes.map((p) => p.code),
          });
          return { sentTo: CODE_SENT_TO };
        }
        patient = registerPatient(
          ctx,
          {
            id: ctx.newId(),
            details: patientDetailsSchema.parse({ ...identity, email: input.email }),
            acknowledgeDuplicates: false,
            provisionalCode: null,
          },
          { via: 'patient_app' },
        );
      }
      const account = ensureAccount(ctx, patient);
      if (!account.disabled) sendCode(ctx, account);
      auditAuth(ctx, 'auth.patientSignUp', account.userId, { patientCode: patient.code });
      return { sentTo: CODE_SENT_TO };
    },
  }),

  'auth.requestActivation': requestCode('auth.requestActivation'),
  'auth.requestPasswordReset': requestCode('auth.requestPasswordReset'),
  'auth.activate': setPasswordByCode('auth.activate'),
  'auth.resetPassword': setPasswordByCode('auth.resetPassword'),

  // Staff invite a registered patient from the desk: the account if they have none, and a code.
  'patients.inviteToApp': handler('patients.inviteToApp', {
    run: (input, ctx) => {
      const patient = getPatient(ctx.db, input.id);
      const account = ensureAccount(ctx, patient);
      if (account.disabled) {
        throw failure('CONFLICT', 'This patient’s app account is disabled; an admin can enable it first.');
      }
      const sentTo = codeDestinations(ctx.db, patient.id);
      sendCode(ctx, account);
      ctx.audit({
        kind: 'change',
        action: 'patients.inviteToApp',
        entity: 'users',
        entityId: account.userId,
        patientId: patient.id,
        details: { activated: account.passwordHash !== null },
      });
      return { sentTo };
    },
  }),

  'auth.patientLogin': handler('auth.patientLogin', {
    // Every attempt takes the same number of argon2 checks for its kind of login (a phone: the
    // most accounts one may name, padded with a decoy; a code: one), one after another, and every
    // refusal gives one answer: neither the answer nor its time tells which case it was, nor how
    // many accounts share the phone. Sequential on purpose: in parallel the time would still grow
    // with the count once the checks outnumber the thread pool or the cores.
    prepare: async (input, ctx) => {
      const keys = loginThrottleKeys(`patient:${loginKey(input.login)}`, {
        address: ctx.source.address,
        deviceId: input.deviceId,
      });
      const now = new Date(ctx.now);
      const throttled = ctx.hub.throttle.retryAfterMs(keys, now) > 0;
      const accounts = throttled ? [] : accountsForLogin(ctx.db, input.login);
      let signedIn: string | null = null;
      const decoy = await decoyHash();
      for (let i = 0; i < verificationsFor(input.login); i += 1) {
        const account = accounts[i];
        const valid = await ctx.hub.passwords.verify(account?.passwordHash ?? decoy, input.password);
        if (valid && account?.passwordHash && !account.disabled && signedIn === null)
          signedIn = account.userId;
      }
      if (signedIn === null) {
        recordFailedSignIn(ctx, {
          keys,
          now,
          deviceId: input.deviceId,
          action: 'auth.patientLoginFailed',
          userId: accounts.length === 1 ? accounts[0]!.userId : null,
          details: { login: loginKey(input.login), throttled },
          count: !throttled,
        });
        throw failure('UNAUTHENTICATED', PATIENT_LOGIN_REFUSED);
      }
      return { keys, userId: signedIn };
    },
    run: (input, ctx, { keys, userId }) => {
      const row = ctx.db.first(ctx.db.q.selectFrom('users').selectAll().where('id', '=', userId));
      if (!row || row.disabled) throw failure('UNAUTHENTICATED', PATIENT_LOGIN_REFUSED);
      ctx.hub.throttle.succeeded(keys, new Date(ctx.now));
      ctx.audit({
        kind: 'auth',
        action: 'auth.patientLogin',
        entity: 'users',
        entityId: row.id,
        patientId: row.patientId,
        details: {},
        actorUserId: row.id,
        actorRole: 'patient',
        deviceId: input.deviceId,
      });
      return issueSession(ctx, userFromRow(row), input.deviceId);
    },
  }),
};
