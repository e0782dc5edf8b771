/**
 * Dates typed by hand in the clinic's own numeric format (settings.locale: en-IN writes
 * dd/mm/yyyy, en-US mm/dd/yyyy), whatever the browser's language: "07/12/2026" in an en-IN
 * clinic is 7 December. Strict: a four-digit year and a day the calendar has, nothing guessed.
 */

export type DatePart = 'day' | 'month' | 'year';

export type DateEntry =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** `problem` completes a sentence naming the field, e.g. "Date of birth: …". */
  | { kind: 'invalid'; problem: string };

/** The order of day, month and year in the locale's numeric dates, and its separator. */
export function dateLayout(locale: string): { order: DatePart[]; separator: string; pattern: string } {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(2000, 0, 2)));
  const order = parts
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  const pattern = order.map((part) => ({ day: 'dd', month: 'mm', year: 'yyyy' })[part]).join(separator);
  return { order, separator, pattern };
}

/** "07/12/2026" (en-IN) for 2026-12-07. */
export function formatDateEntry(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-');
  const { order, separator } = dateLayout(locale);
  return order.map((part) => ({ day, month, year })[part]).join(separator);
}

/** Reads what was typed: the clinic's order with / - . or spaces between; yyyy-mm-dd also. */
export function readDateEntry(text: string, locale: string): DateEntry {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const { order, pattern } = dateLayout(locale);
  const example = formatDateEntry('2026-12-07', locale);
  const expected = `type the date as ${pattern}, e.g. ${example}`;
  const groups = trimmed.split(/\s*[/.\-\s]\s*/);
  if (groups.length !== 3 || !groups.every((g) => /^\d+$/.test(g))) {
    return { kind: 'invalid', problem: expected };
  }
  const isoTyped = groups[0]!.length === 4;
  const fields = isoTyped ? (['year', 'month', 'day'] as DatePart[]) : order;
  const value = (part: DatePart) => groups[fields.indexOf(part)]!;
  const [year, month, day] = [value('year'), value('month'), value('day')];
  if (year.length !== 4 || month.length > 2 || day.length > 2) {
    return { kind: 'invalid', problem: expected };
  }
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1000) {
    return { kind: 'invalid', problem: `${trimmed} is not a date in the calendar (${pattern})` };
  }
  return { kind: 'date', iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** Checks a read date against optional bounds (yyyy-mm-dd, inclusive). */
export function checkDateBounds(
  entry: DateEntry,
  locale: string,
  bounds: { min?: string | undefined; max?: string | undefined },
): DateEntry {
  if (entry.kind !== 'date') return entry;
  if (bounds.min && entry.iso < bounds.min) {
    return { kind: 'invalid', problem: `must be on or after ${formatDateEntry(bounds.min, locale)}` };
  }
  if (bounds.max && entry.iso > bounds.max) {
    return { kind: 'invalid', problem: `must be on or before ${formatDateEntry(bounds.max, locale)}` };
  }
  return entry;
}
