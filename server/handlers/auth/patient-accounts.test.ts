import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { lastSmsCode, patientIdByPhone } from '@server/testing/app-codes';
import { failureOf } from '@server/testing/failure';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { CODE_SENT_TO } from './patient-accounts';

const PASSWORD = 'my own app password';
const app = (deviceId = 'asha-phone'): Caller => ({ token: null, deviceId, address: '203.0.113.7' });

describe('patient accounts: sign-up, activation, sign-in, sign out everywhere', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub(); // Monday 23 Nov 2026, 08:00 in Kolkata
  });
  afterEach(() => hub.close());

  const count = (sql: string, ...args: unknown[]) =>
    (hub.db.sqlite.prepare(sql).get(...args) as { n: number }).n;
  const accountOf = (patientId: string) =>
    hub.db.first(hub.db.q.selectFrom('users').selectAll().where('patientId', '=', patientId));

  it('signs up a new patient, activates with the SMS code, signs in by phone and code, and signs out everywhere', async () => {
    const signedUp = await hub.call(app(), 'auth.patientSignUp', {
      fullName: 'Meera Iyer',
      phone: '+91 98450 77777',
      dateOfBirth: '1985-06-15',
      email: 'meera@example.in',
    });
    expect(signedUp).toEqual({ sentTo: CODE_SENT_TO });
    const patientId = patientIdByPhone(hub.db, '9845077777')!;
    const patient = await hub.call(hub.admin, 'patients.get', { id: patientId });
    expect(patient).toMatchObject({
      fullName: 'Meera Iyer',
      dateOfBirth: '1985-06-15',
      email: 'meera@example.in',
    });
    expect(patient.code).toMatch(/^PAT\d{6}$/);
    expect(accountOf(patientId)).toMatchObject({ role: 'patient', disabled: 0 });
    // Not activated: no password yet, so no sign-in.
    expect(count('SELECT count(*) n FROM credentials WHERE userId = ?', accountOf(patientId)!.id)).toBe(0);
    const mail = hub.db.sqlite
      .prepare("SELECT recipient FROM notifications WHERE patientId = ? AND channel = 'email'")
      .get(patientId) as { recipient: string };
    expect(mail.recipient).toBe('meera@example.in');
    // The code is stored only as a hash.
    const code = lastSmsCode(hub.db, patientId)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(count('SELECT count(*) n FROM account_codes WHERE codeHash LIKE ?', `%${code}%`)).toBe(0);

    const first = await hub.call(app(), 'auth.activate', {
      login: '+91 98450 77777',
      code,
      password: PASSWORD,
      deviceId: 'asha-phone',
    });
    expect(first.user).toMatchObject({ role: 'patient', patientId });
    // Patient sessions: a week idle, a month in all.
    expect(first.idleExpiresAt).toBe('2026-11-30T02:30:00.000Z');
    expect(first.absoluteExpiresAt).toBe('2026-12-23T02:30:00.000Z');
    const phone = { token: first.token, deviceId: 'asha-phone' };
    expect((await hub.call(phone, 'patients.me', {})).id).toBe(patientId);
    // A used code is gone.
    expect(
      (
        await failureOf(
          hub.call(app(), 'auth.activate', { login: patient.code, code, password: PASSWORD, deviceId: 'x' }),
        )
      ).code,
    ).toBe('VALIDATION');

    const byCode = await hub.call(app('tablet'), 'auth.patientLogin', {
      login: patient.code,
      password: PASSWORD,
      deviceId: 'tablet',
    });
    const tablet = { token: byCode.token, deviceId: 'tablet' };
    const byPhone = await hub.call(app(), 'auth.patientLogin', {
      login: '98450 77777',
      password: PASSWORD,
      deviceId: 'asha-phone',
    });
    expect(byPhone.user.patientId).toBe(patientId);

    await hub.call(tablet, 'auth.logout', {});
    for (const caller of [phone, tablet, { token: byPhone.token, deviceId: 'asha-phone' }]) {
      expect((await failureOf(hub.call(caller, 'patients.me', {}))).code).toBe('UNAUTHENTICATED');
    }
    expect(
      count('SELECT count(*) n FROM sessions WHERE userId = ? AND revokedAt IS NULL', first.user.id),
    ).toBe(0);
  });

  it('matches an existing record by phone and date of birth, and sends the code only to its own contacts', async () => {
    const existing = insertPatient(hub.db, {
      fullName: 'Asha Rao',
      phone: '+91 98450 12345',
      dateOfBirth: '1990-04-01',
      email: null,
    });
    const before = count('SELECT count(*) n FROM patients');
    await hub.call(app(), 'auth.patientSignUp', {
      fullName: 'Asha R.',
      phone: '9845012345',
      dateOfBirth: '1990-04-01',
      email: 'someone-else@example.in',
    });
    expect(count('SELECT count(*) n FROM patients')).toBe(before);
    expect(accountOf(existing.id)).toMatchObject({ role: 'patient', patientId: existing.id });
    expect((await hub.call(hub.admin, 'patients.get', { id: existing.id })).email).toBeNull();
    const sent = hub.db.sqlite
      .prepare('SELECT channel, state, recipient FROM notifications WHERE patientId = ? ORDER BY channel')
      .all(existing.id);
    expect(sent).toEqual([
      { channel: 'email', state: 'skipped', recipient: '' },
      { channel: 'sms', state: 'pending', recipient: '+91 98450 12345' },
    ]);
    const session = await hub.call(app(), 'auth.activate', {
      login: existing.code,
      code: lastSmsCode(hub.db, existing.id)!,
      password: PASSWORD,
      deviceId: 'asha-phone',
    });
    expect(session.user.patientId).toBe(existing.id);
  });

  it('follows the duplicate rule: a same-name record by phone or birth date is not guessed at, and no record is written', async () => {
    insertPatient(hub.db, { fullName: 'Ravi Kumar', phone: '+91 90000 11111', dateOfBirth: '1970-01-01' });
    const patients = count('SELECT count(*) n FROM patients');
    for (const details of [
      { phone: '+91 90000 11111', dateOfBirth: '1971-02-02' }, // same name and phone
      { phone: '+91 90000 22222', dateOfBirth: '1970-01-01' }, // same name and date of birth
    ]) {
      // The app's answer is a sign-up's (sign-up-privacy.test.ts); the phone is asked to call.
      expect(
        await hub.call(app(), 'auth.patientSignUp', { fullName: 'Ravi  KUMAR', email: null, ...details }),
      ).toEqual({ sentTo: CODE_SENT_TO });
    }
    expect(count('SELECT count(*) n FROM patients')).toBe(patients);
    expect(count("SELECT count(*) n FROM users WHERE role = 'patient'")).toBe(0);
    expect(count("SELECT count(*) n FROM notifications WHERE kind <> 'sign_up_unmatched'")).toBe(0);
    // Another name on that phone is another person (a family phone): registered.
    await hub.call(app(), 'auth.patientSignUp', {
      fullName: 'Lata Kumar',
      phone: '+91 90000 11111',
      dateOfBirth: '1972-03-03',
      email: null,
    });
    expect(count('SELECT count(*) n FROM patients')).toBe(patients + 1);
  });

  it('lets reception invite a registered patient, who activates with the code; other staff may not', async () => {
    const patient = insertPatient(hub.db, { phone: '+91 98450 55555', email: 'asha@example.in' });
    const reception = await hub.signIn('receptionist');
    const doctor = await hub.signIn('doctor');
    expect((await failureOf(hub.call(doctor, 'patients.inviteToApp', { id: patient.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await hub.call(reception, 'patients.inviteToApp', { id: patient.id })).toEqual({
      sentTo: '+91 98450 55555 and asha@example.in',
    });
    expect(accountOf(patient.id)).toMatchObject({ role: 'patient', patientId: patient.id, disabled: 0 });
    const firstCode = lastSmsCode(hub.db, patient.id)!;
    // Inviting again sends a new code; the first stops working.
    await hub.call(reception, 'patients.inviteToApp', { id: patient.id });
    expect(count('SELECT count(*) n FROM users WHERE patientId = ?', patient.id)).toBe(1);
    const secondCode = lastSmsCode(hub.db, patient.id)!;
    if (secondCode !== firstCode) {
      const stale = await failureOf(
        hub.call(app(), 'auth.activate', {
          login: patient.code,
          code: firstCode,
          password: PASSWORD,
          deviceId: 'p',
        }),
      );
      expect(stale.code).toBe('VALIDATION');
    }
    const session = await hub.call(app(), 'auth.activate', {
      login: patient.code,
      code: secondCode,
      password: PASSWORD,
      deviceId: 'p',
    });
    expect(session.user.patientId).toBe(patient.id);

    const unreachable = insertPatient(hub.db, { phone: null, email: null });
    const refused = await failureOf(hub.call(reception, 'patients.inviteToApp', { id: unreachable.id }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fields?.[0]?.field).toBe('id');
    expect(accountOf(unreachable.id)).toBeUndefined();
    expect((await failureOf(hub.call(reception, 'patients.inviteToApp', { id: randomUUID() }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses staff operations to a patient session', async () => {
    const patient = insertPatient(hub.db, { phone: '+91 98450 66666' });
    const reception = await hub.signIn('receptionist');
    await hub.call(reception, 'patients.inviteToApp', { id: patient.id });
    const session = await hub.call(app(), 'auth.activate', {
      login: patient.code,
      code: lastSmsCode(hub.db, patient.id)!,
      password: PASSWORD,
      deviceId: 'p',
    });
    const caller = { token: session.token, deviceId: 'p' };
    const staffCalls = [
      hub.call(caller, 'patients.search', { text: 'Asha' }),
      hub.call(caller, 'patients.profile', { id: patient.id }),
      hub.call(caller, 'patients.inviteToApp', { id: patient.id }),
      hub.call(caller, 'appointments.list', { fromDate: '2026-11-23' }),
      hub.call(caller, 'users.list', {}),
      hub.call(caller, 'queue.list', { doctorId: randomUUID(), date: '2026-11-23' }),
      hub.call(caller, 'billing.dailyCollection', { date: '2026-11-23' }),
      hub.call(caller, 'audit.list', {}),
    ];
    for (const call of staffCalls) expect((await failureOf(call)).code).toBe('FORBIDDEN');
    // Nor can it sign in at a desk with the same password.
    const desk = await failureOf(
      hub.call(null, 'auth.login', {
        username: accountOf(patient.id)!.username,
        password: PASSWORD,
        deviceId: 'pc',
      }),
    );
    expect(desk.code).toBe('UNAUTHENTICATED');
  });
});
