import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';
import { appointments as enAppointments } from './locales/en/appointments';
import { appointments as hiAppointments } from './locales/hi/appointments';
import { auth as enAuth } from './locales/en/auth';
import { auth as hiAuth } from './locales/hi/auth';
import { booking as enBooking } from './locales/en/booking';
import { booking as hiBooking } from './locales/hi/booking';
import { home as enHome } from './locales/en/home';
import { home as hiHome } from './locales/hi/home';
import { inbox as enInbox } from './locales/en/inbox';
import { inbox as hiInbox } from './locales/hi/inbox';
import { profile as enProfile } from './locales/en/profile';
import { profile as hiProfile } from './locales/hi/profile';
import { push as enPush } from './locales/en/push';
import { push as hiPush } from './locales/hi/push';
import { records as enRecords } from './locales/en/records';
import { records as hiRecords } from './locales/hi/records';
import { waitlist as enWaitlist } from './locales/en/waitlist';
import { waitlist as hiWaitlist } from './locales/hi/waitlist';

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
    home: enHome,
    inbox: enInbox,
    profile: enProfile,
    push: enPush,
    records: enRecords,
    waitlist: enWaitlist,
  },
  hi: {
    common: hiCommon,
    appointments: hiAppointments,
    auth: hiAuth,
    booking: hiBooking,
    home: hiHome,
    inbox: hiInbox,
    profile: hiProfile,
    push: hiPush,
    records: hiRecords,
    waitlist: hiWaitlist,
  },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
