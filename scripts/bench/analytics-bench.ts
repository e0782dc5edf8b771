import { randomUUID } from 'node:crypto';
import type { Db } from '@server/db/database';
import { benchDoctors, benchHub, percentile, timeAsyncMs } from './bench-hub';
import { insertPatients, seededRandom } from './generate-data';

const NOW = '2026-11-23T02:30:00.000Z'; // Monday 08:00 in Kolkata
const DAY_MS = 86_400_000;
const SLOT_MS = 30 * 60_000;
const IST_MS = 5.5 * 3_600_000;
const MODES = ['cash', 'card', 'upi'] as const;

/**
 * A year of a busy clinic written directly (the columns the handlers write): every doctor's
 * 16 daily slots from 09:00, completed (80 %), cancelled or no-show, each completed visit billed
 * and paid, one in ten in two instalments. Returns the row counts.
 */
export function insertClinicYear(
  db: Db,
  doctorIds: string[],
  patientIds: string[],
  fromMs: number,
  days: number,
) {
  const random = seededRandom(7);
  const appointment = db.sqlite.prepare(
    `INSERT INTO appointments (id, number, patientId, doctorId, startsAt, endsAt, startMs, endMs, clinicDate,
       bufferBeforeMinutes, bufferAfterMinutes, type, mode, status, bookedVia, createdAt, updatedAt)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'NEW_VISIT', 'IN_PERSON', ?, 'staff', ?, ?)`,
  );
  const bill = db.sqlite.prepare(
    `INSERT INTO bills (id, number, patientId, appointmentId, doctorId, currency, discount, subtotal, discountTotal,
       total, paid, outstanding, status, createdAt, updatedAt)
     VALUES (?, NULL, ?, ?, ?, 'INR', NULL, 50000, 0, 50000, ?, ?, ?, ?, ?)`,
  );
  const payment = db.sqlite.prepare(
    `INSERT INTO payments (id, billId, kind, amount, mode, reference, reason, receiptNumber, recordedBy, at)
     VALUES (?, ?, 'payment', ?, ?, '', '', NULL, 'bench', ?)`,
  );
  let appointments = 0;
  let payments = 0;
  db.sqlite.transaction(() => {
    for (let day = 0; day < days; day++) {
      for (const doctorId of doctorIds) {
        for (let slot = 0; slot < 16; slot++) {
          const startMs = fromMs + day * DAY_MS + 3.5 * 3_600_000 + slot * SLOT_MS;
          const starts = new Date(startMs).toISOString();
          const clinicDate = new Date(startMs + IST_MS).toISOString().slice(0, 10);
          const roll = random();
          const status = roll < 0.8 ? 'COMPLETED' : roll < 0.9 ? 'CANCELLED' : 'NO_SHOW';
          const patientId = patientIds[Math.floor(random() * patientIds.length)]!;
          const id = randomUUID();
          appointment.run(
            id,
            patientId,
            doctorId,
            starts,
            new Date(startMs + SLOT_MS).toISOString(),
            startMs,
            startMs + SLOT_MS,
            clinicDate,
            status,
            starts,
            starts,
          );
          appointments += 1;
          if (status !== 'COMPLETED') continue;
          const billId = randomUUID();
          const paidAt = new Date(startMs + SLOT_MS).toISOString();
          const split = random() < 0.1;
          const first = split ? 30_000 : 50_000;
          bill.run(billId, patientId, id, doctorId, 50_000, 0, 'PAID', paidAt, paidAt);
          payment.run(randomUUID(), billId, first, MODES[Math.floor(random() * 3)], paidAt);
          payments += 1;
          if (split) {
            payment.run(randomUUID(), billId, 20_000, MODES[Math.floor(random() * 3)], paidAt);
            payments += 1;
          }
        }
      }
    }
  })();
  return { appointments, payments };
}

/** analytics.dashboard and its exports over a year of data (5 doctors, ~29,000 appointments). */
export async function analyticsAtScale(figures: Record<string, number>): Promise<void> {
  const hub = await benchHub(NOW);
  const doctors = benchDoctors(hub.db, 5, 30);
  const patients = insertPatients(hub.db, 20_000);
  const rows = insertClinicYear(hub.db, doctors, patients, Date.parse('2025-11-23T18:30:00.000Z'), 365);
  figures.analytics_year_appointments = rows.appointments;
  figures.analytics_year_payments = rows.payments;
  const year = { fromDate: '2025-11-24', toDate: '2026-11-23' };
  const sample = async (fn: () => Promise<unknown>, runs = 15) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timeAsyncMs(fn));
    return Number(percentile(samples, 50).toFixed(2));
  };
  figures.analytics_year_monthly_p50_ms = await sample(() =>
    hub.call(hub.admin, 'analytics.dashboard', { ...year, granularity: 'month' }),
  );
  figures.analytics_year_daily_p50_ms = await sample(() =>
    hub.call(hub.admin, 'analytics.dashboard', { ...year, granularity: 'day' }),
  );
  figures.analytics_year_csv_p50_ms = await sample(
    () => hub.call(hub.admin, 'analytics.export', { ...year, format: 'csv' }),
    5,
  );
  figures.analytics_year_pdf_p50_ms = await sample(
    () => hub.call(hub.admin, 'analytics.export', { ...year, format: 'pdf' }),
    5,
  );
  hub.close();
}
