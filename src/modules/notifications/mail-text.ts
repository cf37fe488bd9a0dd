import i18next, { type TFunction } from 'i18next';
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import type { Locale } from './types.js';

/**
 * The e-mails' and calendar files' wording, one JSON file per language beside this one (English is the source).
 * Its own i18next instance, loaded at start-up with every language, so rendering never waits; plurals follow
 * Intl.PluralRules. Values are not escaped here: the templates escape what goes into HTML themselves.
 */
const catalog = i18next.createInstance();
void catalog.init({
  initAsync: false,
  resources: { en: { mail: en }, de: { mail: de } },
  ns: ['mail'],
  defaultNS: 'mail',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export type MailText = TFunction;

export const mailText = (locale: Locale): MailText => catalog.getFixedT(locale);

/**
 * How each language writes dates: British English (day before month, "9 March 2026", as the e-mails always
 * did) and German.
 */
export const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

/** Sentences in reading order, leaving out the ones a message does not have. */
export const sentences = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ');
