import type { HOUR_CYCLES } from '../db/schema/values.js';

export type HourCycle = (typeof HOUR_CYCLES)[number];

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Building an Intl.DateTimeFormat costs far more than using one (it was most of the time spent rendering a
 * booking's e-mails), and e-mails use few languages, zones and clocks: each format is built once and kept.
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const zonePart = (at: Date, timeZone: string, style: Intl.DateTimeFormatOptions['timeZoneName'], locale: string) =>
  dateFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value ?? '';

/**
 * "Central European Standard Time (GMT+1)", "Mitteleuropäische Normalzeit (GMT+1)": the zone as people call it
 * at that instant, in `locale`. CLDR has no name for some zones and answers with an offset instead; then the
 * IANA id is the most recognisable thing left, except for Etc/GMT±n ids, whose sign is the reverse of the offset
 * they mean and would only confuse.
 */
export function friendlyZoneName(at: Date, timeZone: string, locale = 'en-GB'): string {
  const offset = zonePart(at, timeZone, 'shortOffset', locale);
  const named = [zonePart(at, timeZone, 'long', locale), zonePart(at, timeZone, 'longGeneric', locale)].find(
    (name) => name && !/^GMT([+-]|$)/.test(name),
  );
  const name = named ?? (timeZone.startsWith('Etc/') ? undefined : timeZone);
  return name ? `${name} (${offset})` : offset;
}

/**
 * "Monday, 9 March 2026, 10:00–10:30 Central European Standard Time (GMT+1)", or with h12 "…, 2:00 pm–2:30 pm …":
 * how a person reads a meeting time in their zone, clock and language (a BCP 47 tag such as de-DE).
 */
export function formatMeetingTime(
  start: Date,
  end: Date,
  timeZone: string,
  hourCycle: HourCycle = 'h23',
  locale = 'en-GB',
): string {
  const day = dateFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = dateFormat(locale, {
    timeZone,
    hour: hourCycle === 'h12' ? 'numeric' : '2-digit',
    minute: '2-digit',
    hourCycle,
  });
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)} ${friendlyZoneName(start, timeZone, locale)}`;
}
