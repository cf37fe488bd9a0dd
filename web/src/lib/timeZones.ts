import timeZonesNames from '@vvo/tzdb/time-zones-names.json' with { type: 'json' };
import { offsetLabel } from './zonedTime.js';

/**
 * Zone names as the app shows and sends them: current IANA names (Asia/Kolkata), although browsers report ICU's
 * ids, which keep the old names (Asia/Calcutta, Europe/Kiev). Only @vvo/tzdb's list of current names (zone.tab)
 * is in the booking page's first load; the rest of its data loads with the picker (timeZoneSearch.ts). A legacy
 * name is paired with the current name ICU resolves to the same id; the server canonicalises again on input.
 */

export const UTC_ZONE = 'UTC';

const currentNames = new Set(timeZonesNames);
const UTC_IDS = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

function icuId(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let listedIds: Set<string> | undefined;
let currentByIcuId: Map<string, string> | undefined;

/** ICU id → current name. Only the few current names ICU does not list under their own name cost a lookup. */
function buildCurrentByIcuId(listed: Set<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of timeZonesNames) {
    if (listed.has(name)) map.set(name, name);
  }
  for (const name of timeZonesNames) {
    if (listed.has(name)) continue;
    const id = icuId(name);
    if (id !== undefined && !map.has(id)) map.set(id, name);
  }
  return map;
}

function resolve(zone: string): string | undefined {
  listedIds ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (currentNames.has(zone) && listedIds.has(zone)) return zone;
  const id = icuId(zone);
  if (id === undefined) return undefined;
  if (currentNames.has(zone)) return zone;
  if (UTC_IDS.has(id)) return UTC_ZONE;
  if (/^Etc\/GMT[+-]\d{1,2}$/.test(id)) return id;
  currentByIcuId ??= buildCurrentByIcuId(listedIds);
  return currentByIcuId.get(id) ?? id;
}

const canonicalCache = new Map<string, string | undefined>();

/** The current IANA name of `zone` (Asia/Calcutta → Asia/Kolkata), or undefined when this browser cannot use it. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!canonicalCache.has(zone)) canonicalCache.set(zone, resolve(zone));
  return canonicalCache.get(zone);
}

export function detectTimeZone(): string {
  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return canonicalTimeZone(detected) ?? UTC_ZONE;
}

/** Every current zone name this browser can format, with UTC, always including `zone`. */
export function listTimeZones(zone: string): string[] {
  const zones = [...timeZonesNames.filter((name) => canonicalTimeZone(name) === name), UTC_ZONE];
  const selected = canonicalTimeZone(zone) ?? zone;
  return (zones.includes(selected) ? zones : [...zones, selected]).sort();
}

/** "America/New York": the IANA name, current even when the browser or old data gave a legacy one. */
export function timeZoneLabel(zone: string): string {
  return (canonicalTimeZone(zone) ?? zone).replaceAll('_', ' ');
}

/** The city part of a zone name: "Buenos Aires" for America/Argentina/Buenos_Aires. */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/**
 * "India Standard Time", "Pacific Time" (or in `locale`: "Indische Normalzeit"); undefined where CLDR has no
 * name and would only repeat the offset.
 */
export function zoneGenericName(zone: string, instant: number = Date.now(), locale = 'en'): string | undefined {
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name && !/^GMT([+-]|$)/.test(name) ? name : undefined;
}

/** "Coordinated Universal Time", "Koordinierte Weltzeit": UTC's own name in `locale`. */
export function utcName(locale = 'en'): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: UTC_ZONE, timeZoneName: 'long' })
      .formatToParts(0)
      .find((part) => part.type === 'timeZoneName')?.value ?? UTC_ZONE
  );
}

/**
 * "Kolkata, India — India Standard Time (GMT+5:30)": how the picker names a zone, with the zone's name in
 * `locale` (the city stays as the zone database spells it). The country is optional, as which country a zone is
 * in comes with the picker's search data.
 */
export function timeZoneDisplayName(
  zone: string,
  instant: number = Date.now(),
  country?: string,
  locale = 'en',
): string {
  const canonical = canonicalTimeZone(zone);
  // Old data may hold a name this browser cannot format: show it as it is rather than fail.
  if (canonical === undefined) return zone;
  const offset = offsetLabel(canonical, instant);
  if (canonical === UTC_ZONE) return `UTC — ${utcName(locale)} (${offset})`;
  if (canonical.startsWith('Etc/')) return offset;
  const place = [zoneCity(canonical), country].filter(Boolean).join(', ');
  const name = zoneGenericName(canonical, instant, locale);
  return `${place}${name ? ` — ${name}` : ''} (${offset})`;
}
