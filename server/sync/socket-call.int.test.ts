import { afterEach, describe, expect, it } from 'vitest';
import { hubHelloSchema } from '@shared/contract/sync.contract';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { failureOf } from '@server/testing/failure';
import { callOver, nextEvent, send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('operations over the LAN sync socket', () => {
  it('sets up a fresh hub, signs in over the same socket and lists users as admin', async () => {
    server = await startSocketHub({ setUp: false });
    const socket = await server.connect({ deviceId: 'reception-pc' });
    expect(await callOver(socket, 'auth.setupStatus', {})).toEqual({ needsSetup: true, clinicName: null });
    expect((await failureOf(callOver(socket, 'users.list', {}))).code).toBe('UNAUTHENTICATED');

    await callOver(socket, 'auth.setup', {
      settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
      admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
      deviceId: 'reception-pc',
    });
    const login = await callOver(socket, 'auth.login', {
      username: 'admin',
      password: TEST_PASSWORD,
      deviceId: 'reception-pc',
    });
    const adopted = await send<{ signedIn: boolean; actor: { role: string } }>(socket, 'auth', {
      token: login.token,
    });
    expect(adopted).toMatchObject({ ok: true, result: { signedIn: true, actor: { role: 'admin' } } });

    const users = await callOver(socket, 'users.list', {});
    expect(users.map((u) => u.username)).toEqual(['admin']);

    const hello = await send(socket, 'hello');
    expect(hello.ok).toBe(true);
    if (hello.ok) {
      expect(hubHelloSchema.parse(hello.result)).toMatchObject({
        ...server.hub.core.identity(),
        protocolVersion: 1,
        lastMutationId: 0,
      });
    }

    // Dropping the token makes the socket anonymous again.
    await send(socket, 'auth', { token: null });
    expect((await failureOf(callOver(socket, 'users.list', {}))).code).toBe('UNAUTHENTICATED');
  });

  it('authenticates from the handshake and enforces the role policy', async () => {
    server = await startSocketHub();
    const receptionist = await server.hub.signIn('receptionist');
    const socket = await server.connect({ token: receptionist.token, deviceId: receptionist.deviceId });
    const forbidden = await failureOf(callOver(socket, 'users.list', {}));
    expect(forbidden).toEqual({ code: 'FORBIDDEN', message: 'Your role is not allowed to do this.' });

    const admin = await server.connect({ token: server.hub.admin.token, deviceId: 'admin-desktop' });
    expect((await callOver(admin, 'users.list', {})).length).toBe(2);
  });

  it('answers a command with what it wrote (the hint its poke carries), a query without', async () => {
    server = await startSocketHub();
    const socket = await server.connect({ token: server.hub.admin.token, deviceId: 'admin-desktop' });
    const settings = await send(socket, 'call', { name: 'settings.get', input: {} });
    expect(settings).toMatchObject({ ok: true });
    expect(settings).not.toHaveProperty('changed');
    if (!settings.ok) return;
    const poked = nextEvent<{ tables: string[]; ids?: Record<string, string[]> }>(socket, 'sync.poke');
    const update = await send(socket, 'call', { name: 'settings.update', input: settings.result });
    expect(update).toMatchObject({ ok: true, changed: { tables: ['settings'] } });
    const { tables, ids } = await poked;
    expect(update.changed).toEqual({ tables, ids });
    // A command that wrote no synced row says so: no tables.
    const rename = await send(socket, 'call', {
      name: 'devices.rename',
      input: { deviceId: 'admin-desktop', name: 'Front desk' },
    });
    expect(rename).toMatchObject({ ok: true, changed: { tables: [] } });
  });

  it('refuses a connection with an invalid token or without a device id', async () => {
    server = await startSocketHub();
    await expect(server.connect({ token: 'forged-token-value-1234567890' })).rejects.toThrow(
      /session has ended/,
    );
    await expect(server.connect({ deviceId: '' })).rejects.toThrow(/deviceId/);
    const failed = await server.connect({ token: 'forged' }).catch((error: { data?: unknown }) => error.data);
    expect(failed).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers unknown operations, malformed messages and invalid input with the one error shape', async () => {
    server = await startSocketHub();
    const socket = await server.connect({ token: server.hub.admin.token });
    expect(await send(socket, 'call', { name: 'users.drop', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await send(socket, 'call', 'users.list')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const invalid = await failureOf(
      callOver(socket, 'users.create', {
        id: 'x',
        username: 'a',
        displayName: '',
        role: 'admin',
        password: '',
      }),
    );
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.fields?.map((f) => f.field)).toContain('password');
    expect(await send(socket, 'auth', { token: 'not-a-session' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses an oversized message with PAYLOAD_TOO_LARGE and stays connected', async () => {
    server = await startSocketHub({ maxPayloadBytes: 10_000 });
    const socket = await server.connect({ token: server.hub.admin.token });
    const reply = await send(socket, 'call', {
      name: 'patients.create',
      input: { note: 'x'.repeat(20_000) },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(socket.connected).toBe(true);
    expect((await callOver(socket, 'users.list', {})).length).toBe(1);
  });

  it('lets in clients without an Origin and pages of the hub itself, not other sites', async () => {
    server = await startSocketHub();
    await expect(server.connect({}, { origin: 'http://evil.example' })).rejects.toThrow();
    const own = await server.connect({}, { origin: server.url });
    expect(own.connected).toBe(true);
  });

  it('signs in again on a socket whose session expired (issue 14, item 10)', async () => {
    server = await startSocketHub();
    const socket = await server.connect({ token: server.hub.admin.token, deviceId: 'admin-desktop' });
    expect((await callOver(socket, 'users.list', {})).length).toBe(1);
    server.hub.clock.advance(61); // past the 60-minute idle limit
    expect((await failureOf(callOver(socket, 'users.list', {}))).message).toMatch(/expired/);

    // Operations that need no session ignore the stale token: the lock screen can sign in again.
    expect(await callOver(socket, 'auth.setupStatus', {})).toMatchObject({ needsSetup: false });
    const login = await callOver(socket, 'auth.login', {
      username: 'admin',
      password: TEST_PASSWORD,
      deviceId: 'admin-desktop',
    });
    expect(await send(socket, 'auth', { token: login.token })).toMatchObject({ ok: true });
    expect((await callOver(socket, 'users.list', {})).length).toBe(1);
  });

  it('answers a logout, then ends the session on every socket of that user', async () => {
    server = await startSocketHub();
    const nurse = await server.hub.signIn('nurse');
    const first = await server.connect({ token: nurse.token, deviceId: nurse.deviceId });
    const second = await server.connect({ token: nurse.token, deviceId: nurse.deviceId });
    const ended = nextEvent(second, 'session.ended');
    const closed = nextEvent(second, 'disconnect');
    expect(await callOver(first, 'auth.logout', {})).toEqual({ ok: true });
    expect(await ended).toEqual({ reason: 'logout' });
    expect(await closed).toBe('io server disconnect');
    await expect(server.connect({ token: nurse.token })).rejects.toThrow(/session has ended/);
  });
});
