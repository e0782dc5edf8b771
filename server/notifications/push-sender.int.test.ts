import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToInstant } from '@shared/rules/zoned-time';
import { appClient, type AppPatient, gatewayOn, signUpPatient } from '@server/gateway/testing/patient-app';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { browserKeys, decryptPush, startPushService, verifyVapid } from '@server/testing/push-service';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { deliverDueInApp } from './due-reminders';
import { vapidKeys } from './push-keys.repository';
import { PushSender } from './push-sender';
import { PushSignal } from './push-signal';

const at = (date: string, time: string) => localToInstant(date, time, 'Asia/Kolkata');

let hub: TestHub;
let push: PushSender;
let service: Awaited<ReturnType<typeof startPushService>>;
let gateway: { api: string; close(): Promise<void> };
let meera: AppPatient;
let doctorId: string;
/** Every answer the app got, to look for the private key in. */
const answers: unknown[] = [];

beforeAll(async () => {
  hub = await createTestHub();
  const doctor = insertDoctor(hub.db, {
    fullName: 'Dr Kavita Menon',
    bufferOverride: { before: 0, after: 0 },
  });
  weekdaySchedule(hub.db, doctor.id);
  doctorId = doctor.id;
  push = new PushSender(hub.core, { allowLoopbackHttp: true, timeoutMs: 5_000 });
  push.start();
  service = await startPushService();
  gateway = await gatewayOn(hub, { limit: { max: 10_000, windowMs: 60_000 } });
  meera = await signUpPatient(hub.db, gateway.api, { phone: '+91 98450 77777' });
}, 60_000);

afterAll(async () => {
  await push?.stop();
  await gateway?.close();
  await service?.close();
});

async function app<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) {
  const response = await fetch(`${gateway.api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${meera.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = { status: response.status, body: (await response.json()) as T };
  answers.push(answer.body);
  return answer;
}

function subscriptions() {
  return hub.db.all(hub.db.q.selectFrom('push_subscriptions').selectAll());
}

describe('Web Push to the patient’s phone', () => {
  const phone = browserKeys();
  let endpoint: string;

  it('answers the VAPID public key; the key pair was made once and stays on the hub', async () => {
    const keys = vapidKeys(hub.db)!;
    expect(keys.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const answer = await app<{ publicKey: string }>('GET', '/push/key');
    expect(answer).toEqual({ status: 200, body: { publicKey: keys.publicKey } });
    // A second sender (a restart) keeps the same pair.
    new PushSender(hub.core, { allowLoopbackHttp: true });
    expect(vapidKeys(hub.db)).toEqual(keys);
  });

  it('subscribes with the browser’s PushSubscription JSON; refuses a non-https endpoint', async () => {
    endpoint = `${service.origin}/push/meera-phone`;
    const refused = await app<{ error: { code: string; fields: { field: string }[] } }>(
      'POST',
      '/push/subscriptions',
      { endpoint: 'http://push.example.com/x', expirationTime: null, keys: phone.json },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.map((f) => f.field)).toContain('endpoint');
    // http://127.0.0.1 only because this hub's sender was started with the test option.
    expect(new PushSignal().endpointProblem(endpoint)).toBe('must be an https URL');
    // Only the browsers' push services: a phone cannot aim the hub at the clinic's own network.
    const inside = await app<{ error: { fields: { field: string; message: string }[] } }>(
      'POST',
      '/push/subscriptions',
      { endpoint: 'https://192.168.1.10/admin', expirationTime: null, keys: phone.json },
    );
    expect(inside.status).toBe(422);
    expect(inside.body.error.fields[0]).toMatchObject({ field: 'endpoint' });
    for (const real of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/abc',
      'https://wns2-by3p.notify.windows.com/w/?token=abc',
    ]) {
      expect(new PushSignal().endpointProblem(real), real).toBeNull();
    }
    expect(new PushSignal().endpointProblem('https://fcm.googleapis.com.evil.example/x')).not.toBeNull();
    const ok = await app('POST', '/push/subscriptions', { endpoint, expirationTime: null, keys: phone.json });
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    expect(subscriptions()).toMatchObject([{ patientId: meera.patientId, endpoint, ...phone.json }]);
  });

  it(
    'pushes the reminder when it reaches the inbox: encrypted (aes128gcm), signed (VAPID)',
    { timeout: 15_000 },
    async () => {
      const booked = await appClient(gateway.api, meera.token).post('/appointments', {
        doctorId,
        startsAt: at('2026-11-24', '10:00'),
      });
      expect(booked.status).toBe(201);
      expect(service.received).toHaveLength(0); // the reminder is due the day before at 18:00
      hub.clock.set(at('2026-11-23', '18:01'));
      deliverDueInApp(hub.core);
      const [request] = await service.requests(1);
      await push.idle();

      expect(request!.path).toBe('/push/meera-phone');
      expect(request!.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(request!.headers.ttl)).toBeGreaterThan(0);
      const claims = verifyVapid(request!.headers.authorization, {
        publicKey: vapidKeys(hub.db)!.publicKey,
        audience: service.origin,
        nowSeconds: Date.now() / 1000,
      });
      expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
      expect(claims.sub).toMatch(/^mailto:/);
      const payload = JSON.parse(decryptPush(request!.body, phone)) as Record<string, string>;
      expect(payload).toEqual({
        title: expect.stringContaining('Reminder') as string,
        body: expect.stringContaining('Dr Kavita Menon') as string,
        url: '/appointments',
      });
      expect(subscriptions()[0]!.lastSuccessAt).not.toBeNull();
    },
  );

  it(
    'a 410 removes the subscription; the inbox keeps the message and SMS is unchanged',
    { timeout: 15_000 },
    async () => {
      service.answer('/push/meera-phone', 410);
      hub.clock.set(at('2026-11-23', '18:30'));
      const booked = await appClient(gateway.api, meera.token).post('/appointments', {
        doctorId,
        startsAt: at('2026-11-25', '11:00'),
      });
      expect(booked.status).toBe(201);
      hub.clock.set(at('2026-11-24', '18:01'));
      deliverDueInApp(hub.core);
      await service.requests(2);
      await push.idle();
      expect(subscriptions()).toEqual([]);
      const reminders = hub.db.all(
        hub.db.q
          .selectFrom('notifications')
          .select(['channel', 'state'])
          .where('patientId', '=', meera.patientId)
          .where('kind', '=', 'reminder')
          .orderBy('channel'),
      );
      expect(reminders.filter((r) => r.channel === 'in_app').map((r) => r.state)).toEqual(['sent', 'sent']);
      expect(reminders.filter((r) => r.channel === 'sms').map((r) => r.state)).toEqual([
        'pending',
        'pending',
      ]);
    },
  );

  it('unsubscribes by endpoint', async () => {
    await app('POST', '/push/subscriptions', { endpoint, keys: phone.json });
    expect(subscriptions()).toHaveLength(1);
    expect(await app('DELETE', '/push/subscriptions', { endpoint })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(subscriptions()).toEqual([]);
  });

  it('never shows the private key: not in any answer, not in the sync change log', () => {
    const { privateKey } = vapidKeys(hub.db)!;
    expect(JSON.stringify(answers)).not.toContain(privateKey);
    const changes = hub.db.sqlite.prepare('SELECT * FROM changes').all();
    expect(JSON.stringify(changes)).not.toContain(privateKey);
    expect(JSON.stringify(changes)).not.toContain('push_');
  });
});
