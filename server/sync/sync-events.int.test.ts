import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract/events.contract';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { callOver, nextEvent, send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('live events on the LAN sync socket', () => {
  it('pokes signed-in clients after a change, with the sequence to pull up to', async () => {
    server = await startSocketHub();
    const watcher = await server.connect({ token: server.hub.admin.token, deviceId: 'desk-2' });
    const anonymous = await server.connect({});
    let anonymousPoked = false;
    anonymous.on('sync.poke', () => (anonymousPoked = true));

    const writer = await server.connect({ token: server.hub.admin.token, deviceId: 'desk-1' });
    const poke = nextEvent<EventPayload<'sync.poke'>>(watcher, 'sync.poke');
    const userId = randomUUID();
    await callOver(writer, 'users.create', {
      id: userId,
      username: 'rita',
      displayName: 'Rita',
      role: 'receptionist',
      password: TEST_PASSWORD,
    });
    const { seq, tables, ids, ...identity } = await poke;
    expect(identity).toEqual(server.hub.core.identity());
    // What the change wrote, so that screens refetch only what reads it (change-hint.ts).
    expect({ tables, ids }).toEqual({ tables: ['users'], ids: { users: [userId] } });
    const { epoch } = identity;
    const pulled = await send<{ nextCursor: number }>(watcher, 'sync.pull', { epoch, cursor: seq - 1 });
    expect(pulled).toMatchObject({ ok: true, result: { nextCursor: seq } });
    expect(anonymousPoked).toBe(false);
  });

  it('relays queue events to signed-in clients', async () => {
    server = await startSocketHub();
    const display = await server.connect({ token: server.hub.admin.token, kind: 'display' });
    const called = nextEvent(display, 'queue.called');
    const changed = nextEvent(display, 'queue.changed');
    const doctorId = randomUUID();
    server.hub.core.events.emit('queue.changed', { doctorId, clinicDate: '2026-11-23' });
    server.hub.core.events.emit('queue.called', {
      doctorId,
      token: 'K-7',
      roomName: 'Room 2',
      calledAt: '2026-11-23T04:00:00.000Z',
    });
    expect(await changed).toEqual({ doctorId, clinicDate: '2026-11-23' });
    expect(await called).toMatchObject({ token: 'K-7', roomName: 'Room 2' });
  });

  it("disabling a user ends their session and disconnects their sockets, not others'", async () => {
    server = await startSocketHub();
    const receptionist = await server.hub.signIn('receptionist');
    const victim = await server.connect({ token: receptionist.token, deviceId: receptionist.deviceId });
    const admin = await server.connect({ token: server.hub.admin.token });
    const ended = nextEvent(victim, 'session.ended');
    const disconnected = nextEvent(victim, 'disconnect');

    await callOver(admin, 'users.setDisabled', { id: receptionist.userId, disabled: true });
    expect(await ended).toEqual({ reason: 'disabled' });
    expect(await disconnected).toBe('io server disconnect');
    expect(admin.connected).toBe(true);
    await expect(server.connect({ token: receptionist.token })).rejects.toThrow(/disabled|ended/);
  });
});
