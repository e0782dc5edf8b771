import { currencyExponent, toDecimalString } from '@shared/rules/money-format';

/**
 * Dates, times and money for the patient's language, always in the clinic's time zone: an
 * appointment at 10:00 in the clinic reads 10:00 whatever zone the phone is set to.
 */
export interface CompanionFormat {
  /** "Tue, 8 Dec" (hi: "मंगल, 8 दिस॰"); an ISO date (YYYY-MM-DD) or an instant. */
  day(value: string): string;
  /** "Tuesday, 8 December 2026". */
  longDay(value: string): string;
  /** "10:30 am" in the clinic's zone. */
  time(instant: string): string;
  /** "Tue, 8 Dec, 10:30 am". */
  dayTime(instant: string): string;
  /** ₹ amounts from minor units (paise): whole rupees without the paise. */
  money(minor: number): string;
}

const LOCALES: Record<string, string> = { en: 'en-IN', hi: 'hi-IN' };

/** An ISO date is a calendar day, not an instant: read it at noon UTC and show it in UTC. */
const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function companionFormat(language: string, timeZone: string, currency: string): CompanionFormat {
  const locale = LOCALES[language] ?? 'en-IN';
  const dayParts = (value: string, options: Intl.DateTimeFormatOptions) =>
    isIsoDate(value)
      ? new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
          new Date(`${value}T12:00:00Z`),
        )
      : new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(value));
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return {
    day: (value) => dayParts(value, { weekday: 'short', day: 'numeric', month: 'short' }),
    longDay: (value) => dayParts(value, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    time: (instant) => timeFormat.format(new Date(instant)),
    dayTime: (instant) =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
      }).format(new Date(instant)),
    money: (minor) => {
      // ₹600, not ₹600.00: fees are whole rupees; an amount with paise keeps them.
      const exponent = currencyExponent(currency);
      const whole = minor % 10 ** exponent === 0;
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(whole && { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      }).format(toDecimalString(minor, exponent));
    },
  };
}
