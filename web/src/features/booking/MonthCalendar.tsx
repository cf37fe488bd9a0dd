import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateLocale } from '../../lib/pageLanguage';
import {
  addDays,
  compareDates,
  dateKey,
  daysInMonth,
  formatCivilDate,
  formatMonth,
  isoWeekday,
  weekdayNames,
  type CivilDate,
} from '../../lib/zonedTime';
import { focusRing } from '../../ui/focusRing';

interface MonthCalendarProps {
  month: CivilDate;
  today: CivilDate;
  firstDayOfWeek: number;
  /** Number of offered slots per day key; days missing here are not bookable. */
  slotCounts: ReadonlyMap<string, number>;
  selectedDay: string | null;
  onSelectDay: (key: string) => void;
  loading: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  onMonthChange: (step: -1 | 1) => void;
}

function chevron(direction: 'left' | 'right') {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
      <path
        d={direction === 'left' ? 'M12.5 15l-5-5 5-5' : 'M7.5 5l5 5-5 5'}
        stroke="currentColor"
        strokeWidth="1.8"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A month as a table of day buttons; days with offered times are enabled and marked with a dot. */
export function MonthCalendar(props: MonthCalendarProps) {
  const { month, today, firstDayOfWeek, slotCounts, selectedDay, onSelectDay, loading } = props;
  const { t } = useTranslation();
  const locale = useDateLocale();
  const names = useMemo(() => weekdayNames(firstDayOfWeek, 'short', locale), [firstDayOfWeek, locale]);
  const longNames = useMemo(() => weekdayNames(firstDayOfWeek, 'long', locale), [firstDayOfWeek, locale]);

  const weeks = useMemo(() => {
    const first = { ...month, day: 1 };
    const lead = (isoWeekday(first) - firstDayOfWeek + 7) % 7;
    const cells: (CivilDate | null)[] = Array.from({ length: lead }, () => null);
    for (let d = 0; d < daysInMonth(month); d++) cells.push(addDays(first, d));
    while (cells.length % 7) cells.push(null);
    return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  }, [month, firstDayOfWeek]);

  const monthLabel = formatMonth(month, locale);
  const headingId = `calendar-${dateKey(month)}`;

  const bookableKeys = useMemo(
    () =>
      weeks
        .flat()
        .filter((date): date is CivilDate => date !== null && compareDates(date, today) >= 0)
        .map(dateKey)
        .filter((key) => (slotCounts.get(key) ?? 0) > 0),
    [weeks, today, slotCounts],
  );
  // One Tab stop for the whole grid (the arrow keys move inside it): the day last focused, else the chosen
  // one, else the first bookable day.
  const [focusedDay, setFocusedDay] = useState<string | null>(null);
  const tabStop =
    [focusedDay, selectedDay].find((key) => key !== null && bookableKeys.includes(key)) ?? bookableKeys[0] ?? null;

  // Arrow keys move between bookable days: left/right to the previous/next one, up/down by a week if bookable;
  // Home and End go to the month's first and last bookable day.
  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const current = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-date]');
    if (!current) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-date]')];
    const bookable = buttons.filter((button) => !button.disabled);
    const edge = { Home: bookable[0], End: bookable.at(-1) }[event.key];
    if (edge) {
      event.preventDefault();
      edge.focus();
      return;
    }
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    if (!step) return;
    const index = buttons.indexOf(current);
    let target: HTMLButtonElement | undefined;
    if (Math.abs(step) === 1) {
      for (let i = index + step; i >= 0 && i < buttons.length; i += step) {
        if (!buttons[i]!.disabled) {
          target = buttons[i];
          break;
        }
      }
    } else {
      const candidate = buttons[index + step];
      if (candidate && !candidate.disabled) target = candidate;
    }
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  return (
    <div>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900" aria-live="polite">
          {monthLabel}
        </h3>
        <div className="flex gap-1">
          <button
            type="button"
            onClick={() => props.onMonthChange(-1)}
            disabled={!props.canGoBack}
            aria-label={t('calendar.previousMonth')}
            className={`grid size-10 place-items-center rounded-full text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent ${focusRing}`}
          >
            {chevron('left')}
          </button>
          <button
            type="button"
            onClick={() => props.onMonthChange(1)}
            disabled={!props.canGoForward}
            aria-label={t('calendar.nextMonth')}
            className={`grid size-10 place-items-center rounded-full text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent ${focusRing}`}
          >
            {chevron('right')}
          </button>
        </div>
      </div>
      <table aria-labelledby={headingId} aria-busy={loading} onKeyDown={onKeyDown} className="w-full table-fixed">
        <thead>
          <tr>
            {names.map((name, i) => (
              <th key={name} scope="col" abbr={longNames[i]} className="pb-2 text-xs font-medium text-slate-600">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((date, d) => {
                if (!date) return <td key={d} />;
                const key = dateKey(date);
                const count = slotCounts.get(key) ?? 0;
                const past = compareDates(date, today) < 0;
                const bookable = count > 0 && !past;
                const selected = key === selectedDay;
                const isToday = compareDates(date, today) === 0;
                const day = formatCivilDate(date, { weekday: 'long', day: 'numeric', month: 'long' }, locale);
                const label = bookable
                  ? t('calendar.dayWithTimes', { date: day, count })
                  : t('calendar.dayWithoutTimes', { date: day });
                return (
                  <td key={d} className="p-0.5 text-center">
                    <button
                      type="button"
                      data-date={key}
                      disabled={!bookable}
                      tabIndex={key === tabStop ? 0 : -1}
                      onFocus={() => setFocusedDay(key)}
                      aria-pressed={bookable ? selected : undefined}
                      aria-current={isToday ? 'date' : undefined}
                      aria-label={label}
                      onClick={() => onSelectDay(key)}
                      className={`relative mx-auto grid aspect-square w-full max-w-11 place-items-center rounded-full text-sm tabular-nums transition-colors ${focusRing} ${
                        selected
                          ? 'bg-indigo-600 font-semibold text-white'
                          : bookable
                            ? 'bg-indigo-50 font-semibold text-indigo-700 hover:bg-indigo-100'
                            : 'cursor-default text-slate-400'
                      }`}
                    >
                      {date.day}
                      {bookable && (
                        <span
                          aria-hidden="true"
                          className={`absolute bottom-1 size-1 rounded-full ${selected ? 'bg-white' : 'bg-indigo-600'}`}
                        />
                      )}
                      {isToday && !selected && (
                        <span aria-hidden="true" className="absolute inset-0 rounded-full ring-1 ring-slate-400" />
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
