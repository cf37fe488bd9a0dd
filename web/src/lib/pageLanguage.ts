import { createContext, useContext } from 'react';
import type { Language } from './language';

/** The language of the public page being shown, and how the page and its visitor change it. */
export interface PageLanguage {
  language: Language;
  /** Whether the page is in `language` yet (or has given up on it): its messages may still be on their way. */
  ready: boolean;
  /** The locale dates and numbers are written in: the browser's own variant of the language. */
  dateLocale: string;
  /** The visitor's pick from the switcher: remembered, and put in the address so a shared link keeps it. */
  choose: (language: Language) => void;
  /** The page's own suggestion, such as a booking's language; the address and the switcher outrank it. */
  suggest: (language: Language | undefined) => void;
  /** A path to another public page, which opens in this page's language (named in it when it would not). */
  href: (path: string) => string;
}

export const PageLanguageContext = createContext<PageLanguage | null>(null);

/** The public page's language; null elsewhere (the dashboard, the account pages), which stay in English. */
export const usePageLanguage = () => useContext(PageLanguageContext);

/** Dates on a public page follow its language; elsewhere they follow the browser, as they always did. */
export const useDateLocale = () => useContext(PageLanguageContext)?.dateLocale;
