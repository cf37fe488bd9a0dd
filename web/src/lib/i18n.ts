import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/booking.json';
import { SOURCE_LANGUAGE, type Language } from './language';

/**
 * The public pages' wording through i18next (docs/decisions/0012). English is in the first load: it is the
 * source, the fallback for a missing key, and what most visitors read. Every other language is a chunk of its
 * own, fetched only when a page is shown in it. Plurals follow Intl.PluralRules, and `{{n, number}}` Intl's
 * number format, in the page's language.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'booking';
    resources: { booking: typeof en };
  }
}

const loaders: Record<Exclude<Language, typeof SOURCE_LANGUAGE>, () => Promise<{ default: typeof en }>> = {
  de: () => import('../locales/de/booking.json'),
};

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: SOURCE_LANGUAGE,
  fallbackLng: SOURCE_LANGUAGE,
  ns: ['booking'],
  defaultNS: 'booking',
  resources: { [SOURCE_LANGUAGE]: { booking: en } },
  partialBundledLanguages: true,
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;" in names.
  interpolation: { escapeValue: false },
  // Pages wait for their language themselves (PublicPage), so nothing suspends.
  react: { useSuspense: false },
});

// Screen readers, spell checkers and hyphenation read the page's language from <html lang>.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const loading = new Map<Language, Promise<void>>();

/** Fetches a language's messages once; English is always there. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === SOURCE_LANGUAGE || i18n.hasResourceBundle(language, 'booking')) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then(
      (messages) => void i18n.addResourceBundle(language, 'booking', messages.default),
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

export const isLanguageLoaded = (language: Language) =>
  language === SOURCE_LANGUAGE || i18n.hasResourceBundle(language, 'booking');
