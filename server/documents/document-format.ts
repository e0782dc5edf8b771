import { DateTime } from 'luxon';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { formatMoney } from '@shared/rules/money';

export type FormatSettings = Pick<ClinicSettings, 'timeZone' | 'locale' | 'currency'>;

/** Dates, times and money as printed on documents: the clinic's zone, locale and currency. */
export function documentFormat(settings: FormatSettings) {
  const local = (instant: string) =>
    DateTime.fromISO(instant, { zone: 'utc' }).setZone(settings.timeZone).setLocale(settings.locale);
  const day = (isoDate: string) => DateTime.fromISO(isoDate, { zone: 'utc' }).setLocale(settings.locale);
  return {
    /** Mon, 23 Nov 2026 (an instant, on the clinic's wall calendar). */
    date: (instant: string) => local(instant).toFormat('ccc, d LLL yyyy'),
    /** 9:30 am */
    time: (instant: string) => local(instant).toFormat('h:mm a'),
    /** 23 Nov 2026, 9:30 am */
    dateTime: (instant: string) => local(instant).toFormat('d LLL yyyy, h:mm a'),
    /** A calendar date (YYYY-MM-DD) as Mon, 23 Nov 2026. */
    calendarDate: (isoDate: string) => day(isoDate).toFormat('ccc, d LLL yyyy'),
    /** A calendar date without the weekday: 23 Nov 2026. */
    shortDate: (isoDate: string) => day(isoDate).toFormat('d LLL yyyy'),
    /** The clinic date (YYYY-MM-DD) of an instant. */
    isoDate: (instant: string) => local(instant).toISODate() ?? instant.slice(0, 10),
    money: (minor: number) => formatMoney(minor, settings.currency, settings.locale),
  };
}
export type DocumentFormat = ReturnType<typeof documentFormat>;

/** "Cash", "Card", "UPI". */
export function paymentModeLabel(mode: 'cash' | 'card' | 'upi'): string {
  return mode === 'upi' ? 'UPI' : mode[0]!.toUpperCase() + mode.slice(1);
}

/** A file name part from a human-readable code (A-2026-000001 stays; unsafe characters go). */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
}
