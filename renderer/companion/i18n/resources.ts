import { common as enCommon } from './locales/en/common';
import { common as hiCommon } from './locales/hi/common';
import { home as enHome } from './locales/en/home';
import { home as hiHome } from './locales/hi/home';

/**
 * Every namespace in both languages. Each area of the app adds its own namespace file pair
 * (locales/en/<area>.ts, locales/hi/<area>.ts) and one line here.
 */
export const resources = {
  en: { common: enCommon, home: enHome },
  hi: { common: hiCommon, home: hiHome },
} as const;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
