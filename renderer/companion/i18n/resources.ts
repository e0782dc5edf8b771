import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';
import { appointments as enAppointments } from './locales/en/appointments';
import { appointments as hiAppointments } from './locales/hi/appointments';
import { booking as enBooking } from './locales/en/booking';
import { booking as hiBooking } from './locales/hi/booking';

/**
 * Every namespace in both languages. Each area of the app adds its own namespace file pair
 * (locales/en/<area>.ts, locales/hi/<area>.ts) and one line here.
 */
export const resources = {
  en: { common: enCommon, booking: enBooking, appointments: enAppointments },
  hi: { common: hiCommon, booking: hiBooking, appointments: hiAppointments },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
