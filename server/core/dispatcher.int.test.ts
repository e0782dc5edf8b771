import { afterEach, describe, expect, it } from 'vitest';
import { failureOf } from '@server/testing/failure';
import { createTestHub, TEST_PASSWORD, type TestHub } from '@server/testing/test-hub';

let hub: TestHub;
afterEach(() => hub?.close());

describe('dispatcher, accounts and sessions', () => {
  it('sets up once, then refuses a second setup', async () => {
    hub = await createTestHub();
    expect(await hub.call(null, 'auth.setupStatus', {})).toEqual({
      needsSetup: false,
      clinicName: 'Sunrise Clinic',
    });
    const again = await failureOf(
      hub.call(null, 'auth.setup', {
        settings: { clinicName: 'Other', timeZone: 'UTC' },
        admin: { username: 'root', displayName: 'Root', password: TEST_PASSWORD },
        deviceId: 'x',
      }),
    );
    expect(again.code).toBe('CONFLICT');
  });

  it('refuses calls without a session and roles outside the policy', async () => {
    hub = await createTestHub();
    expect((await failureOf(hub.call(null, 'users.list', {}))).code).toBe('UNAUTHENTICATED');
    const receptionist = await hub.signIn('receptionist');
    expect((await failureOf(hub.call(receptionist, 'users.list', {}))).code).toBe('FORBIDDEN');
    expect(
      (await failureOf(hub.call({ token: 'forged-token-value-123456', deviceId: 'x' }, 'users.list', {})))
        .code,
    ).toBe('UNAUTHENTICATED');
  });

  it('names the bad fields and writes nothing', async () => {
    hub = await createTestHub();
    const before = hub.db.sqlite.prepare('SELECT count(*) AS n FROM users').get();
    const error = await failureOf(
      hub.call(hub.admin, 'users.create', {
        id: 'not-a-uuid',
        username: "x'; DROP TABLE users; --",
        displayName: '',
        role: 'superuser' as never,
        password: 'short',
        extra: true,
      } as never),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.field).sort()).toEqual([
      'displayName',
      'extra',
      'id',
      'password',
      'role',
      'username',
    ]);
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual(before);
  });

  it('signs in, slides the idle expiry, expires idle and absolute sessions', async () => {
    hub = await createTestHub();
    const nurse = await hub.signIn('nurse');
    expect((await hub.call(nurse, 'auth.session', {})).user.role).toBe('nurse');
    hub.clock.advance(50); // idle limit is 60 minutes
    await hub.call(nurse, 'auth.session', {});
    hub.clock.advance(50);
    await hub.call(nurse, 'auth.session', {}); // still alive: the last call slid it
    hub.clock.advance(61);
    expect((await failureOf(hub.call(nurse, 'auth.session', {}))).message).toMatch(/expired/);
    const doctor = await hub.signIn('doctor');
    for (let i = 0; i < 13; i++) {
      hub.clock.advance(55);
      await hub.call(doctor, 'auth.session', {}); // active use: 715 minutes in all
    }
    hub.clock.advance(10); // past the 12-hour absolute lifetime, however active
    expect((await failureOf(hub.call(doctor, 'auth.session', {}))).message).toMatch(/expired/);
  });

  it('stores only a hash of the session token', async () => {
    hub = await createTestHub();
    const rows = hub.db.sqlite.prepare('SELECT tokenHash FROM sessions').all() as { tokenHash: string }[];
    expect(rows[0]!.tokenHash).toMatch(/^[a-f0-9]{64}$/);
    expect(hub.admin.token!.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(rows.some((r) => r.tokenHash === hub.admin.token)).toBe(false);
  });

  it('slows repeated failures but never locks an account for good', async () => {
    hub = await createTestHub();
    const login = (password: string) =>
      hub.call(null, 'auth.login', { username: 'admin', password, deviceId: 'x' });
    for (let i = 0; i < 5; i++)
      expect((await failureOf(login('wrong password'))).code).toBe('UNAUTHENTICATED');
    expect((await failureOf(login('wrong password'))).code).toBe('UNAUTHENTICATED'); // 6th: blocks 30 s
    expect((await failureOf(login(TEST_PASSWORD))).code).toBe('RATE_LIMITED');
    hub.clock.advance(1);
    expect((await login(TEST_PASSWORD)).user.username).toBe('admin');
    for (let i = 0; i < 30; i++) {
      hub.clock.advance(16);
      await failureOf(login('still wrong'));
    }
    hub.clock.advance(16); // the longest block is 15 minutes
    expect((await login(TEST_PASSWORD)).user.username).toBe('admin');
  });

  it('logout and disabling end every session of the user', async () => {
    hub = await createTestHub();
    const receptionist = await hub.signIn('receptionist', { username: 'reena' });
    const second = await hub.call(null, 'auth.login', {
      username: 'reena',
      password: TEST_PASSWORD,
      deviceId: 'tab',
    });
    await hub.call(receptionist, 'auth.logout', {});
    expect(
      (await failureOf(hub.call({ token: second.token, deviceId: 'tab' }, 'auth.session', {}))).code,
    ).toBe('UNAUTHENTICATED');
    const again = await hub.call(null, 'auth.login', {
      username: 'reena',
      password: TEST_PASSWORD,
      deviceId: 'pc',
    });
    const revoked: string[] = [];
    hub.core.events.onRevoked(({ userId, reason }) => revoked.push(`${userId}:${reason}`));
    await hub.call(hub.admin, 'users.setDisabled', { id: again.user.id, disabled: true });
    expect(revoked).toEqual([`${again.user.id}:disabled`]);
    expect(
      (await failureOf(hub.call({ token: again.token, deviceId: 'pc' }, 'auth.session', {}))).message,
    ).toMatch(/disabled|ended/);
    expect(
      (
        await failureOf(
          hub.call(null, 'auth.login', { username: 'reena', password: TEST_PASSWORD, deviceId: 'pc' }),
        )
      ).code,
    ).toBe('UNAUTHENTICATED');
  });

  it('audits changes and sign-ins in a chain that detects edits and deletions', async () => {
    hub = await createTestHub();
    await hub.signIn('receptionist');
    const verify = () => hub.core.audit.verify();
    expect(verify()).toMatchObject({ ok: true });
    expect(verify().checked).toBeGreaterThanOrEqual(3);
    const actions = hub.db.sqlite
      .prepare('SELECT action FROM audit_log ORDER BY seq')
      .all()
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(expect.arrayContaining(['auth.setup', 'users.create', 'auth.login']));
    // Tamper with the file as an attacker would: drop the guard trigger, edit an entry.
    hub.db.sqlite.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    hub.db.sqlite.exec(`UPDATE audit_log SET details = '{"username":"someone-else"}' WHERE seq = 2`);
    expect(verify()).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'entry 2 was altered' });
  });

  it('detects removal of the newest audit entries', async () => {
    hub = await createTestHub();
    await hub.signIn('nurse');
    hub.db.sqlite.exec('DROP TRIGGER audit_no_delete;');
    hub.db.sqlite.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    expect(hub.core.audit.verify()).toMatchObject({
      ok: false,
      problem: 'entries after the last one were removed',
    });
  });
});
