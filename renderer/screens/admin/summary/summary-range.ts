export type SummaryRange = 'today' | 'week' | 'month' | 'lastMonth' | 'custom';

export const SUMMARY_RANGES: readonly SummaryRange[] = ['today', 'week', 'month', 'lastMonth', 'custom'];

export const RANGE_LABELS: Record<SummaryRange, string> = {
  today: 'Today',
  week: 'This week',
  month: 'This month',
  lastMonth: 'Last month',
  custom: 'Custom range',
};

/** The hub refuses longer ranges (server/handlers/admin/analytics-dashboard.ts MAX_RANGE_DAYS). */
export const MAX_RANGE_DAYS = 1_100;

export function isSummaryRange(value: string | null): value is SummaryRange {
  return (SUMMARY_RANGES as readonly (string | null)[]).includes(value);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * The dates of a range around the clinic's today: the day, its Monday–Sunday week, its month, the
 * month before. A custom range is chosen by the admin (see customRange).
 */
export function rangeDates(
  range: Exclude<SummaryRange, 'custom'>,
  today: string,
): { fromDate: string; toDate: string } {
  const date = day(today);
  if (range === 'today') return { fromDate: today, toDate: today };
  if (range === 'week') {
    const monday = addDays(date, -((date.getUTCDay() + 6) % 7));
    return { fromDate: iso(monday), toDate: iso(addDays(monday, 6)) };
  }
  const shift = range === 'lastMonth' ? -1 : 0;
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + shift + 1, 0));
  return { fromDate: iso(first), toDate: iso(last) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A custom range from the URL, or why it cannot be shown (a message naming the field). */
export function customRange(
  fromDate: string | null,
  toDate: string | null,
): { ok: true; fromDate: string; toDate: string } | { ok: false; message: string } {
  if (!fromDate || !ISO_DATE.test(fromDate)) return { ok: false, message: 'Choose the first day (From).' };
  if (!toDate || !ISO_DATE.test(toDate)) return { ok: false, message: 'Choose the last day (To).' };
  if (toDate < fromDate) return { ok: false, message: 'To must be on or after From.' };
  if (daysBetween(fromDate, toDate) > MAX_RANGE_DAYS) {
    return { ok: false, message: `Choose a range of at most ${MAX_RANGE_DAYS} days.` };
  }
  return { ok: true, fromDate, toDate };
}

/** Both days included. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((day(toDate).getTime() - day(fromDate).getTime()) / 86_400_000) + 1;
}

/** Revenue and patient trends by day for up to two weeks, by week up to a quarter, then by month. */
export function granularityFor(fromDate: string, toDate: string): 'day' | 'week' | 'month' {
  const days = daysBetween(fromDate, toDate);
  return days <= 14 ? 'day' : days <= 92 ? 'week' : 'month';
}

/** 9 → "09:00–10:00". */
export function hourLabel(hour: number): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${pad(hour)}–${pad(hour + 1)}`;
}
