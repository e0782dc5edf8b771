import type { ResultOf } from '@shared/contract/index';
import type { PaymentMode } from '@shared/domain/billing.schema';
import type { Db } from '@server/db/database';
import { datesBetween, type Granularity, periodOf, periodsBetween } from './analytics-periods';
import {
  type AnalyticsRange,
  appointmentCounts,
  collectionsByDay,
  collectionsByDoctor,
  doctorList,
  patientVisitCounts,
  timeOfDayCounts,
} from './analytics.repository';

export type Dashboard = ResultOf<'analytics.dashboard'>;

/** The longest range one dashboard covers (about three years of daily rows). */
export const MAX_RANGE_DAYS = 1_100;
const POPULAR_SLOTS = 10;

type Split = Record<PaymentMode, number>;
const emptySplit = (): Split => ({ cash: 0, card: 0, upi: 0 });
const isMode = (mode: string): mode is PaymentMode => mode === 'cash' || mode === 'card' || mode === 'upi';
/** Shares are given to four decimal places (0.1667), so exports and screens agree. */
const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The no-show rate counts appointments whose outcome is known: the patient came (checked in or
 * completed) or did not (no-show). Cancelled and still-upcoming appointments are left out.
 */
const outcomeStatuses = new Set(['CHECKED_IN', 'COMPLETED', 'NO_SHOW']);

/**
 * The admin dashboard (docs/product.md §11) for a range of clinic dates. Revenue is money collected (payments
 * minus refunds, by the local date they were taken); appointment figures count by the clinic date
 * of the appointment. Every date and period of the range is listed, with zeros where nothing
 * happened, so charts have a continuous axis.
 */
export function buildDashboard(
  db: Db,
  range: AnalyticsRange,
  granularity: Granularity,
): Dashboard & { doctorNames: Map<string, string> } {
  const dates = datesBetween(range.fromDate, range.toDate);
  const days = new Map(
    dates.map((date) => [date, { date, total: 0, completed: 0, cancelled: 0, noShow: 0, revenue: 0 }]),
  );
  const perDoctor = new Map<
    string,
    { consultations: number; noShow: number; outcomes: number; revenue: number }
  >();
  const doctorEntry = (doctorId: string) => {
    let entry = perDoctor.get(doctorId);
    if (!entry) perDoctor.set(doctorId, (entry = { consultations: 0, noShow: 0, outcomes: 0, revenue: 0 }));
    return entry;
  };
  let noShows = 0;
  let outcomes = 0;
  for (const row of appointmentCounts(db, range)) {
    const n = Number(row.n);
    const day = days.get(row.clinicDate);
    const doctor = doctorEntry(row.doctorId);
    if (day) day.total += n;
    if (row.status === 'COMPLETED') {
      if (day) day.completed += n;
      doctor.consultations += n;
    } else if (row.status === 'CANCELLED' && day) day.cancelled += n;
    else if (row.status === 'NO_SHOW') {
      if (day) day.noShow += n;
      doctor.noShow += n;
      noShows += n;
    }
    if (outcomeStatuses.has(row.status)) {
      doctor.outcomes += n;
      outcomes += n;
    }
  }

  const revenue = new Map(
    periodsBetween(range.fromDate, range.toDate, granularity).map((period) => [
      period,
      { period, granularity, total: 0, byMode: emptySplit() },
    ]),
  );
  for (const row of collectionsByDay(db, range)) {
    const amount = Number(row.amount);
    const day = days.get(row.date);
    if (day) day.revenue += amount;
    const period = revenue.get(periodOf(row.date, granularity));
    if (period && isMode(row.mode)) {
      period.byMode[row.mode] += amount;
      period.total += amount;
    }
  }
  for (const row of collectionsByDoctor(db, range)) {
    if (row.doctorId) doctorEntry(row.doctorId).revenue += Number(row.amount);
  }

  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, visits: 0 }));
  const slots: { localTime: string; bookings: number; minute: number }[] = [];
  for (const row of timeOfDayCounts(db, range)) {
    const minute = Number(row.minute);
    hours[Math.floor(minute / 60)]!.visits += Number(row.visits);
    const bookings = Number(row.bookings);
    if (bookings > 0)
      slots.push({ localTime: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, bookings, minute });
  }
  slots.sort((a, b) => b.bookings - a.bookings || a.minute - b.minute);

  const trends = new Map(
    periodsBetween(range.fromDate, range.toDate, granularity).map((period) => [
      period,
      { period, newPatients: 0, returningPatients: 0 },
    ]),
  );
  for (const row of patientVisitCounts(db, range, granularity)) {
    const trend = trends.get(row.period);
    if (!trend) continue;
    trend.newPatients = Number(row.newPatients);
    trend.returningPatients = Number(row.patients) - Number(row.newPatients);
  }

  const doctorNames = new Map<string, string>();
  const doctors: Dashboard['doctors'] = [];
  for (const doctor of doctorList(db)) {
    doctorNames.set(doctor.id, doctor.fullName);
    const figures = perDoctor.get(doctor.id);
    if (!figures && doctor.active !== 1) continue;
    doctors.push({
      doctorId: doctor.id,
      consultations: figures?.consultations ?? 0,
      revenue: figures?.revenue ?? 0,
      noShowRate: rate(figures?.noShow ?? 0, figures?.outcomes ?? 0),
    });
  }

  return {
    days: [...days.values()],
    revenue: [...revenue.values()],
    doctors,
    noShowRate: rate(noShows, outcomes),
    peakHours: hours,
    popularSlots: slots.slice(0, POPULAR_SLOTS).map(({ localTime, bookings }) => ({ localTime, bookings })),
    patientTrends: [...trends.values()],
    doctorNames,
  };
}

export type PeriodSummary = Omit<Dashboard['days'][number], 'date'> & { period: string };

/**
 * The daily summary rolled up into periods (for reports over long ranges); by day, days with
 * neither appointments nor takings are left out.
 */
export function summaryByPeriod(days: Dashboard['days'], granularity: Granularity): PeriodSummary[] {
  const periods = new Map<string, PeriodSummary>();
  for (const { date, ...figures } of days) {
    if (granularity === 'day' && figures.total === 0 && figures.revenue === 0) continue;
    const period = periodOf(date, granularity);
    const row = periods.get(period);
    if (!row) {
      periods.set(period, { period, ...figures });
      continue;
    }
    row.total += figures.total;
    row.completed += figures.completed;
    row.cancelled += figures.cancelled;
    row.noShow += figures.noShow;
    row.revenue += figures.revenue;
  }
  return [...periods.values()];
}
