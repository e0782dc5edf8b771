import 'i18next';
import type { resources } from './resources';

// Typed keys: t('nav.home') is checked against the English text; a typo fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
