import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { createGateway } from '@server/gateway/gateway-server';
import { appPatient, liveWorld, type LiveWorld, SseClient } from '@server/gateway/testing/live-setup';
import { insertNotification } from '@server/testing/outbox-fixtures';
import { bookAt, TUESDAY, at as atOn } from '@server/testing/booking-setup';
import { insertAppointment, queueWorld, type QueueWorld } from '@server/testing/queue-fixtures';
import type { MyQueue } from '@shared/gateway/queue.schema';

// One hub and gateway for the file (Monday 23 Nov 2026, 08:00 in Kolkata; the doctor works from 09:00).
let world: LiveWorld;
let desk: QueueWorld;
let baseline: number;
const clients: SseClient[] = [];

beforeAll(async () => {
  world = await liveWorld({
    live: { heartbeatMs: 100, retryMs: 3_000, maxStreams: 6, maxStreamsPerSession: 2 },
  });
  desk = await queueWorld(world.hub);
  baseline = world.hub.core.events.listenerCount();
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await world?.close();
});

async function stream(patient: Caller): Promise<SseClient> {
  const client = await SseClient.open(world.api, patient.token!);
  clients.push(client);
  return client;
}

async function getJson(path: string, token: string) {
  const response = await fetch(`${world.api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const checkIn = (appointmentId: string) => world.hub.call(desk.reception, 'queue.checkIn', { appointmentId });

/** Waits for the stream's next event and checks its name. */
/** The next `count` events, by name (their order between kinds is not promised). */
async function nextEvents(client: SseClient, count: number): Promise<Record<string, unknown>> {
  const events: Record<string, unknown> = {};
  for (let i = 0; i < count; i += 1) {
    const event = await client.next();
    expect(event).not.toBeNull();
    expect(events).not.toHaveProperty(event!.event);
    events[event!.event] = event!.data;
  }
  return events;
}

async function nextOf(client: SseClient, name: string) {
  const event = await client.next();
  expect(event?.event).toBe(name);
  return event!.data;
}

describe('the patient’s live channel', () => {
  it('refuses staff tokens and missing ones with 401 on both routes', async () => {
    for (const token of [desk.reception.token!, desk.doctorCaller.token!, 'x'.repeat(43)]) {
      for (const path of ['/queue/me', '/events']) {
        const answer = await getJson(path, token);
        expect(answer.status, path).toBe(401);
        expect(answer.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    }
    const bare = await fetch(`${world.api}/events`);
    expect(bare.status).toBe(401);
    // The token is never taken from the URL (it would land in proxy logs).
    const patient = appPatient(world.hub, 'Query Token');
    expect((await fetch(`${world.api}/events?token=${patient.token}`)).status).toBe(401);
    expect(world.hub.core.events.listenerCount()).toBe(baseline);
  });

  it('follows my queue position as reception checks me in and the doctor calls the patient ahead', async () => {
    const doctorId = desk.doctor.id;
    const asha = appPatient(world.hub, 'Asha Rao');
    const meera = appPatient(world.hub, 'Meera Iyer');
    const ravi = appPatient(world.hub, 'Ravi Kumar');
    const ashaVisit = insertAppointment(world.hub.db, { doctorId, patientId: asha.patientId, time: '09:00' });
    const meeraVisit = insertAppointment(world.hub.db, {
      doctorId,
      patientId: meera.patientId,
      time: '09:30',
    });
    const raviVisit = insertAppointment(world.hub.db, { doctorId, patientId: ravi.patientId, time: '10:00' });

    expect((await getJson('/queue/me', meera.token!)).body).toEqual({
      clinicDate: '2026-11-23',
      position: null,
    });
    for (let i = 0; i < 2; i += 1) {
      insertNotification(world.hub.db, { patientId: meera.patientId, channel: 'in_app', state: 'sent' });
    }
    await checkIn(ashaVisit);

    const mine = await stream(meera);
    const his = await stream(ravi);
    const snapshot = [await mine.next(), await mine.next()];
    expect(mine.retry).toBe(3_000);
    expect(snapshot).toEqual(
      expect.arrayContaining([
        { event: 'queue', data: { clinicDate: '2026-11-23', position: null } },
        { event: 'notifications', data: { unread: 2 } },
      ]),
    );
    await mine.heartbeat();

    // With one patient ahead, my check-in also brings "your turn is near" to my inbox.
    await checkIn(meeraVisit);
    const afterCheckIn = await nextEvents(mine, 2);
    expect(afterCheckIn.notifications).toEqual({ unread: 3 });
    const checkedIn = afterCheckIn.queue as MyQueue;
    expect(checkedIn.position).toMatchObject({
      appointmentId: meeraVisit,
      doctorId,
      token: 'K-002',
      state: 'waiting',
      patientsAhead: 1,
      // The doctor has called no one yet today.
      nowServing: null,
    });
    // docs/product.md §7: the doctor starts at 09:00; one 30-minute consultation ahead of me.
    expect(checkedIn.position!.estimatedCallAt).toBe(atOn('2026-11-23', '09:30'));
    expect((await getJson('/queue/me', meera.token!)).body).toEqual(checkedIn);

    // Ravi's stream: his snapshot, then only his own figures.
    const hisEvents = [await his.next(), await his.next()];
    expect(hisEvents).toEqual(
      expect.arrayContaining([
        { event: 'queue', data: { clinicDate: '2026-11-23', position: null } },
        { event: 'notifications', data: { unread: 0 } },
      ]),
    );
    const hisQueue = async (patientsAhead: number) => {
      hisEvents.push(await his.next());
      expect(hisEvents.at(-1)).toEqual({ event: 'queue', data: expect.anything() as unknown });
      const { position } = hisEvents.at(-1)!.data as MyQueue;
      expect(position).toMatchObject({ appointmentId: raviVisit, token: 'K-003', patientsAhead });
    };

    // Ravi checks in behind me: my figures stay as they were, so nothing comes for me (his own
    // stream has read the queue again: mine, asked first, did so before)…
    await checkIn(raviVisit);
    await hisQueue(2);
    // …and the doctor calling Asha, ahead of both of us, is the next thing I hear.
    await world.hub.call(desk.doctorCaller, 'queue.callNext', { doctorId });
    const called = (await nextOf(mine, 'queue')) as MyQueue;
    // "Your turn is near" comes once: Ravi's, now one patient ahead of him, and not mine again.
    // Asha's token is on the doctor's door now: only the token, never her name.
    expect(called.position).toMatchObject({ appointmentId: meeraVisit, token: 'K-002', nowServing: 'K-001' });
    expect(JSON.stringify(called)).not.toContain('Asha');
    expect(called.position!.patientsAhead).toBeLessThan(checkedIn.position!.patientsAhead);
    const hisAfterCall = await nextEvents(his, 2);
    expect(hisAfterCall.notifications).toEqual({ unread: 1 });
    expect(hisAfterCall.queue).toMatchObject({ position: { appointmentId: raviVisit, patientsAhead: 1 } });
    hisEvents.push({ event: 'queue', data: hisAfterCall.queue });

    // A message for me: my unread count (3 before). Then one for Ravi: his stream's next event is
    // his own count, never mine.
    await bookAt(world.hub, desk.reception, doctorId, meera.patientId, atOn(TUESDAY, '11:00'));
    expect(await nextOf(mine, 'notifications')).toEqual({ unread: 4 });
    const [free] = await world.hub.call(desk.reception, 'slots.nextFree', {
      doctorId,
      from: atOn(TUESDAY, '11:01'),
      limit: 1,
    });
    await bookAt(world.hub, desk.reception, doctorId, ravi.patientId, free!.start);
    hisEvents.push(await his.next());
    expect(hisEvents.at(-1)).toEqual({ event: 'notifications', data: { unread: 2 } });
    expect(JSON.stringify(hisEvents)).not.toContain(meeraVisit);
    expect(JSON.stringify(hisEvents)).not.toContain('K-002');

    // Signing out ends my stream with `session`; Ravi's stays open and hears nothing of it.
    const logout = await fetch(`${world.api}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${meera.token}` },
    });
    expect(logout.status).toBe(200);
    let last = await mine.next();
    while (last && last.event !== 'session') last = await mine.next();
    expect(last).toEqual({ event: 'session', data: { ended: true, reason: 'logout' } });
    expect(await mine.next()).toBeNull();
    await mine.finished;
    expect(his.ended).toBe(false);
    expect(his.pending()).toEqual([]);

    await his.close();
    await waitFor(() => world.hub.core.events.listenerCount() === baseline);
  });

  it('caps streams per session and in all (429), and frees a place when a stream closes', async () => {
    const first = appPatient(world.hub, 'Cap One');
    const second = appPatient(world.hub, 'Cap Two');
    const a = await stream(first);
    await stream(first);
    const third = await fetch(`${world.api}/events`, { headers: { authorization: `Bearer ${first.token}` } });
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(third.headers.get('retry-after')).toBe('3');
    await a.close();
    await waitFor(() => liveStreams() === 1);
    const again = await stream(first);

    for (let i = 0; i < 4; i += 1) await stream(i < 2 ? second : appPatient(world.hub, `Cap ${i}`));
    expect(liveStreams()).toBe(6);
    const beyond = await fetch(`${world.api}/events`, {
      headers: { authorization: `Bearer ${appPatient(world.hub, 'One Too Many').token}` },
    });
    expect(beyond.status).toBe(429);
    await again.close();
    for (const client of clients.splice(0)) await client.close();
    await waitFor(() => world.hub.core.events.listenerCount() === baseline);
  });

  it('describes both routes in the OpenAPI document: the stream as text/event-stream', async () => {
    const document = (await fetch(world.api.replace('/v1', '/openapi.json')).then((r) => r.json())) as {
      paths: Record<
        string,
        { get: { description?: string; responses: Record<string, { content: object }> } }
      >;
    };
    const events = document.paths['/api/v1/events']!.get;
    expect(Object.keys(events.responses['200']!.content)).toEqual(['text/event-stream']);
    expect(events.description).toMatch(/queue.*notifications.*session/s);
    const queue = JSON.stringify(document.paths['/api/v1/queue/me']!.get.responses['200']!.content);
    expect(queue).toContain('not checked in today');
  });

  it('sends a new `queue` when the clinic day turns', async () => {
    const client = await stream(appPatient(world.hub, 'Up Late'));
    const events = [await client.next(), await client.next()];
    expect(events).toContainEqual({ event: 'queue', data: { clinicDate: '2026-11-23', position: null } });
    const now = world.hub.clock.now().toISOString();
    try {
      world.hub.clock.advance(24 * 60);
      expect(await client.next()).toEqual({
        event: 'queue',
        data: { clinicDate: '2026-11-24', position: null },
      });
    } finally {
      world.hub.clock.set(now);
      await client.close();
    }
  });

  it('ends a stream with `session` once the session has expired', async () => {
    const patient = appPatient(world.hub, 'Away Long');
    const client = await stream(patient);
    await client.next();
    await client.next();
    const now = world.hub.clock.now().toISOString();
    try {
      world.hub.clock.advance(8 * 24 * 60); // a patient session ends after 7 days unused
      expect(await client.next()).toEqual({ event: 'session', data: { ended: true, reason: 'expired' } });
      await client.finished;
      expect(client.ended).toBe(true);
    } finally {
      world.hub.clock.set(now);
    }
  });

  it('ends its streams when the gateway closes, leaving no listener behind', async () => {
    const other = createGateway({ core: world.hub.core, dispatcher: world.hub.dispatcher });
    const port = await other.listen(0, '127.0.0.1');
    const client = await SseClient.open(
      `http://127.0.0.1:${port}/api/v1`,
      appPatient(world.hub, 'Closing').token!,
    );
    clients.push(client);
    await client.next();
    expect(world.hub.core.events.listenerCount()).toBeGreaterThan(baseline);
    // Fastify's own close (not only gateway.close(), which also cuts every connection): the
    // channel ends its streams, or the server would wait for them for ever.
    await other.app.close();
    await client.finished;
    expect(client.ended).toBe(true);
    expect(world.hub.core.events.listenerCount()).toBe(baseline);
  });
});

function liveStreams(): number {
  return world.gateway.liveStreams();
}

/** Polls a condition the server reaches on its own (a closed socket seen by the server). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
