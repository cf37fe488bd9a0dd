import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MAX_SEARCH_LENGTH } from '../../../../src/modules/scheduling/bookings.rules';
import { Button, buttonClasses } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { listMeetingTypes, meetingTypesKey } from '../meetingTypes/api';
import type { BookingQuery } from './api';
import { exportCsvUrl } from './api';
import type { BookingsUrl } from './bookingsUrl';

/** Typing pauses this long before the list follows the search box, so each keystroke is not a request. */
const SEARCH_PAUSE_MS = 300;

interface BookingFiltersProps {
  state: BookingsUrl;
  /** What the list or week shows, for the export to match it. */
  query: BookingQuery;
  onChange: (patch: Partial<BookingsUrl>, how: 'push' | 'replace') => void;
}

/** Search, meeting type and dates, and the export of what they select. */
export function BookingFilters({ state, query, onChange }: BookingFiltersProps) {
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  const [text, setText] = useState(state.q);
  // The address is the truth: Back, Forward or "Clear" put their search into the box.
  useEffect(() => setText(state.q), [state.q]);
  useEffect(() => {
    if (text === state.q) return;
    const timer = setTimeout(() => onChange({ q: text }, 'replace'), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, state.q, onChange]);
  const filtered = Boolean(state.q || state.type || state.from || state.to);

  return (
    <div className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
      <TextField
        label="Search"
        type="search"
        placeholder="Name or e-mail"
        maxLength={MAX_SEARCH_LENGTH}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange({ q: text }, 'replace');
        }}
      />
      <SelectField
        label="Meeting type"
        value={state.type}
        onChange={(event) => onChange({ type: event.target.value }, 'push')}
      >
        <option value="">All types</option>
        {types.data?.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </SelectField>
      {state.view === 'list' && (
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <TextField
            label="From"
            type="date"
            value={state.from ?? ''}
            max={state.to}
            onChange={(event) => onChange({ from: event.target.value || undefined }, 'push')}
          />
          <TextField
            label="Until"
            type="date"
            value={state.to ?? ''}
            min={state.from}
            onChange={(event) => onChange({ to: event.target.value || undefined }, 'push')}
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <a href={exportCsvUrl(query)} download className={buttonClasses('secondary')}>
          Export CSV
        </a>
        {filtered && (
          <Button variant="ghost" onClick={() => onChange({ q: '', type: '', from: undefined, to: undefined }, 'push')}>
            Clear filters
          </Button>
        )}
      </div>
    </div>
  );
}
