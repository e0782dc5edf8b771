import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '@shared/contract/errors';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('device names: every device that signs in has a name, never only its id', () => {
  it('names a browser as it introduced itself until the admin renames it; staff see the names', async () => {
    server = await startSocketHub();
    const reena = await server.hub.signIn('receptionist');
    const browserId = reena.deviceId; // where her session was opened: a browser tab
    // A browser tab signs in: it has no sync client, only its device id and user-agent name.
    const tab = await server.connect({
      token: reena.token,
      deviceId: browserId,
      kind: 'browser',
      deviceName: 'Chrome on Windows',
    });
    // A desktop named by its host name, with its own sync client.
    const desk = await server.hub.signIn('receptionist');
    await server.connect({
      token: desk.token,
      deviceId: desk.deviceId,
      clientId: 'client-front-desk-1',
      kind: 'desktop',
      deviceName: 'FRONT-DESK-PC',
    });
    const names = await callOver(tab, 'devices.names', {});
    expect(names).toEqual(
      expect.arrayContaining([
        { id: browserId, name: 'Chrome on Windows' },
        { id: desk.deviceId, name: 'FRONT-DESK-PC' },
      ]),
    );

    const admin = await server.connect({ token: server.hub.admin.token });
    const listed = await callOver(admin, 'devices.list', {});
    expect(listed.find((d) => d.id === browserId)).toMatchObject({
      name: 'Chrome on Windows',
      givenName: null,
      kind: 'browser',
      lastUserId: reena.userId,
      clients: [],
    });

    await callOver(admin, 'devices.rename', { deviceId: browserId, name: '  Billing counter  ' });
    expect(await callOver(tab, 'devices.names', {})).toContainEqual({
      id: browserId,
      name: 'Billing counter',
    });
    // Signing in again with its own name keeps the admin's.
    await server.connect({
      token: reena.token,
      deviceId: browserId,
      kind: 'browser',
      deviceName: 'Chrome on Windows',
    });
    const renamed = (await callOver(admin, 'devices.list', {})).find((d) => d.id === browserId);
    expect(renamed).toMatchObject({ name: 'Billing counter', givenName: 'Billing counter' });
    const audit = server.hub.db.sqlite
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'devices.rename'")
      .get() as { n: number };
    expect(audit.n).toBe(1);

    // Back to its own name.
    await callOver(admin, 'devices.rename', { deviceId: browserId, name: null });
    expect(await callOver(tab, 'devices.names', {})).toContainEqual({
      id: browserId,
      name: 'Chrome on Windows',
    });
  });

  it('refuses a blank name naming the field, an unknown device, and anyone but the admin', async () => {
    server = await startSocketHub();
    const reena = await server.hub.signIn('receptionist');
    const tab = await server.connect({
      token: reena.token,
      deviceId: reena.deviceId,
      kind: 'browser',
      deviceName: 'Firefox on Linux',
    });
    const admin = await server.connect({ token: server.hub.admin.token });
    await callOver(tab, 'devices.names', {}); // the connection was recorded before this call ran
    const blank = await failureOf(
      callOver(admin, 'devices.rename', { deviceId: reena.deviceId, name: '   ' }),
    );
    expect(blank.code).toBe('VALIDATION');
    expect(blank.fields?.map((f) => f.field)).toEqual(['name']);
    const unknown = await failureOf(
      callOver(admin, 'devices.rename', { deviceId: 'never-seen', name: 'Desk' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const forbidden = await failureOf(
      callOver(tab, 'devices.rename', { deviceId: reena.deviceId, name: 'Mine' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(await callOver(tab, 'devices.names', {})).toContainEqual({
      id: reena.deviceId,
      name: 'Firefox on Linux',
    });
  });
});
