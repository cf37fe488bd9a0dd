import { getTimeZones, rawTimeZones, timeZonesNames } from '@vvo/tzdb';

/**
 * Time-zone names as the product accepts and stores them: every IANA name, current or a backward link
 * (Asia/Calcutta, US/Pacific, EST), that this runtime's Intl can format, mapped to the current IANA name
 * (Asia/Kolkata, America/Los_Angeles, America/Panama). Fixed-offset strings such as "UTC+3", which Luxon
 * accepts and Intl rejects, are not IANA names and are refused. The names come from @vvo/tzdb: zone.tab
 * gives the current names, and each entry's `group` lists the links that show the same clock.
 */

/** Universal time is stored as "UTC", the name the rest of the product already uses. */
export const UTC_ZONE = 'UTC';

const MAX_NAME_LENGTH = 64;

const icuIds = new Map<string, string | undefined>();

/** The id ICU resolves a name to (ICU still answers legacy ids, e.g. Asia/Calcutta), or undefined if unknown. */
function icuId(zone: string): string | undefined {
  if (!icuIds.has(zone)) {
    let id: string | undefined;
    try {
      id = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      id = undefined;
    }
    icuIds.set(zone, id);
  }
  return icuIds.get(zone);
}

/**
 * A group can hold several current zones that keep the same clock today (America/New_York and
 * America/Detroit), so a link goes to the one ICU treats as the same zone (US/Michigan → America/Detroit),
 * falling back to the group's main zone.
 */
function linkTarget(link: string, currentNames: string[], primary: string): string {
  if (currentNames.length === 1) return currentNames[0]!;
  const id = icuId(link);
  return currentNames.find((name) => icuId(name) === id) ?? primary;
}

function buildCanonicalNames(): Map<string, string> {
  const current = new Set(timeZonesNames);
  const names = new Map<string, string>();
  for (const entry of rawTimeZones) {
    const currentNames = entry.group.filter((name) => current.has(name) && icuId(name) !== undefined);
    if (currentNames.length === 0) continue;
    for (const name of entry.group) {
      if (icuId(name) === undefined) continue;
      names.set(name.toLowerCase(), current.has(name) ? name : linkTarget(name, currentNames, entry.name));
    }
  }
  // UTC with its aliases (GMT, Etc/UTC, Zulu …) and the Etc/GMT±n zones have no country, so only
  // getTimeZones carries them.
  for (const entry of getTimeZones({ includeUtc: true, includeGmtOffsets: true })) {
    if (entry.countryCode !== '') continue;
    const target = entry.name === 'Etc/UTC' ? UTC_ZONE : entry.name;
    for (const name of entry.group) if (icuId(name) !== undefined) names.set(name.toLowerCase(), target);
  }
  icuIds.clear();
  return names;
}

let canonicalNames: Map<string, string> | undefined;

/** The current IANA name for `zone` (case-insensitive, links resolved), or undefined when it is not a zone name. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (zone.length === 0 || zone.length > MAX_NAME_LENGTH) return undefined;
  canonicalNames ??= buildCanonicalNames();
  return canonicalNames.get(zone.toLowerCase());
}
