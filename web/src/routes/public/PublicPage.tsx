import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { i18n, isLanguageLoaded, loadLanguage } from '../../lib/i18n';
import {
  asLanguage,
  chooseLanguage,
  dateLocale,
  LANGUAGE_KEY,
  LANGUAGE_PARAM,
  SOURCE_LANGUAGE,
  type Language,
} from '../../lib/language';
import { PageLanguageContext, type PageLanguage } from '../../lib/pageLanguage';
import { readStored, writeStored } from '../../lib/storage';

const browserLanguages = () => (navigator.languages?.length ? navigator.languages : [navigator.language]);

/**
 * A page anyone can open (profile, booking, manage), in the visitor's language: the one in its address, the
 * page's own suggestion, the visitor's last pick, or the browser's. Until the first language is there the page
 * shows nothing rather than a flash of English; a later switch keeps the page up until the new one arrives.
 * Leaving the public pages puts the app back in English, the dashboard's language.
 */
export function PublicPage({ children }: { children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const [pageDefault, setPageDefault] = useState<Language>();
  const browser = browserLanguages();
  const stored = readStored(LANGUAGE_KEY);
  const language = chooseLanguage({ asked: params.get(LANGUAGE_PARAM), pageDefault, stored, browser });
  // What another public page picks by itself; a link there names the language only when it would pick another.
  const ownPick = chooseLanguage({ asked: null, stored, browser });
  // Re-renders the page when the active language changes.
  const { i18n: active } = useTranslation();
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState<Language>();

  useLayoutEffect(() => {
    // Synchronous when the messages are here, so a page opened in a known language never renders in another.
    if (isLanguageLoaded(language)) {
      void i18n.changeLanguage(language);
      return;
    }
    let live = true;
    loadLanguage(language).then(
      () => void (live && i18n.changeLanguage(language)),
      // Without its messages the page stays in English rather than blank.
      () => live && setFailed(language),
    );
    return () => {
      live = false;
    };
  }, [language]);
  useLayoutEffect(
    () => () => {
      void i18n.changeLanguage(SOURCE_LANGUAGE);
    },
    [],
  );

  const ready = active.language === language || failed === language;
  if (ready && !shown) setShown(true);

  const choose = useCallback(
    (next: Language) => {
      writeStored(LANGUAGE_KEY, next);
      setParams(
        (previous) => {
          const search = new URLSearchParams(previous);
          search.set(LANGUAGE_PARAM, next);
          return search;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  // Dates change language with the words, not before them.
  const locale = dateLocale(asLanguage(active.language) ?? SOURCE_LANGUAGE, browser);
  const value = useMemo<PageLanguage>(
    () => ({
      language,
      ready,
      dateLocale: locale,
      choose,
      suggest: setPageDefault,
      href: (path) =>
        language === ownPick ? path : `${path}${path.includes('?') ? '&' : '?'}${LANGUAGE_PARAM}=${language}`,
    }),
    [language, ownPick, ready, locale, choose],
  );
  return <PageLanguageContext value={value}>{shown ? children : null}</PageLanguageContext>;
}
