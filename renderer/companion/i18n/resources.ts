import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';
import { push as enPush } from './locales/en/push';
import { push as hiPush } from './locales/hi/push';

/**
 * Every namespace in both languages. Each area of the app adds its own namespace file pair
 * (locales/en/<area>.ts, locales/hi/<area>.ts) and one line here.
 */
export const resources = {
  en: { common: enCommon, push: enPush },
  hi: { common: hiCommon, push: hiPush },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
