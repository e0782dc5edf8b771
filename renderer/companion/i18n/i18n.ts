import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language, resources } from './resources';

const KEY = 'clinic.companion.language';

/** The language the patient chose on this phone; null until they choose (the first start asks). */
export function storedLanguage(): Language | null {
  const value = localStorage.getItem(KEY);
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
}

export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const language = storedLanguage() ?? 'en';
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
