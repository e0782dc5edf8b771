import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse } from '@shared/contract/sync.contract';
import type { PushResult } from './push';
import { send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let phone = 0;
function register(mutationId: number, fullName: string): Mutation {
  phone += 1;
  return {
    mutationId,
    name: 'patients.register',
    input: {
      id: randomUUID(),
      details: { fullName, sex: 'female', phone: `+91 98450 ${String(10000 + phone)}` },
    },
    createdAt: '2026-11-23T02:00:00.000Z',
  };
}

const patients = (s: SocketTestHub) =>
  (
    s.hub.db.sqlite.prepare('SELECT fullName FROM patients ORDER BY fullName').all() as { fullName: string }[]
  ).map((row) => row.fullName);

describe('a sync client id is bound to its user and device at first contact', () => {
  it("refuses another user's session pushing under a desktop's client id; the owner's mutation 1 is then applied for real", async () => {
    server = await startSocketHub();
    const { epoch } = server.hub.core.identity();
    const asha = await server.hub.signIn('receptionist', { username: 'asha' });
    const bala = await server.hub.signIn('receptionist', { username: 'bala' });
    const clientId = randomUUID();
    // Asha's desktop connects and signs in: the client id is hers from now on.
    const owner = await server.connect({ token: asha.token, deviceId: asha.deviceId, clientId });

    // Bala's session, on her own machine or claiming Asha's device id, under Asha's client id.
    for (const deviceId of [bala.deviceId, asha.deviceId]) {
      const thief = await server.connect({ token: bala.token, deviceId, clientId });
      const refused = await send(thief, 'sync.push', {
        clientId,
        epoch,
        mutations: [register(1, 'Mallory One')],
      });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', fields: [{ field: 'clientId' }] },
      });
      // Not told (null), rather than a made-up 0 a desktop would renumber its outbox by.
      expect(await send(thief, 'hello')).toMatchObject({ ok: true, result: { lastMutationId: null } });
    }
    expect(patients(server)).toEqual([]);

    const mine = register(1, 'Meera Iyer');
    const pushed = await send<PushResult>(owner, 'sync.push', { clientId, epoch, mutations: [mine] });
    expect(pushed).toMatchObject({
      ok: true,
      result: { lastMutationId: 1, outcomes: [{ mutationId: 1, status: 'applied' }] },
    });
    expect(patients(server)).toEqual(['Meera Iyer']);
    expect(
      server.hub.db.sqlite
        .prepare('SELECT userId, deviceId FROM sync_clients WHERE clientId = ?')
        .get(clientId),
    ).toEqual({ userId: asha.userId, deviceId: asha.deviceId });

    // Her last mutation id is hers to know: not an anonymous caller's, not another user's.
    expect(await send(owner, 'hello')).toMatchObject({ ok: true, result: { lastMutationId: 1 } });
    const anonymous = await server.connect({ clientId });
    expect(await send(anonymous, 'hello')).toMatchObject({ ok: true, result: { lastMutationId: null } });
    const other = await server.connect({ token: bala.token, deviceId: bala.deviceId, clientId });
    const page = await send<PullResponse>(other, 'sync.pull', { epoch, cursor: 0 });
    expect(page).toMatchObject({ ok: true, result: { lastMutationId: null } });
    // A client id the hub has never seen has processed nothing: 0, as before.
    const fresh = await server.connect({
      token: bala.token,
      deviceId: bala.deviceId,
      clientId: randomUUID(),
    });
    expect(await send(fresh, 'hello')).toMatchObject({ ok: true, result: { lastMutationId: 0 } });
  });

  it('tells two copies of one desktop apart by what they pushed: a re-sent change is a duplicate, a different one is refused', async () => {
    server = await startSocketHub();
    const { epoch } = server.hub.core.identity();
    const asha = await server.hub.signIn('receptionist', { username: 'asha' });
    const clientId = randomUUID();
    // A cloned data folder: the same device id, the same session, the same client id.
    const first = await server.connect({ token: asha.token, deviceId: asha.deviceId, clientId });
    const copy = await server.connect({ token: asha.token, deviceId: asha.deviceId, clientId });

    const shared = register(1, 'Before The Copy'); // queued before the folder was copied: on both
    const firstOwn = register(2, 'First Desk');
    const applied = await send<PushResult>(first, 'sync.push', {
      clientId,
      epoch,
      mutations: [shared, firstOwn],
    });
    expect(applied.ok && applied.result.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);

    const copyOwn = register(2, 'Copied Desk');
    const partial = await send<PushResult>(copy, 'sync.push', {
      clientId,
      epoch,
      mutations: [shared, copyOwn],
    });
    // The shared change is the same change: its stored outcome. The copy's own is not answered.
    expect(partial).toMatchObject({ ok: true, result: { gap: false } });
    expect(partial.ok && partial.result.outcomes).toEqual(applied.ok && applied.result.outcomes.slice(0, 1));
    const refused = await send(copy, 'sync.push', { clientId, epoch, mutations: [copyOwn] });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        fields: [{ field: 'clientId', message: 'used by another copy of this desktop' }],
      },
    });
    expect(patients(server)).toEqual(['Before The Copy', 'First Desk']);

    // The first desk's own re-send is still a duplicate.
    const again = await send<PushResult>(first, 'sync.push', { clientId, epoch, mutations: [firstOwn] });
    expect(again.ok && again.result.outcomes).toEqual(applied.ok && applied.result.outcomes.slice(1));
  });

  it("keeps a moved change's record ids only for the same user's earlier client", async () => {
    server = await startSocketHub();
    const { epoch } = server.hub.core.identity();
    const asha = await server.hub.signIn('receptionist', { username: 'asha' });
    const bala = await server.hub.signIn('receptionist', { username: 'bala' });
    const [ashaOld, ashaNew, balaClient] = [randomUUID(), randomUUID(), randomUUID()];
    await server.connect({ token: asha.token, deviceId: asha.deviceId, clientId: ashaOld });
    const moved = await server.connect({ token: asha.token, deviceId: asha.deviceId, clientId: ashaNew });
    const thief = await server.connect({ token: bala.token, deviceId: bala.deviceId, clientId: balaClient });

    const own = await send<PushResult>(moved, 'sync.push', {
      clientId: ashaNew,
      epoch,
      mutations: [{ ...register(1, 'Moved Along'), origin: ashaOld }],
    });
    expect(own).toMatchObject({ ok: true, result: { outcomes: [{ status: 'applied' }] } });
    const foreign = await send<PushResult>(thief, 'sync.push', {
      clientId: balaClient,
      epoch,
      mutations: [{ ...register(1, 'Not Hers'), origin: ashaOld }],
    });
    expect(foreign).toMatchObject({
      ok: true,
      result: {
        outcomes: [{ status: 'rejected', error: { code: 'VALIDATION', fields: [{ field: 'origin' }] } }],
      },
    });
    expect(patients(server)).toEqual(['Moved Along']);
  });
});
