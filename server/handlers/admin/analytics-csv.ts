import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { currencyExponent, toDecimalString } from '@shared/rules/money';
import type { AnalyticsExport } from '@server/documents/analytics.document';

/**
 * The dashboard as one CSV file (RFC 4180 via csv-stringify: CRLF, quoting; a UTF-8 byte order
 * mark so spreadsheet programs read ₹ and Devanagari names): a titled section per table,
 * separated by empty rows. Amounts are decimal numbers in the clinic's currency.
 */
export function analyticsCsv(data: AnalyticsExport): string {
  const { dashboard } = data;
  const { currency } = data.clinic;
  // Amounts in major units with exact decimals, e.g. 123450 INR → "1234.50" (for spreadsheets).
  const exponent = currencyExponent(currency);
  const money = (minor: number) => toDecimalString(minor, exponent);
  const sum = (pick: (day: (typeof dashboard.days)[number]) => number) =>
    dashboard.days.reduce((total, day) => total + pick(day), 0);
  const unit = `(${currency})`;
  const rows: unknown[][] = [
    ['Clinic analytics', data.clinic.clinicName],
    ['From', data.fromDate],
    ['To', data.toDate],
    ['Generated', clinicTime(data.generatedAt, data.clinic.timeZone)],
    ['Appointments', sum((d) => d.total)],
    ['Completed', sum((d) => d.completed)],
    ['Cancelled', sum((d) => d.cancelled)],
    ['No-shows', sum((d) => d.noShow)],
    ['No-show rate', dashboard.noShowRate],
    [`Revenue ${unit}`, money(sum((d) => d.revenue))],
    [],
    ['Daily summary'],
    ['Date', 'Appointments', 'Completed', 'Cancelled', 'No-shows', `Revenue ${unit}`],
    ...dashboard.days.map((d) => [d.date, d.total, d.completed, d.cancelled, d.noShow, money(d.revenue)]),
    [],
    [`Revenue by ${data.granularity}`],
    ['Period', `Total ${unit}`, 'Cash', 'Card', 'UPI'],
    ...dashboard.revenue.map((r) => [
      r.period,
      money(r.total),
      money(r.byMode.cash),
      money(r.byMode.card),
      money(r.byMode.upi),
    ]),
    [],
    ['Doctors'],
    ['Doctor', 'Consultations', `Revenue ${unit}`, 'No-show rate'],
    ...dashboard.doctors.map((d) => [
      data.doctorNames.get(d.doctorId) ?? d.doctorId,
      d.consultations,
      money(d.revenue),
      d.noShowRate,
    ]),
    [],
    ['Visits by hour'],
    ['Hour', 'Visits'],
    ...dashboard.peakHours.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, h.visits]),
    [],
    ['Popular slots'],
    ['Time', 'Bookings'],
    ...dashboard.popularSlots.map((s) => [s.localTime, s.bookings]),
    [],
    [`Patients by ${data.granularity}`],
    ['Period', 'New patients', 'Returning patients'],
    ...dashboard.patientTrends.map((t) => [t.period, t.newPatients, t.returningPatients]),
  ];
  return stringify(rows, { bom: true, record_delimiter: 'windows' });
}

/** An instant in the clinic's time with its offset, e.g. 2026-11-25T11:00:00+05:30. */
function clinicTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
