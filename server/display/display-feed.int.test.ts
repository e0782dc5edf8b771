import { randomUUID } from 'node:crypto';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplaySnapshot } from '@shared/domain/display.schema';
import { assignRoom, at, insertAppointment, queueWorld } from '@server/testing/queue-fixtures';
import { createSocketEndpoint } from '@server/sync/socket-endpoint';
import { freshAdmin } from '@server/testing/test-hub';
import { callOver, nextEvent, send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
const opened: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of opened.splice(0)) socket.disconnect();
  await server?.close();
  server = undefined;
});

const FULL_NAMES = ['Zubeida Quartermaine', 'Yashwant Oppenheimer'];

/** A TV on the display namespace; `raw` collects every frame the hub sent it, as sent. */
function connectDisplay(url: string, credential: string | null) {
  const socket = connectClient(`${url}/display`, {
    auth: credential === null ? {} : { credential },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  const raw: string[] = [];
  socket.io.on('packet', (packet: { data?: unknown }) => raw.push(JSON.stringify(packet.data ?? null)));
  const connected = new Promise<ClientSocket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
  const first = nextEvent<DisplaySnapshot>(socket, 'display.snapshot');
  // A refused TV never gets one: that is an unhandled rejection unless a test awaits it.
  first.catch(() => undefined);
  return { socket, raw, connected, first };
}

/** A hub with one doctor (Room 2) and two checked-in patients, and a display of that doctor paired. */
async function pairedWorld() {
  server = await startSocketHub();
  const hub = server.hub;
  hub.clock.set(at('09:00'));
  const world = await queueWorld(hub);
  assignRoom(hub.db, world.doctor.id);
  for (const [i, patientName] of FULL_NAMES.entries()) {
    const appointmentId = insertAppointment(hub.db, {
      doctorId: world.doctor.id,
      time: i === 0 ? '09:00' : '09:30',
      patientName,
    });
    await hub.call(world.reception, 'queue.checkIn', { appointmentId });
  }
  const admin = await freshAdmin(hub);
  const created = await hub.call(admin, 'displays.create', {
    id: randomUUID(),
    settings: { name: 'Waiting hall', doctorIds: [world.doctor.id] },
  });
  const anonymous = await server.connect({});
  const paired = await callOver(anonymous, 'displays.pair', { code: created.pairingCode.toLowerCase() });
  return { hub, admin, world, display: created.display, credential: paired.credential, anonymous };
}

describe('the waiting-room display feed', () => {
  it('refuses an unpaired browser, a wrong credential and a wrong or used pairing code', async () => {
    const { credential, anonymous, display } = await pairedWorld();
    for (const attempt of [null, 'not-a-credential']) {
      const tv = connectDisplay(server!.url, attempt);
      await expect(tv.connected).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    }
    const wrong = await send(anonymous, 'call', { name: 'displays.pair', input: { code: 'AAAA-AAAA' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ field: 'code' }] } });
    // The credential is not a staff session: nothing of the contract answers it.
    await expect(server!.connect({ token: credential })).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
    const list = await send(anonymous, 'call', { name: 'displays.list', input: {} });
    expect(list).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // On its own namespace it may ask for its feed and nothing else.
    const tv = connectDisplay(server!.url, credential);
    await tv.connected;
    expect(await send(tv.socket, 'call', { name: 'displays.list', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const asked = await send<DisplaySnapshot>(tv.socket, 'display.snapshot');
    expect(asked).toMatchObject({ ok: true, result: { display: { id: display.id } } });
  });

  it('pushes a snapshot right after a call and a recall, with tokens and initials only on the wire', async () => {
    const { hub, world, credential } = await pairedWorld();
    const tv = connectDisplay(server!.url, credential);
    await tv.connected;
    const first = await tv.first;
    expect(first.cards).toEqual([
      expect.objectContaining({
        doctorName: world.doctor.fullName,
        roomName: 'Room 2',
        presence: 'in',
        serving: null,
        next: [
          { token: 'K-001', initials: 'Z.Q.', waitMinutes: 0 },
          { token: 'K-002', initials: 'Y.O.', waitMinutes: 30 },
        ],
        waitingCount: 2,
      }),
    ]);
    expect(first.calls).toEqual([]);

    hub.clock.set(at('09:05'));
    const pushed = nextEvent<DisplaySnapshot>(tv.socket, 'display.snapshot');
    const called = await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    const afterCall = await pushed;
    expect(afterCall.version).toBeGreaterThan(first.version);
    expect(afterCall.calls).toEqual([
      {
        seq: 1,
        kind: 'call',
        doctorId: world.doctor.id,
        token: 'K-001',
        roomName: 'Room 2',
        at: at('09:05'),
      },
    ]);
    expect(afterCall.cards[0]).toMatchObject({ serving: { token: 'K-001', initials: 'Z.Q.' } });

    const again = nextEvent<DisplaySnapshot>(tv.socket, 'display.snapshot');
    await hub.call(world.reception, 'queue.recall', { id: called!.id });
    expect((await again).calls.map((c) => [c.seq, c.kind, c.token])).toEqual([
      [1, 'call', 'K-001'],
      [2, 'recall', 'K-001'],
    ]);

    const wire = tv.raw.join('\n');
    expect(wire).toContain('K-001');
    for (const name of FULL_NAMES) {
      for (const part of name.split(' ')) expect(wire).not.toContain(part);
    }
  });

  it('gives the same calls after the hub restarts, and blanks a revoked display at once', async () => {
    const { hub, admin, world, credential, display } = await pairedWorld();
    await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    const before = await connectDisplay(server!.url, credential).first;

    // The hub goes down and comes up again on the same database.
    await server!.endpoint.close();
    server!.endpoint = createSocketEndpoint({ core: hub.core, dispatcher: hub.dispatcher });
    const port = await server!.endpoint.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const tv = connectDisplay(url, credential);
    await tv.connected;
    const after = await tv.first;
    expect(after.calls).toEqual(before.calls);
    expect(after.version).toBe(before.version);

    const revoked = nextEvent(tv.socket, 'display.revoked');
    const gone = nextEvent(tv.socket, 'disconnect');
    await hub.call(admin, 'displays.revoke', { id: display.id });
    await revoked;
    await gone;
    await expect(connectDisplay(url, credential).connected).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
  });

  it('a new pairing replaces the old credential; its sockets are closed', async () => {
    const { hub, admin, credential, display, anonymous } = await pairedWorld();
    const old = connectDisplay(server!.url, credential);
    await old.connected;
    const code = await hub.call(admin, 'displays.newPairingCode', { id: display.id });
    // Until the code is used the old credential still works.
    expect(await send(old.socket, 'display.snapshot')).toMatchObject({ ok: true });
    const closed = nextEvent(old.socket, 'disconnect');
    const paired = await callOver(anonymous, 'displays.pair', { code: code.pairingCode });
    await closed;
    await expect(connectDisplay(server!.url, credential).connected).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
    await connectDisplay(server!.url, paired.credential).connected;
    const again = await send(anonymous, 'call', { name: 'displays.pair', input: { code: code.pairingCode } });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a test announcement reaches the paired display only; an unpaired one is refused', async () => {
    const { hub, admin, credential, display } = await pairedWorld();
    const tv = connectDisplay(server!.url, credential);
    await tv.connected;
    const test = nextEvent(tv.socket, 'display.test');
    await hub.call(admin, 'displays.testAnnouncement', { id: display.id });
    await test;
    const other = await hub.call(admin, 'displays.create', {
      id: randomUUID(),
      settings: { name: 'Not paired', doctorIds: display.doctorIds },
    });
    await expect(
      hub.call(admin, 'displays.testAnnouncement', { id: other.display.id }),
    ).rejects.toMatchObject({
      error: { code: 'POLICY' },
    });
  });

  it('shows chosen rooms: the doctor working in one today, and an empty one as "not in"', async () => {
    const { hub, admin, world } = await pairedWorld();
    const room2 = hub.db.first(hub.db.q.selectFrom('rooms').select('id').where('name', '=', 'Room 2'))!.id;
    const empty = randomUUID();
    await hub.call(admin, 'rooms.create', { id: empty, details: { name: 'Room 7' } });
    const created = await hub.call(admin, 'displays.create', {
      id: randomUUID(),
      settings: { name: 'By room', roomIds: [room2, empty] },
    });
    expect(created.display).toMatchObject({ doctorIds: [], roomIds: [room2, empty], voices: [] });
    const anonymous = await server!.connect({});
    const paired = await callOver(anonymous, 'displays.pair', { code: created.pairingCode });
    const snapshot = await connectDisplay(server!.url, paired.credential).first;
    expect(snapshot.cards).toEqual([
      expect.objectContaining({
        doctorId: world.doctor.id,
        doctorName: world.doctor.fullName,
        roomId: room2,
        roomName: 'Room 2',
        next: [expect.objectContaining({ token: 'K-001' }), expect.objectContaining({ token: 'K-002' })],
      }),
      {
        doctorId: null,
        doctorName: null,
        roomId: empty,
        roomName: 'Room 7',
        presence: 'out',
        serving: null,
        next: [],
        waitingCount: 0,
      },
    ]);
    // The room's doctor's calls are the display's calls too.
    const pushed = nextEvent<DisplaySnapshot>(opened.at(-1)!, 'display.snapshot');
    await hub.call(world.doctorCaller, 'queue.callNext', { doctorId: world.doctor.id });
    expect((await pushed).calls.map((c) => c.token)).toEqual(['K-001']);

    // Unknown doctors or rooms are refused naming the field; a display must show something.
    const refused = (settings: Record<string, unknown>) =>
      hub.call(admin, 'displays.update', {
        id: created.display.id,
        settings: { name: 'By room', ...settings },
      });
    await expect(refused({ roomIds: [randomUUID()] })).rejects.toMatchObject({
      error: { code: 'VALIDATION', fields: [{ field: 'settings.roomIds' }] },
    });
    await expect(refused({ doctorIds: [randomUUID()], roomIds: [room2] })).rejects.toMatchObject({
      error: { code: 'VALIDATION', fields: [{ field: 'settings.doctorIds' }] },
    });
    await expect(refused({})).rejects.toMatchObject({
      error: {
        code: 'VALIDATION',
        fields: [{ field: 'settings.doctorIds', message: 'choose at least one doctor or room' }],
      },
    });
  });

  it('keeps the voices the TV reports (validated, bounded) for the admin', async () => {
    const { hub, admin, credential, display } = await pairedWorld();
    const tv = connectDisplay(server!.url, credential);
    await tv.connected;
    const voices = [
      { name: 'Google हिन्दी', lang: 'hi-IN' },
      { name: 'Veena', lang: 'en-IN' },
      { name: 'Veena', lang: 'en-IN' },
    ];
    expect(await send(tv.socket, 'display.voices', voices)).toEqual({ ok: true, result: { ok: true } });
    const listed = await hub.call(admin, 'displays.list', {});
    expect(listed.find((d) => d.id === display.id)?.voices).toEqual(voices.slice(0, 2));

    for (const bad of [
      'Veena',
      [{ name: 'x'.repeat(101), lang: 'en' }],
      [{ name: 'Veena', lang: 'en-IN', localService: true }],
      Array.from({ length: 201 }, (_, i) => ({ name: `v${i}`, lang: 'en' })),
    ]) {
      expect(await send(tv.socket, 'display.voices', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: [{ field: 'voices' }] },
      });
    }
    const after = await hub.call(admin, 'displays.list', {});
    expect(after.find((d) => d.id === display.id)?.voices).toEqual(voices.slice(0, 2));
  });
});
