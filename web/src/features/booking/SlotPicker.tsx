import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMonths,
  civilDateOf,
  compareDates,
  dateKey,
  firstOfMonth,
  formatCivilDate,
  formatMonth,
  formatTime,
  parseDateKey,
  startOfZonedDay,
  zonedDateKey,
  type CivilDate,
} from '../../lib/zonedTime';
import { localeFirstDayOfWeek } from '../../lib/locale';
import { useDateLocale } from '../../lib/pageLanguage';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { Skeleton } from '../../ui/Skeleton';
import { Spinner } from '../../ui/Spinner';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import type { Slot } from './api';
import { shownMonth } from './bookingUrl';
import { errorText } from './errorText';
import { HourFormatToggle } from './HourFormatToggle';
import { MonthCalendar } from './MonthCalendar';
import { findNextSlot, MAX_WINDOW_DAYS, useMonthSlots, type SlotSource } from './useSlots';
import type { ViewerPreferences } from './useViewerPreferences';

const DAY = 86_400_000;

/** The month and day a picker shows, as asked for; the picker falls back to what is bookable. */
export interface PickerView {
  month?: CivilDate | undefined;
  /** A date key in the viewer's zone. */
  day?: string | undefined;
}

/** `push` for a choice worth a Back step (a day), `replace` for browsing (another month). */
export type ViewChange = (view: PickerView, how: 'push' | 'replace') => void;

/** Picker view kept in component state, for pickers whose place need not survive a reload. */
export function usePickerView(initialDay?: string) {
  const [view, setView] = useState<PickerView>({ day: initialDay });
  const onViewChange: ViewChange = useCallback((next) => setView(next), []);
  return { view, onViewChange };
}

interface SlotPickerProps {
  source: SlotSource;
  prefs: ViewerPreferences;
  onPick: (slot: Slot) => void;
  view: PickerView;
  onViewChange: ViewChange;
  bookingWindowDays?: number | undefined;
  /** A message above the calendar, such as "that time was just taken". */
  notice?: ReactNode;
}

/** Month calendar, the chosen day's times, time zone and clock format: everything needed to pick a slot. */
export function SlotPicker(props: SlotPickerProps) {
  const { source, prefs, onPick, view, onViewChange, bookingWindowDays, notice } = props;
  const { timeZone, hour12 } = prefs;
  const { t } = useTranslation();
  const locale = useDateLocale();
  const [now] = useState(() => Date.now());
  const today = civilDateOf(now, timeZone);
  const firstDayOfWeek = useMemo(() => localeFirstDayOfWeek(locale), [locale]);
  const timesHeadingId = useId();

  const windowDays = bookingWindowDays ?? MAX_WINDOW_DAYS;
  const lastDay = civilDateOf(now + windowDays * DAY, timeZone);
  const month = shownMonth({ month: view.month, date: view.day }, today, lastDay);
  const canGoBack = compareDates(month, firstOfMonth(today)) > 0;
  const canGoForward = compareDates(addMonths(month, 1), lastDay) <= 0;

  const { query, byDay } = useMonthSlots(source, month, timeZone);
  const slotCounts = useMemo(() => new Map([...byDay].map(([key, slots]) => [key, slots.length])), [byDay]);
  // Date keys are YYYY-MM-DD, so a day belongs to the month when it starts with the month's YYYY-MM-.
  const asked = view.day !== undefined && view.day.startsWith(dateKey(month).slice(0, 8)) ? view.day : null;
  // Show the first day with times whenever the asked-for day has none in the loaded month: on opening, after
  // moving to another month or zone, or when the last time of the day was just taken.
  const day = !query.isSuccess || (asked !== null && byDay.has(asked)) ? asked : (byDay.keys().next().value ?? null);

  const nextAvailable = useMutation({
    mutationFn: () => {
      const after = Math.max(now, startOfZonedDay(addMonths(month, 1), timeZone));
      return findNextSlot(source, timeZone, after, now + (windowDays + 1) * DAY);
    },
    onSuccess: (slot) => {
      if (!slot) return;
      const start = Date.parse(slot.start);
      onViewChange({ month: firstOfMonth(civilDateOf(start, timeZone)), day: zonedDateKey(start, timeZone) }, 'push');
    },
  });

  function chooseDay(key: string) {
    onViewChange({ month, day: key }, 'push');
    // On a phone the times are below the calendar, out of sight: bring them into view.
    if (window.matchMedia('(max-width: 767px)').matches) {
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      requestAnimationFrame(() =>
        document
          .getElementById(timesHeadingId)
          ?.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' }),
      );
    }
  }

  function changeMonth(step: -1 | 1) {
    nextAvailable.reset();
    onViewChange({ month: addMonths(month, step) }, 'replace');
  }

  const daySlots = (day ? byDay.get(day) : undefined) ?? [];
  const selectedDate = day ? parseDateKey(day) : undefined;
  const monthIsEmpty = query.isSuccess && byDay.size === 0;

  return (
    <div className="space-y-5">
      {notice}
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_13rem]">
        <section aria-label={t('calendar.chooseDay')} className="min-w-0">
          <MonthCalendar
            month={month}
            today={today}
            firstDayOfWeek={firstDayOfWeek}
            slotCounts={slotCounts}
            selectedDay={day}
            onSelectDay={chooseDay}
            loading={query.isPending}
            canGoBack={canGoBack}
            canGoForward={canGoForward}
            onMonthChange={changeMonth}
          />
          <div className="mt-5 space-y-3">
            <TimeZonePicker label={t('slots.timeZone')} value={timeZone} onChange={prefs.setTimeZone} />
            <div className="flex items-center justify-between gap-3">
              <span className="text-sm text-slate-600">{t('slots.showTimesAs')}</span>
              <HourFormatToggle hour12={hour12} onChange={prefs.setHour12} />
            </div>
          </div>
        </section>

        <section aria-labelledby={timesHeadingId} className="min-w-0">
          <h3 id={timesHeadingId} className="mb-3 text-base font-semibold text-slate-900">
            {selectedDate
              ? formatCivilDate(selectedDate, { weekday: 'long', day: 'numeric', month: 'long' }, locale)
              : t('slots.availableTimes')}
          </h3>
          {query.isPending ? (
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-1" aria-hidden="true">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-11" />
              ))}
              <span className="sr-only">{t('slots.loading')}</span>
            </div>
          ) : query.isError ? (
            <div className="space-y-3">
              <Alert>
                {t('slots.loadFailed')} {errorText(query.error, t)}
              </Alert>
              <Button variant="secondary" onClick={() => query.refetch()}>
                {t('tryAgain')}
              </Button>
            </div>
          ) : monthIsEmpty ? (
            <div className="space-y-3 text-sm text-slate-700">
              <p>{t('slots.noneInMonth', { month: formatMonth(month, locale) })}</p>
              {nextAvailable.data === undefined && nextAvailable.isSuccess ? (
                <p role="status">{t('slots.noneInWindow', { count: windowDays })}</p>
              ) : (
                <Button variant="secondary" pending={nextAvailable.isPending} onClick={() => nextAvailable.mutate()}>
                  {t('slots.jumpToNext')}
                </Button>
              )}
              {nextAvailable.isError && (
                <Alert>
                  {t('slots.searchFailed')} {errorText(nextAvailable.error, t)}
                </Alert>
              )}
            </div>
          ) : daySlots.length === 0 ? (
            <p className="text-sm text-slate-600">{day ? t('slots.dayFull') : t('slots.chooseDayFirst')}</p>
          ) : (
            <ul className="grid max-h-none grid-cols-2 gap-2 sm:grid-cols-3 md:max-h-[26rem] md:grid-cols-1 md:overflow-y-auto md:p-0.5">
              {daySlots.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="button"
                    data-slot-start={slot.start}
                    onClick={() => onPick(slot)}
                    className={`w-full rounded-md border border-indigo-300 bg-white px-3 py-2.5 text-sm font-semibold text-indigo-700 tabular-nums transition-colors hover:border-indigo-600 hover:bg-indigo-50 ${focusRing}`}
                  >
                    {formatTime(Date.parse(slot.start), timeZone, hour12, locale)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {query.isFetching && !query.isPending && (
            <div className="mt-3">
              <Spinner label={t('slots.updating')} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
