import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { DeliveryWorker } from '@server/notifications/delivery-worker';
import { writeSmtpSettings } from '@server/notifications/mail-settings.repository';
import { insertPatients } from './generate-data';
import { benchDoctors, benchHub, percentile, timeAsyncMs } from './bench-hub';

const NOW = '2026-11-23T02:30:00.000Z'; // Monday 08:00 in Kolkata
const REMINDERS = 10_000;
const BOOKINGS = 400;
const CLIENTS = 8;

/**
 * Issue 15's figures: 10,000 reminders falling due at once, delivered over SMTP to a local sink
 * (smtp-server on 127.0.0.1 that accepts everything), and desk bookings' p99 while that drain runs
 * against the same number of bookings with nothing to send. Returns figures keyed as in the issue.
 */
export async function notificationsBench(): Promise<Record<string, number>> {
  const sink = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback());
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = (sink.server.address() as { port: number }).port;
  const hub = await benchHub(NOW);
  try {
    const doctors = benchDoctors(hub.db, 5, 15);
    const patients = insertPatients(hub.db, BOOKINGS * 2);
    writeSmtpSettings(
      hub.db,
      {
        enabled: true,
        host: '127.0.0.1',
        port,
        security: 'none',
        username: '',
        fromAddress: 'care@bench-clinic.example',
        fromName: 'Bench Clinic',
        password: null,
      },
      NOW,
    );
    const firstSlot = Date.parse('2026-11-24T02:30:00.000Z');
    let slot = 0;
    const book = async (patientId: string) => {
      const i = slot++;
      const start = process.hrtime.bigint();
      await hub.call(hub.receptionist, 'appointments.book', {
        id: randomUUID(),
        patientId,
        doctorId: doctors[i % doctors.length]!,
        startsAt: new Date(
          firstSlot +
            Math.floor(i / doctors.length) * 15 * 60_000 +
            Math.floor(i / (doctors.length * 48)) * (86_400_000 - 48 * 15 * 60_000),
        ).toISOString(),
      });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const deskMorning = async (patientIds: string[]) => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < patientIds.length) latencies.push(await book(patientIds[next++]!));
        }),
      );
      return percentile(latencies, 99);
    };

    const idleP99 = await deskMorning(patients.slice(0, BOOKINGS));

    const dueMs = Date.parse(NOW);
    hub.db.transaction(() => {
      const insert = hub.db.sqlite.prepare(
        `INSERT INTO notifications (id, dedupeKey, kind, channel, language, recipient, subject, body, state,
           dueMs, nextAttemptMs, createdAt, updatedAt)
         VALUES (?, ?, 'reminder', 'email', 'en', ?, 'Reminder: Dr Bench on 24 Nov at 10:00', ?, 'pending', ?, ?, ?, ?)`,
      );
      for (let i = 0; i < REMINDERS; i++) {
        insert.run(
          randomUUID(),
          `bench:${i}`,
          `patient${i}@bench.example`,
          'Dear patient,\n\nThis is a reminder.',
          dueMs,
          dueMs,
          NOW,
          NOW,
        );
      }
    });
    const worker = new DeliveryWorker(hub.core);
    let drainMs = 0;
    const drain = timeAsyncMs(async () => {
      worker.start();
      await worker.whenDrained();
    }).then((ms) => (drainMs = ms));
    const drainingP99 = await deskMorning(patients.slice(BOOKINGS));
    await drain;
    await worker.stop();
    return {
      reminders_drain_per_s: Math.round((REMINDERS / drainMs) * 1000),
      reminders_sent: worker.stats.sent,
      booking_p99_ms_idle: Math.round(idleP99 * 10) / 10,
      booking_p99_ms_while_draining: Math.round(drainingP99 * 10) / 10,
    };
  } finally {
    hub.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}

if (process.argv[1]?.endsWith('notifications-bench.ts')) {
  console.log(JSON.stringify(await notificationsBench(), null, 2));
}
