import type { ResultOf } from '@shared/contract/index';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { clinicHeader } from './clinic-header';
import { documentFormat } from './document-format';
import { sectionTitle, table } from './pdf-blocks';
import { type Paper, PdfCanvas } from './pdf-canvas';

/** What the analytics export shows: the dashboard for a range, with doctor names. */
export interface AnalyticsExport {
  clinic: ClinicSettings;
  fromDate: string;
  toDate: string;
  granularity: 'day' | 'week' | 'month';
  generatedAt: string;
  dashboard: ResultOf<'analytics.dashboard'>;
  doctorNames: ReadonlyMap<string, string>;
  /** Appointments and takings per day (active days only), week or month, as `granularity` says. */
  byPeriod: readonly {
    period: string;
    total: number;
    completed: number;
    cancelled: number;
    noShow: number;
    revenue: number;
  }[];
}

const hasPayments = (modes: { cash: number; card: number; upi: number }) =>
  modes.cash !== 0 || modes.card !== 0 || modes.upi !== 0;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const PERIOD_NAMES = { day: 'day', week: 'week', month: 'month' } as const;

/** Figures in shaded tiles, several to a row. */
function tiles(canvas: PdfCanvas, items: readonly { label: string; value: string }[], perRow: number) {
  const gap = canvas.u(8);
  const width = (canvas.width - gap * (perRow - 1)) / perRow;
  const height = canvas.lineHeight({ size: 'tiny' }) + canvas.lineHeight({ size: 'title' }) + canvas.u(12);
  for (let start = 0; start < items.length; start += perRow) {
    canvas.ensure(height);
    items.slice(start, start + perRow).forEach((item, index) => {
      const x = canvas.left + index * (width + gap);
      canvas.rect(x, canvas.y, width, height, { fill: 'shade' });
      const inner = canvas.u(8);
      canvas.drawLine(item.label.toLocaleUpperCase('en'), x + inner, canvas.y + canvas.u(6), {
        size: 'tiny',
        bold: true,
        tone: 'muted',
      });
      canvas.drawLine(item.value, x + inner, canvas.y + canvas.u(6) + canvas.lineHeight({ size: 'tiny' }), {
        size: 'title',
        bold: true,
        tone: 'accent',
      });
    });
    canvas.advance(height + gap);
  }
}

/** Horizontal bars: label, bar proportional to the largest value, the value. */
function bars(canvas: PdfCanvas, rows: readonly { label: string; value: number }[]) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  const labelWidth = canvas.u(56);
  const valueWidth = canvas.u(40);
  const barWidth = canvas.width - labelWidth - valueWidth - canvas.u(12);
  const lineHeight = canvas.lineHeight({ size: 'small' }) + canvas.u(2);
  for (const row of rows) {
    canvas.ensure(lineHeight);
    canvas.drawLine(row.label, canvas.left, canvas.y, { size: 'small' });
    const width = Math.max(1, (row.value / max) * barWidth);
    canvas.rect(canvas.left + labelWidth, canvas.y + canvas.u(2.5), width, lineHeight - canvas.u(6), {
      fill: 'accent',
    });
    canvas.drawLine(
      String(row.value),
      canvas.right - valueWidth,
      canvas.y,
      { size: 'small', bold: true },
      {
        width: valueWidth,
        align: 'right',
      },
    );
    canvas.advance(lineHeight);
  }
}

/** The analytics report (docs/product.md §11): summary, revenue with payment modes, doctors, hours, slots, patients, days. */
export async function renderAnalytics(
  data: AnalyticsExport,
  paper: Paper,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const f = documentFormat(data.clinic);
  const { dashboard } = data;
  const range = `${f.shortDate(data.fromDate)} – ${f.shortDate(data.toDate)}`;
  const canvas = await PdfCanvas.create({
    paper,
    title: `Analytics ${data.fromDate} to ${data.toDate}`,
    author: data.clinic.clinicName,
    footer: `${data.clinic.clinicName} · Analytics ${range} · generated ${f.dateTime(data.generatedAt)}`,
    createdAt: data.generatedAt,
    content: data,
  });
  clinicHeader(canvas, data.clinic, {
    title: 'Analytics report',
    details: [
      { text: range, bold: true },
      { text: `Generated ${f.dateTime(data.generatedAt)}`, size: 'small', tone: 'muted' },
    ],
  });

  const sum = (pick: (day: (typeof dashboard.days)[number]) => number) =>
    dashboard.days.reduce((total, day) => total + pick(day), 0);
  tiles(
    canvas,
    [
      { label: 'Appointments', value: String(sum((d) => d.total)) },
      { label: 'Completed', value: String(sum((d) => d.completed)) },
      { label: 'Cancelled', value: String(sum((d) => d.cancelled)) },
      { label: 'No-shows', value: String(sum((d) => d.noShow)) },
      { label: 'No-show rate', value: percent(dashboard.noShowRate) },
      { label: 'Revenue', value: f.money(sum((d) => d.revenue)) },
    ],
    paper === 'A4' ? 3 : 2,
  );

  const byDay = data.granularity === 'day';
  // Daily tables list the days with something to show: a month's future days are not pages of zeros.
  const revenue = byDay
    ? dashboard.revenue.filter((r) => r.total !== 0 || hasPayments(r.byMode))
    : dashboard.revenue;
  const trends = byDay
    ? dashboard.patientTrends.filter((t) => t.newPatients + t.returningPatients > 0)
    : dashboard.patientTrends;
  sectionTitle(canvas, `Revenue by ${PERIOD_NAMES[data.granularity]}`);
  table(
    canvas,
    [
      { header: 'Period', width: 0.24 },
      { header: 'Cash', width: 0.19, align: 'right' },
      { header: 'Card', width: 0.19, align: 'right' },
      { header: 'UPI', width: 0.19, align: 'right' },
      { header: 'Total', width: 0.19, align: 'right' },
    ],
    revenue.map((r) => [
      r.period,
      f.money(r.byMode.cash),
      f.money(r.byMode.card),
      f.money(r.byMode.upi),
      [{ text: f.money(r.total), bold: true }],
    ]),
  );

  sectionTitle(canvas, 'Doctors');
  table(
    canvas,
    [
      { header: 'Doctor', width: 0.4 },
      { header: 'Consultations', width: 0.2, align: 'right' },
      { header: 'No-show rate', width: 0.18, align: 'right' },
      { header: 'Revenue', width: 0.22, align: 'right' },
    ],
    dashboard.doctors.map((d) => [
      data.doctorNames.get(d.doctorId) ?? d.doctorId,
      String(d.consultations),
      percent(d.noShowRate),
      f.money(d.revenue),
    ]),
  );

  const busy = dashboard.peakHours.filter((h) => h.visits > 0);
  sectionTitle(canvas, 'Visits by hour of day');
  if (busy.length === 0) canvas.paragraph('No visits in this period.', { size: 'small', tone: 'muted' });
  bars(
    canvas,
    busy.map((h) => ({ label: `${String(h.hour).padStart(2, '0')}:00`, value: h.visits })),
  );

  sectionTitle(canvas, 'Most booked slots');
  if (dashboard.popularSlots.length === 0) {
    canvas.paragraph('No bookings in this period.', { size: 'small', tone: 'muted' });
  }
  bars(
    canvas,
    dashboard.popularSlots.map((s) => ({ label: s.localTime, value: s.bookings })),
  );

  sectionTitle(canvas, `Patients by ${PERIOD_NAMES[data.granularity]}`);
  table(
    canvas,
    [
      { header: 'Period', width: 0.34 },
      { header: 'New', width: 0.22, align: 'right' },
      { header: 'Returning', width: 0.22, align: 'right' },
      { header: 'Total', width: 0.22, align: 'right' },
    ],
    trends.map((t) => [
      t.period,
      String(t.newPatients),
      String(t.returningPatients),
      String(t.newPatients + t.returningPatients),
    ]),
  );

  sectionTitle(canvas, `Appointments by ${PERIOD_NAMES[data.granularity]}`);
  table(
    canvas,
    [
      { header: byDay ? 'Date' : 'Period', width: 0.28 },
      { header: 'Booked', width: 0.13, align: 'right' },
      { header: 'Completed', width: 0.15, align: 'right' },
      { header: 'Cancelled', width: 0.14, align: 'right' },
      { header: 'No-shows', width: 0.13, align: 'right' },
      { header: 'Revenue', width: 0.17, align: 'right' },
    ],
    data.byPeriod.map((row) => [
      byDay ? f.calendarDate(row.period) : row.period,
      String(row.total),
      String(row.completed),
      String(row.cancelled),
      String(row.noShow),
      f.money(row.revenue),
    ]),
  );
  if (byDay) {
    canvas.space(4);
    canvas.paragraph('Days without appointments, payments or patients are left out of the daily tables.', {
      size: 'tiny',
      tone: 'muted',
    });
  }
  return {
    fileName: `analytics-${data.fromDate}-to-${data.toDate}.pdf`,
    bytes: await canvas.save(),
  };
}
