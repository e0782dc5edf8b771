import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, visitWorld } from '@server/testing/visit-world';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { DeliveryWorker } from './delivery-worker';
import { type SmtpSink, startSmtpSink, useTestMailServer } from '@server/testing/delivery';

/**
 * The whole path a patient sees: a desk booking writes its messages with the booking, the hub's
 * worker sends them over SMTP (a real server in this process) and to the simulated SMS outbox,
 * and the reminder goes the evening before — by the hub's clock, not the test's.
 */
describe('messages from a booking to the patient', () => {
  let hub: TestHub;
  let sink: SmtpSink;
  let worker: DeliveryWorker;

  beforeEach(async () => {
    hub = await createTestHub(); // Monday 23 Nov 2026, 08:00 in Kolkata
    sink = await startSmtpSink();
    useTestMailServer(hub.db, sink.port);
    worker = new DeliveryWorker(hub.core, { pollMs: 60_000 });
    worker.start();
  });
  afterEach(async () => {
    await worker.stop();
    await sink.close();
    hub.close();
  });

  const outbox = (appointmentId: string) =>
    hub.db.all(
      hub.db.q
        .selectFrom('notifications')
        .select(['kind', 'channel', 'state', 'recipient', 'body'])
        .where('aboutId', '=', appointmentId)
        .orderBy('kind')
        .orderBy('channel'),
    );

  it('confirms a booking by e-mail and SMS at once, and reminds the evening before', async () => {
    const world = await visitWorld(hub);
    const patient = await world.register({
      fullName: 'Asha Rao',
      phone: '+91 98450 12345',
      email: 'asha@example.in',
    });
    // Tuesday 10:30: the reminder is due Monday 18:00 clinic time (the default rule).
    const { appointment } = await hub.call(world.reception, 'appointments.book', {
      id: crypto.randomUUID(),
      patientId: patient.id,
      doctorId: world.doctorId,
      startsAt: at('10:30', '2026-11-24'),
    });

    await sink.until(() => sink.received.length === 1, 'the booking confirmation');
    const [confirmation] = sink.received;
    expect(confirmation!.to).toMatchObject({ text: 'asha@example.in' });
    expect(confirmation!.subject).toBe('Appointment confirmed: Tue 24 Nov 2026 at 10:30');
    expect(confirmation!.text).toContain(appointment.number!);
    await worker.whenDrained();
    expect(outbox(appointment.id).map((m) => [m.kind, m.channel, m.state])).toEqual([
      ['booking_confirmation', 'email', 'sent'],
      ['booking_confirmation', 'sms', 'sent'],
      ['reminder', 'email', 'pending'],
      ['reminder', 'sms', 'pending'],
    ]);

    hub.clock.set(at('17:59'));
    await worker.whenDrained();
    expect(sink.received).toHaveLength(1);

    hub.clock.set(at('18:00'));
    worker.wake();
    await sink.until(() => sink.received.length === 2, 'the reminder');
    expect(sink.received[1]!.subject).toBe('Reminder: Dr Kavita Menon on Tue 24 Nov 2026 at 10:30');
    await worker.whenDrained();
    expect(
      outbox(appointment.id)
        .filter((m) => m.kind === 'reminder')
        .map((m) => m.state),
    ).toEqual(['sent', 'sent']);
    expect(sink.received).toHaveLength(2);
  });
});
