import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { callOver, send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the admin's devices list says about each client's waiting changes. */
async function pendingByClient(admin: Awaited<ReturnType<SocketTestHub['connect']>>) {
  const devices = await callOver(admin, 'devices.list', {});
  return Object.fromEntries(devices.flatMap((d) => d.clients).map((c) => [c.clientId, c.pendingMutations]));
}

describe('sync.outbox: a desktop reports the changes waiting in its outbox', () => {
  it("updates its own clients' figures (a held user's too), never another device's, and ignores unknown clients", async () => {
    server = await startSocketHub();
    const reena = await server.hub.signIn('receptionist');
    const rahul = await server.hub.signIn('receptionist');
    const other = await server.hub.signIn('receptionist');
    // One desktop: Reena signed in there first, then Rahul; another desktop has its own client.
    const [reenaClient, rahulClient, otherClient] = [randomUUID(), randomUUID(), randomUUID()];
    await server.connect({ token: reena.token, deviceId: reena.deviceId, clientId: reenaClient });
    await server.connect({ token: other.token, deviceId: other.deviceId, clientId: otherClient });
    const rahulSocket = await server.connect({
      token: rahul.token,
      deviceId: rahul.deviceId,
      clientId: rahulClient,
    });
    const admin = await server.connect({ token: server.hub.admin.token });
    expect(await pendingByClient(admin)).toMatchObject({
      [reenaClient]: 0,
      [rahulClient]: 0,
      [otherClient]: 0,
    });
    expect(reena.deviceId).not.toBe(rahul.deviceId); // test hub sessions are on their own devices…

    // …so Rahul's desktop may report only Rahul's client: Reena's and the other desk's stay as they are.
    const reply = await send<{ updated: number }>(rahulSocket, 'sync.outbox', {
      pending: [
        { clientId: rahulClient, count: 3 },
        { clientId: reenaClient, count: 7 },
        { clientId: otherClient, count: 9 },
        { clientId: randomUUID(), count: 1 },
      ],
    });
    expect(reply).toEqual({ ok: true, result: { updated: 1 } });
    expect(await pendingByClient(admin)).toMatchObject({
      [reenaClient]: 0,
      [rahulClient]: 3,
      [otherClient]: 0,
    });
  });

  it("a desktop's report covers every user who signed in there, and a later zero clears a figure", async () => {
    server = await startSocketHub();
    const first = await server.hub.signIn('receptionist', { username: 'reena' });
    await server.hub.signIn('receptionist', { username: 'rahul' });
    const deviceId = first.deviceId;
    // Rahul signs in on Reena's desktop (the same device).
    const second = await server.hub.call(null, 'auth.login', {
      username: 'rahul',
      password: TEST_PASSWORD,
      deviceId,
    });
    const [firstClient, secondClient] = [randomUUID(), randomUUID()];
    await server.connect({ token: first.token, deviceId, clientId: firstClient });
    const desk = await server.connect({ token: second.token, deviceId, clientId: secondClient });
    const admin = await server.connect({ token: server.hub.admin.token });

    const report = (held: number) =>
      send(desk, 'sync.outbox', {
        pending: [
          { clientId: firstClient, count: held },
          { clientId: secondClient, count: 0 },
        ],
      });
    expect(await report(2)).toEqual({ ok: true, result: { updated: 2 } });
    expect(await pendingByClient(admin)).toMatchObject({ [firstClient]: 2, [secondClient]: 0 });
    await report(0);
    expect(await pendingByClient(admin)).toMatchObject({ [firstClient]: 0, [secondClient]: 0 });
  });

  it('is refused without a session, and a bad report names the field and changes nothing', async () => {
    server = await startSocketHub();
    const reena = await server.hub.signIn('receptionist');
    const clientId = randomUUID();
    const desk = await server.connect({ token: reena.token, deviceId: reena.deviceId, clientId });
    const anonymous = await server.connect({ deviceId: reena.deviceId });
    const admin = await server.connect({ token: server.hub.admin.token });

    const refused = await send(anonymous, 'sync.outbox', { pending: [{ clientId, count: 4 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const bad = await send(desk, 'sync.outbox', {
      pending: [
        { clientId, count: 4 },
        { clientId, count: -1 },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(bad)).toContain('pending.1.count');
    expect(await pendingByClient(admin)).toMatchObject({ [clientId]: 0 });
  });
});
