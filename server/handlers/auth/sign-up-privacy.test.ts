import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { lastSmsCode } from '@server/testing/app-codes';
import { failureOf } from '@server/testing/failure';
import { insertPatient } from '@server/testing/fixtures';
import { countingPasswords, createTestHub, type TestHub } from '@server/testing/test-hub';
import { CODE_SENT_TO, MAX_ACCOUNTS_PER_LOGIN, PATIENT_LOGIN_REFUSED } from './patient-accounts';
import { SIGN_UPS_PAUSED, SIGN_UPS_PER_HOUR } from './sign-up-cap';

const app = (address = '203.0.113.7'): Caller => ({ token: null, deviceId: 'app', address });

/** What sign-up and sign-in give away: the answer, its side effects, the work they take. */
describe('sign-up and sign-in tell nothing about who is on the clinic’s books', () => {
  let hub: TestHub;
  /** argon2 checks the hub made. */
  let argon2: ReturnType<typeof countingPasswords>;
  beforeEach(async () => {
    argon2 = countingPasswords();
    hub = await createTestHub({ passwords: argon2.passwords });
  });
  afterEach(() => hub.close());

  const count = (sql: string, ...args: unknown[]) =>
    (hub.db.sqlite.prepare(sql).get(...args) as { n: number }).n;
  const signUp = (fullName: string, phone: string, dateOfBirth: string, address?: string) =>
    hub.call(app(address), 'auth.patientSignUp', { fullName, phone, dateOfBirth, email: null });
  const unmatchedSms = () =>
    hub.db.sqlite
      .prepare("SELECT patientId, recipient, state, body FROM notifications WHERE kind = 'sign_up_unmatched'")
      .all() as { patientId: string | null; recipient: string; state: string; body: string }[];

  it('answers a sign-up that resembles a record like any other, creates nothing and asks the phone to call the clinic', async () => {
    insertPatient(hub.db, { fullName: 'Asha Rao', phone: '+91 98450 11111', dateOfBirth: '1990-04-01' });
    const patients = count('SELECT count(*) n FROM patients');

    // Asha's name and birth date from another phone: she cannot be told apart, nothing is made.
    const resembling = await signUp('Asha Rao', '+91 90000 00001', '1990-04-01');
    expect(count('SELECT count(*) n FROM patients')).toBe(patients);
    expect(count("SELECT count(*) n FROM users WHERE role = 'patient'")).toBe(0);
    const [sms, ...others] = unmatchedSms();
    expect(others).toEqual([]);
    expect(sms).toMatchObject({ patientId: null, recipient: '+91 90000 00001', state: 'pending' });
    expect(sms?.body).toContain('could not match your details');
    const seen = hub.db.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'auth.patientSignUpUnmatched'")
      .all() as { details: string }[];
    expect(seen.map((row) => JSON.parse(row.details) as unknown)).toEqual([
      {
        fullName: 'Asha Rao',
        phone: '+91 90000 00001',
        dateOfBirth: '1990-04-01',
        resembles: [expect.stringMatching(/^PAT\d+$/)],
      },
    ]);

    // Another name from the same phone: a new patient with a code, as before.
    const fresh = await signUp('Zoya Khan', '+91 90000 00001', '1990-04-01');
    expect(count('SELECT count(*) n FROM patients')).toBe(patients + 1);
    const zoya = hub.db.sqlite.prepare("SELECT id FROM patients WHERE fullName = 'Zoya Khan'").get() as {
      id: string;
    };
    expect(lastSmsCode(hub.db, zoya.id)).toMatch(/^\d{6}$/);

    // Asha's name and phone with a wrong birth date: again nothing is made, one more message.
    const wrongBirth = await signUp('Asha Rao', '+91 98450 11111', '1991-01-01');
    expect(count('SELECT count(*) n FROM patients')).toBe(patients + 1);
    expect(unmatchedSms().map((sms) => sms.recipient)).toEqual(['+91 90000 00001', '+91 98450 11111']);
    // Reception finds both in the clinic's message log, to call back or invite.
    const reception = await hub.signIn('receptionist');
    const log = await hub.call(reception, 'notifications.outbox', { kind: 'sign_up_unmatched' });
    expect(log.items.map((message) => [message.channel, message.recipient])).toEqual([
      ['sms', '+91 98450 11111'],
      ['sms', '+91 90000 00001'],
    ]);

    for (const answer of [resembling, fresh, wrongBirth]) expect(answer).toEqual({ sentTo: CODE_SENT_TO });
  });

  it('checks the same number of passwords whether a phone names no account, one or two', async () => {
    const invite = async (fullName: string, phone: string) => {
      const patient = insertPatient(hub.db, { fullName, phone });
      await hub.call(await hub.signIn('receptionist'), 'patients.inviteToApp', { id: patient.id });
    };
    await invite('Asha Rao', '+91 98450 20001');
    await invite('Ravi Kumar', '+91 98450 20002');
    await invite('Lata Kumar', '+91 98450 20002');
    const checks: number[] = [];
    for (const phone of ['+91 90000 20000', '+91 98450 20001', '+91 98450 20002']) {
      const before = argon2.checks();
      const refused = await failureOf(
        hub.call(app(), 'auth.patientLogin', { login: phone, password: 'a guess', deviceId: 'app' }),
      );
      expect(refused.message).toBe(PATIENT_LOGIN_REFUSED);
      checks.push(argon2.checks() - before);
    }
    expect(checks).toEqual([MAX_ACCOUNTS_PER_LOGIN, MAX_ACCOUNTS_PER_LOGIN, MAX_ACCOUNTS_PER_LOGIN]);
  });

  it('pauses sign-ups clinic-wide past the hourly cap, tells the admin once, and lets them in again an hour on', async () => {
    for (let i = 0; i < SIGN_UPS_PER_HOUR; i += 1) {
      const phone = `+91 97000 ${String(10_000 + i)}`;
      await signUp(`Patient ${i}`, phone, '1980-01-01', `198.51.100.${i + 1}`);
    }
    const patients = count('SELECT count(*) n FROM patients');
    const late = () => signUp('Late Comer', '+91 96000 00001', '1980-01-01', '192.0.2.1');
    for (let i = 0; i < 2; i += 1) {
      const refused = await failureOf(late());
      expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: SIGN_UPS_PAUSED });
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(count('SELECT count(*) n FROM patients')).toBe(patients);
    // One entry for the admin, however many were refused.
    expect(count("SELECT count(*) n FROM audit_log WHERE action = 'auth.patientSignUpsPaused'")).toBe(1);
    const audit = await hub.call(hub.admin, 'audit.list', {});
    expect(JSON.stringify(audit)).toContain('auth.patientSignUpsPaused');

    hub.clock.advance(61);
    expect(await late()).toEqual({ sentTo: CODE_SENT_TO });
    expect(count('SELECT count(*) n FROM patients')).toBe(patients + 1);
  });
});
