import { DateTime } from 'luxon';

export function isValidTimeZone(zone: string): boolean {
  return zone.length > 0 && zone.length < 64 && DateTime.now().setZone(zone).isValid;
}

/** "Monday, 9 March 2026, 10:00–10:30 (Europe/Berlin, GMT+1)": how a person reads a meeting time in their zone. */
export function formatMeetingTime(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(start)
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${day.format(start)}, ${time.format(start)}–${time.format(end)} (${timeZone}, ${offset})`;
}
