/**
 * Time-zone arithmetic with nothing but Intl: the server speaks UTC instants, people read wall-clock times in a
 * zone. A "civil date" is a calendar day with no zone attached; instants are epoch milliseconds. No DOM here,
 * so the module also runs (and is tested) in Node.
 */

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface ZonedParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// Building a DateTimeFormat costs far more than using one, and a month of slots formats hundreds of times.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

export function cachedFormatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `instant` in `zone`. */
export function zonedParts(instant: number, zone: string): ZonedParts {
  const parts = cachedFormatter('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    // Some engines still write midnight as "24" under h23.
    hour: value('hour') % 24,
    minute: value('minute'),
    second: value('second'),
  };
}

/** Minutes to add to UTC to get the wall clock of `zone` at `instant` (+60 for Paris in winter). */
export function offsetMinutes(instant: number, zone: string): number {
  const p = zonedParts(instant, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/**
 * The instant at which the wall clock of `zone` shows `minutesOfDay` on `date`. A wall time that a DST change
 * skips or repeats resolves to the earlier candidate, so a day's range never misses its first hour.
 */
export function zonedToInstant(date: CivilDate, minutesOfDay: number, zone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutesOfDay);
  const first = wall - offsetMinutes(wall, zone) * MINUTE;
  const second = wall - offsetMinutes(first, zone) * MINUTE;
  return Math.min(first, second);
}

/** The first instant of `date` in `zone`. */
export function startOfZonedDay(date: CivilDate, zone: string): number {
  return zonedToInstant(date, 0, zone);
}

export function civilDateOf(instant: number, zone: string): CivilDate {
  const { year, month, day } = zonedParts(instant, zone);
  return { year, month, day };
}

export function dateKey(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseDateKey(key: string): CivilDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return dateKey(addDays(date, 0)) === key ? date : undefined;
}

export function zonedDateKey(instant: number, zone: string): string {
  return dateKey(civilDateOf(instant, zone));
}

function fromUtcMidnight(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function utcMidnight(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY);
}

export function firstOfMonth(date: CivilDate): CivilDate {
  return { year: date.year, month: date.month, day: 1 };
}

export function addMonths(month: CivilDate, months: number): CivilDate {
  const index = month.year * 12 + (month.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

export function daysInMonth(month: CivilDate): number {
  return new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: CivilDate): number {
  return ((new Date(utcMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return utcMidnight(a) - utcMidnight(b);
}

export function sameMonth(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month;
}

/** The instants that bound a calendar month in `zone`: [first instant of the 1st, first instant of the next 1st). */
export function monthRange(month: CivilDate, zone: string): { from: number; to: number } {
  return { from: startOfZonedDay(firstOfMonth(month), zone), to: startOfZonedDay(addMonths(month, 1), zone) };
}

/** Whether the browser's locale writes times with AM/PM. */
export function localePrefersHour12(): boolean {
  return cachedFormatter(undefined, { hour: 'numeric' }).resolvedOptions().hour12 ?? false;
}

/*
 * `locale` below is a BCP 47 tag (de, en-GB): the public pages pass their language's; left out, it is the
 * browser's, as the dashboard reads dates.
 */

export function formatTime(instant: number, zone: string, hour12: boolean, locale?: string): string {
  return cachedFormatter(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit', hour12 }).format(instant);
}

export function formatTimeRange(start: number, end: number, zone: string, hour12: boolean, locale?: string): string {
  return `${formatTime(start, zone, hour12, locale)} – ${formatTime(end, zone, hour12, locale)}`;
}

/** "Mar 9, 2026, 2:00 PM": an instant as the dashboard lists it, in `zone` and the reader's language. */
export function formatDateTime(instant: number, zone: string): string {
  return cachedFormatter(undefined, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}

/** "Thursday, 26 November 2026" in the reader's language. */
export function formatLongDate(instant: number, zone: string, locale?: string): string {
  return cachedFormatter(locale, {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(instant);
}

export function formatCivilDate(date: CivilDate, options: Intl.DateTimeFormatOptions, locale?: string): string {
  return cachedFormatter(locale, { ...options, timeZone: 'UTC' }).format(utcMidnight(date));
}

export function formatMonth(month: CivilDate, locale?: string): string {
  return formatCivilDate(month, { month: 'long', year: 'numeric' }, locale);
}

/** "GMT+1", "GMT-4:30", "GMT" for `zone` at `instant`. */
export function offsetLabel(zone: string, instant: number = Date.now()): string {
  const minutes = offsetMinutes(instant, zone);
  if (minutes === 0) return 'GMT';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `GMT${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Short weekday names in display order, starting with `firstDay` (ISO weekday). */
export function weekdayNames(firstDay: number, style: 'narrow' | 'short' | 'long', locale?: string): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    formatCivilDate({ year: 2024, month: 1, day: ((firstDay - 1 + i) % 7) + 1 }, { weekday: style }, locale),
  );
}

/** "HH:mm" → minutes since midnight ("24:00" → 1440). */
export function minutesOfTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
