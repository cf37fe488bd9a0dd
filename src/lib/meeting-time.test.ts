import { describe, expect, it } from 'vitest';
import { formatMeetingTime, friendlyZoneName } from './time.js';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('meeting times as people read them', () => {
  it('names the zone as it is called on that day, with its offset', () => {
    expect(friendlyZoneName(winter, 'Europe/Berlin')).toBe('Central European Standard Time (GMT+1)');
    expect(friendlyZoneName(summer, 'Europe/Berlin')).toBe('Central European Summer Time (GMT+2)');
    expect(friendlyZoneName(winter, 'Asia/Kolkata')).toBe('India Standard Time (GMT+5:30)');
  });

  it('falls back to the generic name, then the IANA id, and never shows an inverted Etc id', () => {
    // CLDR gives Casablanca no specific name, only the generic "Morocco Time".
    expect(friendlyZoneName(winter, 'Africa/Casablanca')).toMatch(/^Morocco Time \(GMT/);
    expect(friendlyZoneName(winter, 'Etc/GMT-3')).toBe('GMT+3');
  });

  it('writes a 12-hour clock only when asked', () => {
    const end = new Date(winter.getTime() + 30 * 60_000);
    expect(formatMeetingTime(winter, end, 'UTC')).toBe(
      'Thursday, 15 January 2026, 12:00–12:30 Coordinated Universal Time (GMT+0)',
    );
    expect(formatMeetingTime(winter, end, 'UTC', 'h12')).toBe(
      'Thursday, 15 January 2026, 12:00 pm–12:30 pm Coordinated Universal Time (GMT+0)',
    );
  });
});
