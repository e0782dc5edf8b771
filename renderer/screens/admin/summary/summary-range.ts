export type SummaryRange = 'today' | 'week' | 'month';

export const RANGE_LABELS: Record<SummaryRange, string> = {
  today: 'Today',
  week: 'This week',
  month: 'This month',
};

export function isSummaryRange(value: string | null): value is SummaryRange {
  return value === 'today' || value === 'week' || value === 'month';
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** The dates of a range around the clinic's today: the day, its Monday–Sunday week, its month. */
export function rangeDates(range: SummaryRange, today: string): { fromDate: string; toDate: string } {
  const date = day(today);
  if (range === 'today') return { fromDate: today, toDate: today };
  if (range === 'week') {
    const monday = addDays(date, -((date.getUTCDay() + 6) % 7));
    return { fromDate: iso(monday), toDate: iso(addDays(monday, 6)) };
  }
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { fromDate: iso(first), toDate: iso(last) };
}

/** 9 → "09:00–10:00". */
export function hourLabel(hour: number): string {
  const pad = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${pad(hour)}–${pad(hour + 1)}`;
}
