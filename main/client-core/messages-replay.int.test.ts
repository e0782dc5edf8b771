import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PushApplier } from '@server/sync/push';
import {
  at,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  TEST_PASSWORD,
  waitFor,
} from '@main/client-core/testing/clinic';

describe('messages of a change made offline on a desktop', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('are made once by the hub when the change arrives, and not again when the same push is replayed', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const deviceId = `front-desk-${randomUUID().slice(0, 8)}`;
    const desk = newDesktop(clinic.server.url, 'front-desk', undefined, deviceId);
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);
    const patientId = clinic.patientIds[0]!;

    const port = await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'the desktop to be offline');
    const id = randomUUID();
    await desk.core.call('appointments.book', {
      id,
      patientId,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-24', '10:00'),
    });
    // The desktop's replica never plans messages (its executor has no planner).
    const replica = new Database(join(desk.dir, 'replica.db'), { readonly: true });
    const queued = replica
      .prepare(
        `SELECT clientId, mutationId, name, input, createdAt FROM client_outbox WHERE state = 'pending'`,
      )
      .all() as { clientId: string; mutationId: number; name: string; input: string; createdAt: string }[];
    const replicaMessages = replica.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number };
    replica.close();
    expect(queued.map((m) => m.name)).toEqual(['appointments.book']);
    expect(replicaMessages.n).toBe(0);

    await hubUp(clinic, port);
    await settled([desk]);
    const messages = () =>
      hub.db.sqlite
        .prepare(
          'SELECT dedupeKey, kind, channel, state FROM notifications WHERE aboutId = ? ORDER BY dedupeKey',
        )
        .all(id);
    const first = messages();
    expect(first).toEqual([
      { dedupeKey: `booking:${id}:email`, kind: 'booking_confirmation', channel: 'email', state: 'skipped' },
      { dedupeKey: `booking:${id}:sms`, kind: 'booking_confirmation', channel: 'sms', state: 'pending' },
      { dedupeKey: `reminder:${id}:email`, kind: 'reminder', channel: 'email', state: 'skipped' },
      { dedupeKey: `reminder:${id}:sms`, kind: 'reminder', channel: 'sms', state: 'pending' },
    ]);

    // The same push again (an acknowledgement lost on the way): its stored outcome, no new message.
    const [mutation] = queued;
    const { token } = await hub.call(null, 'auth.login', {
      username: clinic.users.receptionist,
      password: TEST_PASSWORD,
      deviceId,
    });
    const applier = new PushApplier(hub.core, hub.dispatcher);
    const replayed = await applier.push(
      {
        actor: hub.core.authenticate(token, deviceId),
        caller: { token, deviceId },
        clientId: mutation!.clientId,
        deviceName: 'front-desk',
        kind: 'desktop',
      },
      {
        clientId: mutation!.clientId,
        epoch: hub.core.identity().epoch,
        mutations: [
          {
            mutationId: mutation!.mutationId,
            name: mutation!.name,
            input: JSON.parse(mutation!.input) as unknown,
            createdAt: mutation!.createdAt,
          },
        ],
      },
    );
    expect(replayed.outcomes).toMatchObject([{ mutationId: mutation!.mutationId, status: 'applied' }]);
    expect(messages()).toEqual(first);
  });
});
