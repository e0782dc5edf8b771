import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { at, bookAt, examDoctor, TUESDAY } from '@server/testing/booking-setup';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { callOver, nextEvent, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the patient’s in-app inbox', () => {
  it('lists only the patient’s own delivered messages, and marks only their own read', async () => {
    server = await startSocketHub();
    const { hub } = server;
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const meera = insertPatient(hub.db, { fullName: 'Meera Nair' }).id;
    const ravi = insertPatient(hub.db, { fullName: 'Ravi Kumar' }).id;
    const meeraApp = patientCaller(hub, meera);
    const raviApp = patientCaller(hub, ravi);
    await bookAt(hub, reception, doctorId, meera, at(TUESDAY, '10:00'));
    await bookAt(hub, reception, doctorId, ravi, at(TUESDAY, '11:00'));

    const inbox = await hub.call(meeraApp, 'notifications.inbox', {});
    // The booking confirmation; the reminder is not delivered before its time.
    expect(inbox.map((m) => [m.kind, m.channel, m.state])).toEqual([
      ['booking_confirmation', 'in_app', 'sent'],
    ]);
    expect(inbox[0]!.body).toContain('Dear Meera Nair');
    const [raviMessage] = await hub.call(raviApp, 'notifications.inbox', {});

    // Another patient's id: the same answer, and their message stays unread.
    expect(await hub.call(meeraApp, 'notifications.markRead', { ids: [raviMessage!.id] })).toEqual({
      ok: true,
    });
    expect((await hub.call(raviApp, 'notifications.inbox', { unreadOnly: true })).map((m) => m.id)).toEqual([
      raviMessage!.id,
    ]);
    expect(await hub.call(meeraApp, 'notifications.markRead', { ids: [inbox[0]!.id] })).toEqual({ ok: true });
    expect(await hub.call(meeraApp, 'notifications.inbox', { unreadOnly: true })).toEqual([]);
    const [read] = await hub.call(meeraApp, 'notifications.inbox', {});
    expect(read!.readAt).toBe(hub.clock.now().toISOString());
    // Staff have no inbox of their own to read here.
    await expect(hub.call(reception, 'notifications.inbox', {})).rejects.toThrow(/not allowed/);
  });

  it('tells the patient’s connected app, and no one else, of a new message with the unread count', async () => {
    server = await startSocketHub();
    const { hub } = server;
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const meera = insertPatient(hub.db).id;
    const ravi = insertPatient(hub.db).id;
    const meeraApp = await server.connect(patientCaller(hub, meera));
    const raviApp = await server.connect(patientCaller(hub, ravi));
    const desk = await server.connect({ token: reception.token, deviceId: reception.deviceId });
    const heard: string[] = [];
    raviApp.on('notifications.new', () => heard.push('ravi'));
    desk.on('notifications.new', () => heard.push('desk'));

    const first = nextEvent<{ unread: number }>(meeraApp, 'notifications.new');
    await callOver(desk, 'appointments.book', {
      id: randomUUID(),
      patientId: meera,
      doctorId,
      startsAt: at(TUESDAY, '10:00'),
    });
    expect(await first).toEqual({ unread: 1 });
    const second = nextEvent<{ unread: number }>(meeraApp, 'notifications.new');
    await bookAt(hub, reception, doctorId, meera, at(TUESDAY, '11:00'));
    expect(await second).toEqual({ unread: 2 });
    // Marking read updates the badge of the patient's other sessions.
    const afterRead = nextEvent<{ unread: number }>(meeraApp, 'notifications.new');
    const ids = (await callOver(meeraApp, 'notifications.inbox', {})).map((m) => m.id);
    await callOver(meeraApp, 'notifications.markRead', { ids });
    expect(await afterRead).toEqual({ unread: 0 });
    // Events are sent in order on each socket: a round trip after them shows none reached the others.
    await callOver(raviApp, 'notifications.inbox', {});
    await callOver(desk, 'auth.session', {});
    expect(heard).toEqual([]);
  });
});
