import { LOCALES } from '../../../src/db/schema/values';

/**
 * The languages the public pages (profile, booking, manage) speak, and which one a visitor gets. English is the
 * source and the fallback; the list is the server's, which stores a booking's language.
 */
export type Language = (typeof LOCALES)[number];
export const LANGUAGES: readonly Language[] = LOCALES;
export const SOURCE_LANGUAGE = 'en' satisfies Language;

/** localStorage: the language a visitor picked with the switcher, for their next visit. */
export const LANGUAGE_KEY = 'tuskhub.language';
/** The query parameter that names a page's language, so a shared link keeps it. */
export const LANGUAGE_PARAM = 'lang';

export function asLanguage(value: string | null | undefined): Language | undefined {
  return LANGUAGES.find((language) => language === value);
}

/** The language part of a BCP 47 tag: "de" for de-AT. */
const baseOf = (tag: string) => tag.split('-')[0]!.toLowerCase();

export interface LanguageSources {
  /** `?lang=` of the page's address. */
  asked: string | null;
  /** What the page itself suggests: the manage page opens in the language the booking was made in. */
  pageDefault?: Language | undefined;
  /** What the visitor picked last time. */
  stored: string | null;
  /** navigator.languages, most wanted first. */
  browser: readonly string[];
}

/** The address first (a shared link keeps its language), then the page's own, the visitor's pick, the browser's. */
export function chooseLanguage({ asked, pageDefault, stored, browser }: LanguageSources): Language {
  return (
    asLanguage(asked) ??
    pageDefault ??
    asLanguage(stored) ??
    browser.map((tag) => asLanguage(baseOf(tag))).find((language) => language !== undefined) ??
    SOURCE_LANGUAGE
  );
}

/**
 * The locale dates and numbers are written in: the browser's own variant of the language when it has one (en-GB
 * writes "9 March", en-US "March 9"), else the language itself.
 */
export function dateLocale(language: Language, browser: readonly string[]): string {
  return browser.find((tag) => baseOf(tag) === language) ?? language;
}

/** Endonyms for the switcher ("Deutsch", "English"): each language is named in itself, so readers find their own. */
export function languageName(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
