import { getCountryCode, getTimeZones } from '@vvo/tzdb';
import { canonicalTimeZone, UTC_ZONE, utcName, zoneCity, zoneGenericName } from './timeZones.js';
import { offsetMinutes } from './zonedTime.js';

/**
 * The time-zone picker's search: every current zone with the words people look for it by (city, country, the
 * zone's common names and abbreviations, old names such as Calcutta, the big cities that share its clock).
 * Loaded with the picker, as @vvo/tzdb's zone list is too big for the booking page's first load.
 */

export interface ZoneOption {
  zone: string;
  /** "Kolkata, India — India Standard Time (GMT+5:30)" */
  text: string;
  /** Normalised names and words this zone is found by. */
  phrases: string[];
  /** Its city and country, normalised: naming the place outweighs naming the clock. */
  places: string[];
  words: string[];
  /** The zone @vvo/tzdb leads its group with, e.g. New York among the zones that keep Eastern Time. */
  primary: boolean;
  /** How many current zones keep this clock in this country: a rough measure of how many people live by it. */
  groupZones: number;
  offsetMinutes: number;
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('_', ' ').replace(/\s+/g, ' ').trim();
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** "India" (in `locale`: "Indien") for Asia/Kolkata and Asia/Calcutta; undefined for zones of no country, such as UTC. */
export function zoneCountry(zone: string, locale = 'en'): string | undefined {
  const code = getCountryCode(zone);
  if (code === undefined) return undefined;
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  return names.of(code);
}

/** "GMT+5:30", as offsetLabel writes it, from the offset @vvo/tzdb has already computed. */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'GMT';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `GMT${minutes > 0 ? '+' : '-'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** CLDR's names for a clock: winter, summer and generic ("Pacific Standard/Daylight Time", "Pacific Time"). */
function clockNames(zone: string, instant: number, locale: string): string[] {
  if (zone === UTC_ZONE) return [utcName(locale)];
  const year = new Date(instant).getUTCFullYear();
  const long = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' });
  const nameAt = (at: number) => long.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const names = [nameAt(Date.UTC(year, 0, 15)), nameAt(Date.UTC(year, 6, 15))].filter(
    (name) => name !== '' && !/^GMT([+-]|$)/.test(name),
  );
  // The generic name last: it is the one the option shows.
  const generic = zoneGenericName(zone, instant, locale);
  return generic ? [...names, generic] : names;
}

function wordsOf(phrases: string[]): string[] {
  const tokens = phrases.flatMap((phrase) => phrase.split(/[\s/,()]+/));
  // "port-au-prince" is found by "prince" too, but "gmt-6" stays one word.
  const parts = tokens.filter((t) => t.includes('-') && !t.startsWith('gmt')).flatMap((t) => t.split('-'));
  return [...new Set([...tokens, ...parts].filter(Boolean))];
}

interface Clock {
  names: string[];
  offsetMinutes: number;
  phrases: string[];
  groupZones: number;
}

function describe(zone: string, clock: Clock, extraPhrases: string[], primary: boolean, locale: string): ZoneOption {
  const offset = offsetText(clock.offsetMinutes);
  const city = zone === UTC_ZONE ? 'UTC' : zoneCity(zone);
  const country = zoneCountry(zone, locale);
  const place = [city, country].filter(Boolean).join(', ');
  const name = clock.names.at(-1);
  const text = zone.startsWith('Etc/') ? offset : `${place}${name ? ` — ${name}` : ''} (${offset})`;
  // In another language the English names still find a zone: people often know a zone by them.
  const english = isEnglish(locale) ? [] : [zoneCountry(zone) ?? ''];
  const phrases = [
    ...new Set(
      [city, country ?? '', zone, offset, ...clock.names, ...clock.phrases, ...english, ...extraPhrases].map(normalise),
    ),
  ].filter(Boolean);
  return {
    zone,
    text,
    phrases,
    places: [city, country ?? ''].filter(Boolean).map(normalise),
    words: wordsOf(phrases),
    primary,
    groupZones: clock.groupZones,
    offsetMinutes: clock.offsetMinutes,
  };
}

const isEnglish = (locale: string) => locale.split('-')[0] === 'en';

/** A clock's names in `locale`, for the option's text, and in English too, for the search. */
const namesIn = (zone: string, instant: number, locale: string) => ({
  names: clockNames(zone, instant, locale),
  englishNames: isEnglish(locale) ? [] : clockNames(zone, instant, 'en'),
});

/**
 * Every current zone this browser can show, plus `selected` when it is not one of them, ordered by offset, named
 * in `locale`.
 */
export function zoneOptions(selected: string, instant: number = Date.now(), locale = 'en'): ZoneOption[] {
  const options: ZoneOption[] = [];
  const seen = new Set<string>();
  for (const entry of getTimeZones({ includeUtc: true, date: new Date(instant) })) {
    const primary = canonicalTimeZone(entry.name);
    if (primary === undefined) continue;
    // Zone name → the old city names that link to it (Calcutta for Kolkata).
    const members = new Map<string, string[]>();
    for (const name of entry.group) {
      const canonical = canonicalTimeZone(name);
      if (canonical === undefined || seen.has(canonical)) continue;
      const links = members.get(canonical) ?? [];
      if (name !== canonical && name.includes('/')) links.push(zoneCity(name));
      members.set(canonical, links);
    }
    // One country, one clock: the zones of a group share CLDR's names, so they are looked up once.
    const { names, englishNames } = namesIn(primary, instant, locale);
    const clock: Clock = {
      names,
      offsetMinutes: entry.currentTimeOffsetInMinutes,
      phrases: [
        entry.alternativeName,
        entry.countryName,
        entry.abbreviation,
        entry.dstAbbreviation ?? '',
        ...englishNames,
      ],
      groupZones: members.size,
    };
    for (const [zone, oldCities] of members) {
      seen.add(zone);
      const isPrimary = zone === primary;
      options.push(describe(zone, clock, [...oldCities, ...(isPrimary ? entry.mainCities : [])], isPrimary, locale));
    }
  }
  const current = canonicalTimeZone(selected);
  if (current !== undefined && !seen.has(current)) {
    const { names, englishNames } = namesIn(current, instant, locale);
    const clock = { names, offsetMinutes: offsetMinutes(instant, current), phrases: englishNames, groupZones: 0 };
    options.push(describe(current, clock, [], false, locale));
  }
  return options;
}

function score(option: ZoneOption, query: string, queryWords: string[]): number {
  let total = 0;
  for (const word of queryWords) {
    if (option.words.includes(word)) total += 3;
    else if (option.words.some((w) => w.startsWith(word))) total += 1;
    else if (option.phrases.some((p) => p.includes(word))) total += 0.5;
    else return 0;
  }
  // "India Standard Time" is also Sri Lanka's clock, but it names India.
  if (queryWords.some((word) => option.places.includes(word))) total += 2;
  if (option.phrases.includes(query)) total += 10;
  else if (option.phrases.some((p) => p.startsWith(query))) total += 5;
  return total + (option.primary ? 1 : 0);
}

/** The options matching every word of `query`, best first: a whole name ("Pacific Time", "EST") beats a part. */
export function searchZones(options: ZoneOption[], query: string, limit = 100): ZoneOption[] {
  const q = normalise(query);
  if (q === '') return options.slice(0, limit);
  const queryWords = q.split(/[\s,]+/).filter(Boolean);
  return options
    .map((option) => ({ option, score: score(option, q, queryWords) }))
    .filter((match) => match.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score || b.option.groupZones - a.option.groupZones || a.option.text.localeCompare(b.option.text),
    )
    .slice(0, limit)
    .map((match) => match.option);
}
