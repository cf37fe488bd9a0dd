import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { listTimeZones, timeZoneLabel } from '../lib/timeZones';
import { offsetLabel } from '../lib/zonedTime';
import { controlClasses } from './controlClasses';
import { Field } from './Field';

interface TimeZonePickerProps {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

interface ZoneOption {
  zone: string;
  text: string;
  search: string;
}

const MAX_SHOWN = 100;

function describe(zone: string, now: number): ZoneOption {
  const text = `${timeZoneLabel(zone)} (${offsetLabel(zone, now)})`;
  return { zone, text, search: text.toLowerCase() };
}

/**
 * A searchable time-zone picker (ARIA combobox with a listbox popup): type part of a city, region or
 * "GMT+2", move with the arrow keys, choose with Enter or a click; Escape puts the old value back.
 */
export function TimeZonePicker({ label, value, onChange, hint, error }: TimeZonePickerProps) {
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  // The highlighted option, by zone rather than position, so it survives filtering and opens on the current zone.
  const [activeZone, setActiveZone] = useState(value);
  const open = query !== null;

  // Offsets for ~420 zones cost a few milliseconds: computed when the list opens, not on every render.
  const all = useMemo(
    () => (open ? listTimeZones(value).map((zone) => describe(zone, Date.now())) : []),
    [open, value],
  );

  const matches = useMemo(() => {
    if (!open) return [];
    const words = query.toLowerCase().replaceAll('_', ' ').split(/\s+/).filter(Boolean);
    const found = words.length === 0 ? all : all.filter((o) => words.every((w) => o.search.includes(w)));
    return found.slice(0, MAX_SHOWN);
  }, [open, query, all]);

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
    setActiveZone(value);
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

  const display = `${timeZoneLabel(value)} (${offsetLabel(value)})`;

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
            placeholder="Search for a city or region"
            onFocus={(event) => event.currentTarget.select()}
            onClick={() => {
              if (!open) openList();
            }}
            onChange={(event) => {
              setQuery(event.target.value);
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
                aria-selected={option.zone === value}
                // mousedown, not click: a click would first blur the input and close the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option.zone);
                }}
                onMouseMove={() => setActiveZone(option.zone)}
                className={`cursor-pointer px-3 py-2 ${option === activeOption ? 'bg-indigo-600 text-white' : 'text-slate-900'} ${
                  option.zone === value ? 'font-semibold' : ''
                }`}
              >
                {option.text}
              </li>
            ))}
            {open && matches.length === 0 && <li className="px-3 py-2 text-slate-600">No time zone matches.</li>}
          </ul>
        </div>
      )}
    </Field>
  );
}
