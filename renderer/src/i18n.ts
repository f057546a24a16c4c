import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../main/core/settings.ts';
import { MAX_BE_YEAR, MAX_PLAN_YEARS, MIN_BE_YEAR } from '../../main/core/years.ts';
import { localeResources } from './locales.ts';

/** Thai first; English second. The locale files are bundled, so no string is ever fetched at run time. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { th: { translation: localeResources('th') }, en: { translation: localeResources('en') } },
  lng: 'th',
  fallbackLng: 'th',
  initAsync: false,
  interpolation: {
    // React escapes on render; escaping twice would show &quot; in Thai quotes.
    escapeValue: false,
    // Values the validation messages interpolate, always there so a bare key from core translates fully.
    defaultVariables: { minYear: MIN_BE_YEAR, maxYear: MAX_BE_YEAR, maxYears: MAX_PLAN_YEARS },
  },
});

export async function applyLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}
