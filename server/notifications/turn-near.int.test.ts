import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPatient, gatewayOn, signUpPatient } from '@server/gateway/testing/patient-app';
import { browserKeys, decryptPush, startPushService } from '@server/testing/push-service';
import { insertAppointment, type QueueWorld, queueWorld } from '@server/testing/queue-fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { PushSender } from './push-sender';

let hub: TestHub;
let world: QueueWorld;
let push: PushSender;
let service: Awaited<ReturnType<typeof startPushService>>;
let gateway: { api: string; close(): Promise<void> };
let meera: AppPatient;
const phone = browserKeys();

beforeAll(async () => {
  hub = await createTestHub();
  world = await queueWorld(hub, { fullName: 'Kavita Menon' });
  push = new PushSender(hub.core, { allowLoopbackHttp: true, timeoutMs: 5_000 });
  push.start();
  service = await startPushService();
  gateway = await gatewayOn(hub, { limit: { max: 10_000, windowMs: 60_000 } });
  meera = await signUpPatient(hub.db, gateway.api, { phone: '+91 98450 77777' });
  const subscribed = await fetch(`${gateway.api}/push/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${meera.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint: `${service.origin}/push/meera`, keys: phone.json }),
  });
  expect(subscribed.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await push?.stop();
  await gateway?.close();
  await service?.close();
});

function turnNear() {
  return hub.db.all(
    hub.db.q
      .selectFrom('notifications')
      .select(['patientId', 'channel', 'state', 'subject'])
      .where('kind', '=', 'turn_near'),
  );
}

describe('“your turn is near” on the day', () => {
  it(
    'goes once to the inbox and the phone when at most one patient is ahead',
    { timeout: 30_000 },
    async () => {
      const doctorId = world.doctor.id;
      const asha = insertAppointment(hub.db, { doctorId, time: '09:00', patientName: 'Asha Rao' });
      const ravi = insertAppointment(hub.db, { doctorId, time: '09:30', patientName: 'Ravi Kumar' });
      const mine = insertAppointment(hub.db, { doctorId, time: '10:00', patientId: meera.patientId });
      for (const appointmentId of [asha, ravi, mine])
        await hub.call(world.reception, 'queue.checkIn', { appointmentId });
      // Asha and Ravi are ahead (they have no app account: nothing for them).
      expect(turnNear()).toEqual([]);
      // The doctor calls Asha (current now, as in the queue's estimates): only Ravi is ahead of Meera.
      const called = await hub.call(world.doctorCaller, 'queue.callNext', { doctorId });
      expect(turnNear()).toEqual([
        {
          patientId: meera.patientId,
          channel: 'in_app',
          state: 'sent',
          subject: expect.stringContaining('K-') as string,
        },
      ]);
      const [request] = await service.requests(1);
      await push.idle();
      const payload = JSON.parse(decryptPush(request!.body, phone)) as Record<string, string>;
      expect(payload).toEqual({
        title: expect.stringContaining('Your turn is near') as string,
        body: expect.stringContaining('Dr Kavita Menon') as string,
        url: '/',
      });
      // Later queue changes do not repeat it.
      await hub.call(world.doctorCaller, 'queue.startConsultation', { id: called!.id });
      expect(turnNear()).toHaveLength(1);
    },
  );
});
