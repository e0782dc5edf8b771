import { type Compilable, type RawBuilder, sql } from 'kysely';
import type { Db } from '@server/db/database';
import { clinicDayBounds } from '@server/handlers/billing/clinic-day';
import { byOffset, type Granularity, offsetSegments, periodSql } from './analytics-periods';

/**
 * The SQL aggregates behind the analytics dashboard (docs/product.md §11). Each is one query over an index
 * range: appointments by `clinicDate` (appointments_day), payments by `at` (payments_day). Wall
 * clock values (a payment's local date, an appointment's local time of day) come from the
 * clinic zone's offsets over the range (analytics-periods.ts), so they are right across DST.
 */
export interface AnalyticsRange {
  fromDate: string;
  toDate: string;
  zone: string;
}

const compiled = <R>(db: Db, query: RawBuilder<R>): Compilable<R> => ({ compile: () => query.compile(db.q) });
const lit = (value: number) => sql.lit(Math.trunc(value));
const minutesModifier = (offset: number) => `${offset >= 0 ? '+' : ''}${offset} minutes`;

function bounds(range: AnalyticsRange) {
  const from = clinicDayBounds(range.fromDate, range.zone).from;
  const to = clinicDayBounds(range.toDate, range.zone).to;
  return { from, to, segments: offsetSegments(Date.parse(from), Date.parse(to), range.zone) };
}

/** Appointments per clinic date, doctor and status. */
export function appointmentCounts(db: Db, range: AnalyticsRange) {
  return db.all(
    db.q
      .selectFrom('appointments')
      .select((eb) => ['clinicDate', 'doctorId', 'status', eb.fn.countAll<number>().as('n')])
      .where('clinicDate', '>=', range.fromDate)
      .where('clinicDate', '<=', range.toDate)
      .groupBy(['clinicDate', 'doctorId', 'status']),
  );
}

/** Net collections (payments minus refunds) per local date and payment mode. */
export function collectionsByDay(db: Db, range: AnalyticsRange) {
  const { from, to, segments } = bounds(range);
  const localDate = byOffset(
    segments,
    (untilMs) => sql`at < ${new Date(untilMs).toISOString()}`,
    (offset) => sql<string>`date(at, ${minutesModifier(offset)})`,
  );
  return db.all(
    compiled(
      db,
      sql<{ date: string; mode: string; amount: number }>`
        SELECT ${localDate} AS date, mode, SUM(amount) AS amount
        FROM payments
        WHERE at >= ${from} AND at < ${to}
        GROUP BY 1, 2`,
    ),
  );
}

/** Net collections per doctor (the bill's doctor; bills without one are left out). */
export function collectionsByDoctor(db: Db, range: AnalyticsRange) {
  const { from, to } = bounds(range);
  return db.all(
    db.q
      .selectFrom('payments')
      .innerJoin('bills', 'bills.id', 'payments.billId')
      .select((eb) => ['bills.doctorId as doctorId', eb.fn.sum<number>('payments.amount').as('amount')])
      .where('payments.at', '>=', from)
      .where('payments.at', '<', to)
      .where('bills.doctorId', 'is not', null)
      .groupBy('bills.doctorId'),
  );
}

/**
 * Per local minute of the day (e.g. 600 = 10:00): visits (patients who came: checked in or
 * completed) and bookings (every appointment on a slot, whatever became of it).
 */
export function timeOfDayCounts(db: Db, range: AnalyticsRange) {
  const { segments } = bounds(range);
  const minute = byOffset(
    segments,
    (untilMs) => sql`startMs < ${lit(untilMs)}`,
    (offset) => sql<number>`((startMs + ${lit(offset * 60_000)}) / 60000) % 1440`,
  );
  return db.all(
    compiled(
      db,
      sql<{ minute: number; visits: number; bookings: number }>`
        SELECT ${minute} AS minute,
          SUM(status IN ('CHECKED_IN', 'COMPLETED')) AS visits,
          SUM(slotless = 0) AS bookings
        FROM appointments
        WHERE clinicDate >= ${range.fromDate} AND clinicDate <= ${range.toDate}
        GROUP BY 1`,
    ),
  );
}

/**
 * Per period: patients with a completed visit, and how many of them were new (their first
 * completed visit ever falls in the period). Visits are first reduced to one row per patient and
 * period (the earliest); the earlier-visit check then walks that patient's own appointments
 * (appointments_patient_time). The unary `+` keeps SQLite from using appointments_status for
 * `status = 'COMPLETED'` here, which matches most rows and would make the check quadratic.
 */
export function patientVisitCounts(db: Db, range: AnalyticsRange, granularity: Granularity) {
  const period = periodSql(sql.ref('clinicDate'), granularity);
  return db.all(
    compiled(
      db,
      sql<{ period: string; patients: number; newPatients: number }>`
        SELECT period, COUNT(*) AS patients,
          SUM(NOT EXISTS (
            SELECT 1 FROM appointments earlier
            WHERE earlier.patientId = visit.patientId AND +earlier.status = 'COMPLETED'
              AND earlier.startMs < visit.firstMs
          )) AS newPatients
        FROM (
          SELECT ${period} AS period, patientId, MIN(startMs) AS firstMs
          FROM appointments
          WHERE clinicDate >= ${range.fromDate} AND clinicDate <= ${range.toDate} AND +status = 'COMPLETED'
          GROUP BY 1, 2
        ) AS visit
        GROUP BY period`,
    ),
  );
}

/** Doctors (id, name, active), by name. */
export function doctorList(db: Db) {
  return db.all(db.q.selectFrom('doctors').select(['id', 'fullName', 'active']).orderBy('fullName'));
}
