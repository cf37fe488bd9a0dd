export function detectTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every IANA zone the browser knows, always including `zone`. */
export function listTimeZones(zone: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  // Some engines resolve the local zone to an alias (such as "UTC") that the canonical list leaves out.
  return zones.includes(zone) ? zones : [...zones, zone].sort();
}

export function timeZoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}
