import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';
import { appointments as enAppointments } from './locales/en/appointments';
import { appointments as hiAppointments } from './locales/hi/appointments';
import { auth as enAuth } from './locales/en/auth';
import { auth as hiAuth } from './locales/hi/auth';
import { booking as enBooking } from './locales/en/booking';
import { booking as hiBooking } from './locales/hi/booking';
import { profile as enProfile } from './locales/en/profile';
import { profile as hiProfile } from './locales/hi/profile';

/**
 * Every namespace in both languages. Each area of the app adds its own namespace file pair
 * (locales/en/<area>.ts, locales/hi/<area>.ts) and one line here.
 */
export const resources = {
  en: {
    common: enCommon,
    appointments: enAppointments,
    auth: enAuth,
    booking: enBooking,
    profile: enProfile,
  },
  hi: {
    common: hiCommon,
    appointments: hiAppointments,
    auth: hiAuth,
    booking: hiBooking,
    profile: hiProfile,
  },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
