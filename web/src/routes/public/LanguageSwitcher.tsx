import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, LANGUAGES, languageName } from '../../lib/language';
import { usePageLanguage } from '../../lib/pageLanguage';

const globeIcon =
  'M10 17.5a7.5 7.5 0 1 0 0-15m0 15a7.5 7.5 0 1 1 0-15m0 15c-1.9 0-3.4-3.4-3.4-7.5S8.1 2.5 10 2.5m0 15c1.9 0 3.4-3.4 3.4-7.5S11.9 2.5 10 2.5M2.8 7.5h14.4M2.8 12.5h14.4';

/**
 * The public pages' language, as a native select: the keyboard, screen readers and phones already know how to use
 * one, and it stays small at 390 px. Each language is named in itself.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const page = usePageLanguage();
  const id = useId();
  if (!page) return null;
  return (
    <div className="flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-500">
        <path d={globeIcon} stroke="currentColor" strokeWidth="1.4" fill="none" strokeLinecap="round" />
      </svg>
      <label htmlFor={id} className="sr-only">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={page.language}
        onChange={(event) => {
          const next = asLanguage(event.target.value);
          if (next) page.choose(next);
        }}
        className="min-h-9 rounded-md border border-slate-300 bg-white px-2 text-base text-slate-900 shadow-xs focus-visible:outline-2 focus-visible:outline-indigo-600 sm:text-sm"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageName(language)}
          </option>
        ))}
      </select>
    </div>
  );
}
