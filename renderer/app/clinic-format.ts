import { useMemo } from 'react';
import { useApiQuery } from '@renderer/api/hooks';
import { useHubClockOffset } from '@renderer/api/ApiProvider';

export interface ClinicFormat {
  timeZone: string;
  locale: string;
  /** "Mon 23 Nov 2026, 09:30" in the clinic's zone. */
  dateTime(instant: string): string;
  /** "09:30" in the clinic's zone. */
  time(instant: string): string;
  /** "Mon 23 Nov 2026" for an ISO date (YYYY-MM-DD) or an instant. */
  date(value: string): string;
  /** "02/03/1968" for an ISO date, in the clinic's locale (en-IN: dd/mm/yyyy; en-US: mm/dd/yyyy). */
  numericDate(isoDate: string): string;
  /** How numericDate writes a date, e.g. "dd/mm/yyyy": the pattern typed into date fields. */
  datePattern: string;
  /** Today's date in the clinic's zone, YYYY-MM-DD. */
  today(): string;
  /** The clinic date (YYYY-MM-DD) of an instant. */
  clinicDate(instant: string): string;
}

/** Formats times on the clinic's wall clock (settings.timeZone), whatever this computer's zone. */
/**
 * `hubOffsetMs`: how far the hub's clock is ahead of this device's; "today" is the clinic's day by
 * the hub's clock, so a device whose own clock is off still shows the hub's queues and lists.
 */
export function clinicFormat(timeZone: string, locale: string, hubOffsetMs = 0): ClinicFormat {
  const dt = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const t = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const d = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const dUtc = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const numeric = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    timeZone,
    locale,
    dateTime: (instant) => dt.format(new Date(instant)),
    time: (instant) => t.format(new Date(instant)),
    date: (value) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? dUtc.format(new Date(`${value}T00:00:00Z`))
        : d.format(new Date(value)),
    numericDate: (isoDate) => numeric.format(new Date(`${isoDate}T00:00:00Z`)),
    datePattern: numeric
      .formatToParts(new Date(Date.UTC(2000, 0, 2)))
      .map((part) =>
        part.type === 'day'
          ? 'dd'
          : part.type === 'month'
            ? 'mm'
            : part.type === 'year'
              ? 'yyyy'
              : part.value,
      )
      .join(''),
    today: () => iso.format(new Date(Date.now() + hubOffsetMs)),
    clinicDate: (instant) => iso.format(new Date(instant)),
  };
}

/** Clinic settings (name, zone, locale, lock timeout) for the signed-in app; cached for the session. */
export function useClinicSettings() {
  return useApiQuery('settings.get', {}, { staleTime: 5 * 60_000 });
}

export function useClinicFormat(): ClinicFormat {
  const { data } = useClinicSettings();
  const timeZone = data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const locale = data?.locale ?? 'en-IN';
  const hubOffsetMs = useHubClockOffset();
  return useMemo(() => clinicFormat(timeZone, locale, hubOffsetMs), [timeZone, locale, hubOffsetMs]);
}
