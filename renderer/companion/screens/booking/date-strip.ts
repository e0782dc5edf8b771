/**
 * The days a patient can pick from when booking: from the doctor's next free day (never before
 * today) up to the clinic's booking horizon, all as clinic calendar days (YYYY-MM-DD).
 */

/** Today's date in the clinic's zone, whatever zone the phone is set to. */
export function clinicToday(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar day plus `days` (calendar arithmetic in UTC: no zone or DST can shift it). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The strip's days: `from` (the doctor's next free day; today when unknown or past) through
 * today + horizonDays, at most `limit` of them. Empty when the next free day is beyond the horizon.
 */
export function dateStrip(today: string, from: string | null, horizonDays: number, limit = 60): string[] {
  const start = from && from > today ? from : today;
  const last = addDays(today, horizonDays);
  const days: string[] = [];
  for (let day = start; day <= last && days.length < limit; day = addDays(day, 1)) days.push(day);
  return days;
}
