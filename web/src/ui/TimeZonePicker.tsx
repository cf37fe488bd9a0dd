import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateLocale } from '../lib/pageLanguage';
import type { ZoneOption } from '../lib/timeZoneSearch';
import { canonicalTimeZone, timeZoneDisplayName } from '../lib/timeZones';
import { controlClasses } from './controlClasses';
import { Field } from './Field';

interface TimeZonePickerProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

type SearchModule = typeof import('../lib/timeZoneSearch');

const MAX_SHOWN = 100;

let searchModule: Promise<SearchModule> | undefined;

// The zone list with its search words is the biggest part of the picker: fetched once, when first needed.
function loadSearch(): Promise<SearchModule> {
  searchModule ??= import('../lib/timeZoneSearch');
  return searchModule;
}

/**
 * A searchable time-zone picker (ARIA combobox with a listbox popup): type a city, country, a zone's name
 * ("Pacific Time"), an abbreviation (EST) or "GMT+2", move with the arrow keys, choose with Enter or a click;
 * Escape puts the old value back. On a public page the zones are named in its language (English names still
 * find them); elsewhere in English.
 */
export function TimeZonePicker({ label, value, onChange, hint, error }: TimeZonePickerProps) {
  const { t } = useTranslation();
  const locale = useDateLocale() ?? 'en';
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [search, setSearch] = useState<SearchModule | null>(null);
  // Old data and browsers may give a legacy name (Asia/Calcutta): the list knows the zone by its current one.
  const current = canonicalTimeZone(value) ?? value;
  // The highlighted option, by zone rather than position, so it survives filtering and opens on the current zone.
  const [activeZone, setActiveZone] = useState(current);
  const open = query !== null;

  useEffect(() => {
    if (!open || search) return;
    let live = true;
    void loadSearch().then((module) => {
      if (live) setSearch(module);
    });
    return () => {
      live = false;
    };
  }, [open, search]);

  // Names and offsets for ~420 zones: computed when the list opens, not on every render.
  const all = useMemo<ZoneOption[]>(
    () => (open && search ? search.zoneOptions(current, Date.now(), locale) : []),
    [open, search, current, locale],
  );

  const matches = useMemo(
    () => (open && search ? search.searchZones(all, query, MAX_SHOWN) : []),
    [open, search, query, all],
  );

  const activeIndex = Math.max(
    0,
    matches.findIndex((o) => o.zone === activeZone),
  );
  const activeOption = matches[activeIndex];
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (open) document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  function choose(zone: string) {
    setQuery(null);
    if (zone !== value) onChange(zone);
  }

  function openList() {
    setQuery('');
    setActiveZone(current);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        openList();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = matches[Math.min(Math.max(activeIndex + step, 0), matches.length - 1)];
      if (next) setActiveZone(next.zone);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      if (activeOption) choose(activeOption.zone);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setQuery(null);
    }
  }

  const display = timeZoneDisplayName(value, Date.now(), search?.zoneCountry(current, locale), locale);
  const loading = open && !search;

  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && activeOption ? optionId(activeIndex) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={open ? query : display}
            placeholder={t('zonePicker.placeholder')}
            onFocus={(event) => {
              event.currentTarget.select();
              void loadSearch();
            }}
            onClick={() => {
              if (!open) openList();
            }}
            onChange={(event) => {
              setQuery(event.target.value);
              // The best match is highlighted, as Enter then picks what the list shows first.
              setActiveZone('');
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setQuery(null)}
            className={`${controlClasses} pr-9`}
          />
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
          >
            <path d="M5 8l5 5 5-5" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" />
          </svg>
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            hidden={!open}
            className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
          >
            {matches.map((option, index) => (
              <li
                key={option.zone}
                id={optionId(index)}
                role="option"
                aria-selected={option.zone === current}
                // mousedown, not click: a click would first blur the input and close the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option.zone);
                }}
                onMouseMove={() => setActiveZone(option.zone)}
                className={`cursor-pointer px-3 py-2 ${option === activeOption ? 'bg-indigo-600 text-white' : 'text-slate-900'} ${
                  option.zone === current ? 'font-semibold' : ''
                }`}
              >
                {option.text}
              </li>
            ))}
            {loading && <li className="px-3 py-2 text-slate-600">{t('zonePicker.loading')}</li>}
            {open && search && matches.length === 0 && (
              <li className="px-3 py-2 text-slate-600">{t('zonePicker.noMatch')}</li>
            )}
          </ul>
          <p role="status" className="sr-only">
            {open && search && query !== '' ? resultsSummary(matches.length, t) : ''}
          </p>
        </div>
      )}
    </Field>
  );
}

function resultsSummary(count: number, t: TFunction): string {
  if (count === 0) return t('zonePicker.noMatch');
  if (count >= MAX_SHOWN) return t('zonePicker.foundMany', { max: MAX_SHOWN - 1 });
  return t('zonePicker.found', { count });
}
