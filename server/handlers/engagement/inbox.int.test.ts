import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { at, bookAt, examDoctor, TUESDAY } from '@server/testing/booking-setup';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

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

  it('tells the patient’s app sessions, and no one else, of a new message with the unread count', async () => {
    server = await startSocketHub();
    const { hub } = server;
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const meeraId = insertPatient(hub.db).id;
    const meera = patientCaller(hub, meeraId);
    const ravi = patientCaller(hub, insertPatient(hub.db).id);
    const desk = await server.connect({ token: reception.token, deviceId: reception.deviceId });
    // The hub's per-user events: what the patient gateway forwards to that patient's app. The LAN
    // port refuses patient sessions, so no patient socket exists here.
    const heard: { userId: string; unread: number }[] = [];
    const stop = hub.core.events.onUserEvent((event) => {
      if (event.name === 'notifications.new')
        heard.push({ userId: event.userId, unread: event.payload.unread });
    });

    await callOver(desk, 'appointments.book', {
      id: randomUUID(),
      patientId: meeraId,
      doctorId,
      startsAt: at(TUESDAY, '10:00'),
    });
    await expect.poll(() => heard).toEqual([{ userId: meera.userId, unread: 1 }]);
    await bookAt(hub, reception, doctorId, meeraId, at(TUESDAY, '11:00'));
    await expect.poll(() => heard.at(-1)).toEqual({ userId: meera.userId, unread: 2 });
    // Marking read updates the badge of the patient's other sessions.
    const ids = (await hub.call(meera, 'notifications.inbox', {})).map((m) => m.id);
    await hub.call(meera, 'notifications.markRead', { ids });
    await expect.poll(() => heard.at(-1)).toEqual({ userId: meera.userId, unread: 0 });
    stop();
    expect(heard.map((e) => e.userId).filter((id) => id !== meera.userId)).toEqual([]);
    expect(ravi.userId).not.toBe(meera.userId);
  });
});
