import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from './time-zones.js';

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['Asia/Rangoon', 'Asia/Yangon'],
    ['US/Pacific', 'America/Los_Angeles'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Europe/Uzhgorod', 'Europe/Kyiv'],
  ])('maps the link %s to the current name %s', (link, current) => {
    expect(canonicalTimeZone(link)).toBe(current);
  });

  it('sends a link to the zone it belongs to when its group keeps several current zones', () => {
    // US/Michigan keeps New York's clock today, but it is Detroit's link.
    expect(canonicalTimeZone('US/Michigan')).toBe('America/Detroit');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('America/Indianapolis')).toBe('America/Indiana/Indianapolis');
  });

  it('keeps current names as they are, including ones that share a clock with a bigger zone', () => {
    for (const zone of ['Europe/Berlin', 'Asia/Kolkata', 'America/Detroit', 'Europe/Oslo', 'America/Indiana/Knox']) {
      expect(canonicalTimeZone(zone)).toBe(zone);
    }
  });

  it('stores universal time and its aliases as UTC, and keeps the Etc/GMT±n zones', () => {
    for (const zone of ['UTC', 'utc', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Zulu', 'Universal']) {
      expect(canonicalTimeZone(zone)).toBe('UTC');
    }
    expect(canonicalTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
  });

  it('ignores letter case, as IANA names are case-insensitive', () => {
    expect(canonicalTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('EUROPE/PARIS')).toBe('Europe/Paris');
  });

  it.each([
    'UTC+3',
    'utc-12',
    'UTC+99',
    'GMT+2',
    '+03:00',
    'IST',
    'PST',
    'SystemV/AST4',
    'Mars/Olympus',
    '',
    'x'.repeat(65),
  ])('refuses %j, which is not an IANA zone name', (zone) => {
    expect(canonicalTimeZone(zone)).toBeUndefined();
  });

  it('answers only names that Intl can format', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const canonical = canonicalTimeZone(zone);
      expect(canonical, zone).toBeDefined();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: canonical })).not.toThrow();
    }
  });
});
