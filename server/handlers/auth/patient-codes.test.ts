import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import type { Caller } from '@server/core/dispatcher';
import { lastSmsCode } from '@server/testing/app-codes';
import { failureOf } from '@server/testing/failure';
import { insertPatient } from '@server/testing/fixtures';
import { countingPasswords, createTestHub, type TestHub } from '@server/testing/test-hub';
import { CODE_REFUSED, MAX_ACCOUNTS_PER_LOGIN, PATIENT_LOGIN_REFUSED } from './patient-accounts';

const PASSWORD = 'my own app password';
const app: Caller = { token: null, deviceId: 'asha-phone', address: '203.0.113.7' };

describe('patient codes and sign-in refusals', () => {
  let hub: TestHub;
  /** argon2 checks the hub made: every refused sign-in must make the same number. */
  let argon2: ReturnType<typeof countingPasswords>;
  beforeEach(async () => {
    argon2 = countingPasswords();
    hub = await createTestHub({ passwords: argon2.passwords });
  });
  afterEach(() => hub.close());

  async function invited(phone: string) {
    const patient = insertPatient(hub.db, { phone });
    const reception = await hub.signIn('receptionist');
    await hub.call(reception, 'patients.inviteToApp', { id: patient.id });
    return patient;
  }
  const activate = (login: string, code: string, password = PASSWORD) =>
    hub.call(app, 'auth.activate', { login, code, password, deviceId: 'asha-phone' });
  const login = (login: string, password: string) =>
    hub.call(app, 'auth.patientLogin', { login, password, deviceId: 'asha-phone' });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const refusedCode: ApiError = {
    code: 'VALIDATION',
    message: CODE_REFUSED,
    fields: [{ field: 'code', message: 'is not right or no longer works' }],
  };

  it('refuses the right code after five wrong ones, until a new code is sent', async () => {
    const patient = await invited('+91 98450 10001');
    const code = lastSmsCode(hub.db, patient.id)!;
    for (let i = 0; i < 5; i += 1)
      expect(await failureOf(activate(patient.code, wrong(code)))).toEqual(refusedCode);
    expect(await failureOf(activate(patient.code, code))).toEqual(refusedCode);
    await hub.call(app, 'auth.requestActivation', { login: patient.phone! });
    const fresh = lastSmsCode(hub.db, patient.id)!;
    expect((await activate(patient.phone!, fresh)).user.patientId).toBe(patient.id);
  });

  it('refuses a code after 15 minutes, and a code replaced by a newer one', async () => {
    const patient = await invited('+91 98450 10002');
    const old = lastSmsCode(hub.db, patient.id)!;
    hub.clock.advance(15);
    expect(await failureOf(activate(patient.code, old))).toEqual(refusedCode);
    await hub.call(app, 'auth.requestActivation', { login: patient.code });
    const replaced = lastSmsCode(hub.db, patient.id)!;
    hub.clock.advance(14);
    await hub.call(app, 'auth.requestActivation', { login: patient.code });
    const newest = lastSmsCode(hub.db, patient.id)!;
    if (replaced !== newest) expect(await failureOf(activate(patient.code, replaced))).toEqual(refusedCode);
    expect((await activate(patient.code, newest)).user.patientId).toBe(patient.id);
    // An unknown login gets the code refusal too, never "no such account".
    expect(await failureOf(activate('PAT999999', newest))).toEqual(refusedCode);
  });

  it('resets the password by code, ending every session', async () => {
    const patient = await invited('+91 98450 10003');
    const first = await activate(patient.code, lastSmsCode(hub.db, patient.id)!);
    const answer = await hub.call(app, 'auth.requestPasswordReset', { login: '9845010003' });
    const unknown = await hub.call(app, 'auth.requestPasswordReset', { login: '+91 90000 00000' });
    expect(unknown).toEqual(answer);
    const code = lastSmsCode(hub.db, patient.id, 'password_reset_code')!;
    expect(code).toMatch(/^\d{6}$/);
    const reset = await hub.call(app, 'auth.resetPassword', {
      login: patient.code,
      code,
      password: 'a brand new password',
      deviceId: 'asha-phone',
    });
    expect(reset.user.patientId).toBe(patient.id);
    expect(
      (await failureOf(hub.call({ token: first.token, deviceId: 'asha-phone' }, 'patients.me', {}))).code,
    ).toBe('UNAUTHENTICATED');
    expect((await failureOf(login(patient.code, PASSWORD))).message).toBe(PATIENT_LOGIN_REFUSED);
    expect((await login(patient.code, 'a brand new password')).user.patientId).toBe(patient.id);
  });

  it('answers unknown, wrong, not activated, disabled and throttled sign-ins alike, with as many argon2 checks each', async () => {
    const active = await invited('+91 98450 10004');
    const activated = await activate(active.code, lastSmsCode(hub.db, active.id)!);
    const pending = await invited('+91 98450 10005');
    const disabled = await invited('+91 98450 10006');
    await activate(disabled.code, lastSmsCode(hub.db, disabled.id)!);
    const admin = await hub.call(null, 'auth.login', {
      username: 'admin',
      password: 'correct horse battery',
      deviceId: 'a',
    });
    const disabledUser = hub.db.first(
      hub.db.q.selectFrom('users').select('id').where('patientId', '=', disabled.id),
    )!;
    await hub.call({ token: admin.token, deviceId: 'a' }, 'users.setDisabled', {
      id: disabledUser.id,
      disabled: true,
    });

    const attempts: [string, () => Promise<unknown>][] = [
      ['unknown phone', () => login('+91 90000 00001', PASSWORD)],
      ['unknown code', () => login('PAT999999', PASSWORD)],
      ['wrong password', () => login(active.code, 'not my password')],
      ['not activated', () => login(pending.code, PASSWORD)],
      ['disabled', () => login(disabled.code, PASSWORD)],
    ];
    const answers: Record<string, [ApiError, number]> = {};
    for (const [label, attempt] of attempts) {
      const before = argon2.checks();
      answers[label] = [await failureOf(attempt()), argon2.checks() - before];
    }
    // Locked by the throttle: past 5 free failures on this login from here, even the right password is refused.
    for (let i = 0; i < 5; i += 1) await failureOf(login(active.code, 'not my password'));
    const before = argon2.checks();
    answers.throttled = [await failureOf(login(active.code, PASSWORD)), argon2.checks() - before];
    // A patient code names one account, so one check; a phone as many as it may name.
    const refused = { code: 'UNAUTHENTICATED', message: PATIENT_LOGIN_REFUSED } as const;
    for (const label of Object.keys(answers)) {
      const checks = label === 'unknown phone' ? MAX_ACCOUNTS_PER_LOGIN : 1;
      expect([label, ...answers[label]!]).toEqual([label, refused, checks]);
    }
    expect(activated.user.patientId).toBe(active.id);
  });

  it('slows a guessed login but never locks the patient out for good', async () => {
    const patient = await invited('+91 98450 10007');
    await activate(patient.code, lastSmsCode(hub.db, patient.id)!);
    await login(patient.code, PASSWORD); // her phone is now a source she signs in from
    // Guesses spread over 40 addresses: the login's overall limit (30) blocks everyone else …
    for (let i = 0; i < 40; i += 1) {
      const bot: Caller = { token: null, deviceId: `bot-${i}`, address: `198.51.100.${i + 1}` };
      await failureOf(
        hub.call(bot, 'auth.patientLogin', {
          login: patient.code,
          password: `guess ${i}`,
          deviceId: `bot-${i}`,
        }),
      );
    }
    const tablet: Caller = { token: null, deviceId: 'tablet', address: '203.0.113.50' };
    const fromTablet = () =>
      hub.call(tablet, 'auth.patientLogin', { login: patient.code, password: PASSWORD, deviceId: 'tablet' });
    expect((await failureOf(fromTablet())).message).toBe(PATIENT_LOGIN_REFUSED);
    // … but not her own phone, and her new tablet only for at most 15 minutes.
    expect((await login(patient.code, PASSWORD)).user.patientId).toBe(patient.id);
    hub.clock.advance(15);
    expect((await fromTablet()).user.patientId).toBe(patient.id);
  });

  it('a family phone: codes go to each account on it, and the password picks the account', async () => {
    const ravi = await invited('+91 98450 10009');
    const lata = insertPatient(hub.db, { fullName: 'Lata Kumar', phone: '+91 98450 10009' });
    const reception = await hub.signIn('receptionist');
    await hub.call(reception, 'patients.inviteToApp', { id: lata.id });
    await hub.call(app, 'auth.requestActivation', { login: '9845010009' });
    const raviCode = lastSmsCode(hub.db, ravi.id)!;
    const lataCode = lastSmsCode(hub.db, lata.id)!;
    expect((await activate('9845010009', lataCode, 'lata password 1')).user.patientId).toBe(lata.id);
    expect((await activate('9845010009', raviCode, 'ravi password 2')).user.patientId).toBe(ravi.id);
    expect((await login('+91 98450 10009', 'lata password 1')).user.patientId).toBe(lata.id);
    expect((await login('+91 98450 10009', 'ravi password 2')).user.patientId).toBe(ravi.id);
    // A refusal checks the password against each account the phone names, padded to the most it may name.
    const before = argon2.checks();
    expect((await failureOf(login('+91 98450 10009', 'neither'))).message).toBe(PATIENT_LOGIN_REFUSED);
    expect(argon2.checks() - before).toBe(MAX_ACCOUNTS_PER_LOGIN);
  });

  it('limits how many codes one login may ask for', async () => {
    const patient = await invited('+91 98450 10008'); // the invite's code is not counted
    for (let i = 0; i < 5; i += 1) await hub.call(app, 'auth.requestActivation', { login: patient.code });
    const limited = await failureOf(hub.call(app, 'auth.requestActivation', { login: patient.code }));
    expect(limited.code).toBe('RATE_LIMITED');
    // The same for a login nobody has, so the limit tells nothing.
    for (let i = 0; i < 5; i += 1) await hub.call(app, 'auth.requestActivation', { login: 'PAT999998' });
    expect((await failureOf(hub.call(app, 'auth.requestActivation', { login: 'PAT999998' }))).code).toBe(
      'RATE_LIMITED',
    );
    hub.clock.advance(16);
    await hub.call(app, 'auth.requestActivation', { login: patient.code });
  });
});
