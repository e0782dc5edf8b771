import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';

/**
 * Every namespace in both languages. Each area of the app adds its own namespace file pair
 * (locales/en/<area>.ts, locales/hi/<area>.ts) and one line here.
 */
export const resources = {
  en: { common: enCommon },
  hi: { common: hiCommon },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
