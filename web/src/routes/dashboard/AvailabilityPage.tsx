import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { availabilityKey, getAvailability, putAvailability, type Availability } from '../../features/availability/api';
import {
  availabilityOf,
  defaultInterval,
  draftOf,
  newKey,
  nextOverrideDate,
  snapshotOf,
  validateDraft,
  type AvailabilityDraft,
  type DayDraft,
  type OverrideDraft,
} from '../../features/availability/draft';
import { IntervalsEditor } from '../../features/availability/IntervalsEditor';
import { toFormErrors } from '../../lib/formErrors';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';
import { formatCivilDate, parseDateKey, weekdayNames } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { controlClasses } from '../../ui/controlClasses';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Notice } from '../../ui/Notice';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useFormErrors } from '../../ui/useFormErrors';
import { SectionHeader } from './SectionHeader';

const dayNames = weekdayNames(1, 'long');

export function AvailabilityPage() {
  const availability = useQuery({ queryKey: availabilityKey, queryFn: ({ signal }) => getAvailability(signal) });
  return (
    <>
      <SectionHeader
        title="Availability"
        description="The hours people can book you, in your time zone. Meeting types share these hours."
      />
      {availability.isPending ? (
        <LoadingBlock label="Loading your availability…" rows={4} />
      ) : availability.isError ? (
        <LoadError what="your availability" error={availability.error} onRetry={() => availability.refetch()} />
      ) : (
        <AvailabilityEditor initial={availability.data} />
      )}
    </>
  );
}

function AvailabilityEditor({ initial }: { initial: Availability }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => draftOf(initial));
  const [saved, setSaved] = useState(false);
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshotOf(draftOf(initial)));
  useUnsavedChangesGuard(
    snapshotOf(draft) !== savedSnapshot,
    'Your availability has unsaved changes. Leave this page and lose them?',
  );
  const { formRef, errors, show, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: (d: AvailabilityDraft) => putAvailability(availabilityOf(d)),
    onSuccess: (result, sent) => {
      queryClient.setQueryData(availabilityKey, result);
      setSavedSnapshot(snapshotOf(sent));
      setSaved(true);
    },
    onError: (error) => show(toFormErrors(error, [])),
  });

  function change(update: (d: AvailabilityDraft) => AvailabilityDraft) {
    setDraft(update);
    setSaved(false);
    clear();
  }
  const setDay = (index: number, day: DayDraft) =>
    change((d) => ({ ...d, week: d.week.map((w, i) => (i === index ? day : w)) }));
  const setOverride = (key: number, patch: Partial<OverrideDraft>) =>
    change((d) => ({ ...d, overrides: d.overrides.map((o) => (o.key === key ? { ...o, ...patch } : o)) }));

  function copyToAll(index: number) {
    const source = draft.week[index]!;
    change((d) => ({
      ...d,
      week: d.week.map(() => ({
        enabled: true,
        intervals: source.intervals.map((i) => ({ ...i, key: newKey() })),
      })),
    }));
  }

  function addOverride() {
    const date = nextOverrideDate(draft, Date.now());
    change((d) => ({
      ...d,
      overrides: [...d.overrides, { key: newKey(), date, dayOff: true, intervals: [defaultInterval()] }],
    }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors, message: 'Some hours need attention.' });
      return;
    }
    save.mutate(draft);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      {errors.message && <Alert>{errors.message}</Alert>}
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <TimeZonePicker
          label="Time zone"
          hint="Your hours below are in this zone; invitees see them in theirs."
          value={draft.timeZone}
          onChange={(timeZone) => change((d) => ({ ...d, timeZone }))}
        />
      </section>

      <section
        aria-labelledby="weekly-heading"
        className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
      >
        <h2 id="weekly-heading" className="text-base font-semibold">
          Weekly hours
        </h2>
        <ul className="divide-y divide-slate-200">
          {draft.week.map((day, index) => {
            const name = dayNames[index]!;
            const error = errors.fields[`week.${index}`];
            const errorId = `week-${index}-error`;
            return (
              <li key={name} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start">
                <label className="flex min-h-10 w-36 shrink-0 items-center gap-3 text-sm font-medium">
                  <input
                    type="checkbox"
                    checked={day.enabled}
                    onChange={(event) => setDay(index, { ...day, enabled: event.target.checked })}
                    className="size-5 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  />
                  {name}
                </label>
                <div className="min-w-0 flex-1 space-y-2">
                  {day.enabled ? (
                    <IntervalsEditor
                      dayLabel={name}
                      intervals={day.intervals}
                      onChange={(intervals) =>
                        setDay(index, {
                          enabled: intervals.length > 0,
                          intervals: intervals.length ? intervals : [defaultInterval()],
                        })
                      }
                      errorId={errorId}
                      invalid={Boolean(error)}
                    />
                  ) : (
                    <p className="flex min-h-10 items-center text-sm text-slate-600">Unavailable</p>
                  )}
                  {error && (
                    <p id={errorId} className="text-sm font-medium text-red-700">
                      {error}
                    </p>
                  )}
                </div>
                {day.enabled && (
                  <Button
                    variant="ghost"
                    className="self-start text-xs text-slate-600"
                    onClick={() => copyToAll(index)}
                  >
                    Copy to all days<span className="sr-only"> from {name}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section
        aria-labelledby="overrides-heading"
        className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
      >
        <div>
          <h2 id="overrides-heading" className="text-base font-semibold">
            Date overrides
          </h2>
          <p className="mt-1 text-sm text-slate-600">Days off, or different hours on a particular date.</p>
        </div>
        {draft.overrides.length === 0 ? (
          <p className="text-sm text-slate-600 italic">No overrides.</p>
        ) : (
          <ul className="space-y-3">
            {draft.overrides.map((o, index) => {
              const parsed = parseDateKey(o.date);
              const label = parsed
                ? formatCivilDate(parsed, { weekday: 'long', day: 'numeric', month: 'long' })
                : 'this date';
              const dateError = errors.fields[`overrides.${index}.date`];
              const intervalsError = errors.fields[`overrides.${index}.intervals`];
              return (
                <li key={o.key} className="space-y-3 rounded-lg border border-slate-200 p-4">
                  <div className="flex flex-wrap items-end gap-3">
                    <div className="space-y-1.5">
                      <label htmlFor={`override-${o.key}`} className="block text-sm font-medium">
                        Date
                      </label>
                      <input
                        id={`override-${o.key}`}
                        type="date"
                        value={o.date}
                        aria-invalid={dateError ? true : undefined}
                        aria-describedby={dateError ? `override-${o.key}-error` : undefined}
                        onChange={(event) => setOverride(o.key, { date: event.target.value })}
                        className={`${controlClasses} max-w-48`}
                      />
                    </div>
                    <label className="flex min-h-10 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={o.dayOff}
                        onChange={(event) => setOverride(o.key, { dayOff: event.target.checked })}
                        className="size-5 accent-indigo-600"
                      />
                      Unavailable all day
                    </label>
                    <Button
                      variant="ghost"
                      className="ml-auto text-red-700 hover:bg-red-50"
                      onClick={() => change((d) => ({ ...d, overrides: d.overrides.filter((x) => x.key !== o.key) }))}
                    >
                      Remove<span className="sr-only"> the override for {label}</span>
                    </Button>
                  </div>
                  {dateError && (
                    <p id={`override-${o.key}-error`} className="text-sm font-medium text-red-700">
                      {dateError}
                    </p>
                  )}
                  {!o.dayOff && (
                    <IntervalsEditor
                      dayLabel={label}
                      intervals={o.intervals}
                      onChange={(intervals) =>
                        setOverride(
                          o.key,
                          intervals.length ? { intervals } : { dayOff: true, intervals: [defaultInterval()] },
                        )
                      }
                      errorId={`override-${o.key}-intervals-error`}
                      invalid={Boolean(intervalsError)}
                    />
                  )}
                  {intervalsError && (
                    <p id={`override-${o.key}-intervals-error`} className="text-sm font-medium text-red-700">
                      {intervalsError}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <Button variant="secondary" onClick={addOverride}>
          Add a date override
        </Button>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          Save availability
        </Button>
        {saved && <Notice tone="success">Saved. Your booking pages use these hours now.</Notice>}
      </div>
    </form>
  );
}
