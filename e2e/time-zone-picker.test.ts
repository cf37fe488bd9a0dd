import { describe, expect, test } from 'vitest';
import { searchZones, zoneOptions } from '../web/src/lib/timeZoneSearch.js';
import { canonicalTimeZone, listTimeZones, timeZoneDisplayName } from '../web/src/lib/timeZones.js';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, seriousA11yViolations, type ViewportName } from './helpers/browser.js';
import { hostApi, newAccount, openIntroCall, signUp } from './helpers/flows.js';

// Chromium, like Node, reports ICU's ids, which keep the old names.
const LEGACY_ZONE = 'Asia/Calcutta';
// A fixed instant keeps offsets and names independent of the season the test runs in.
const JANUARY = Date.UTC(2026, 0, 15, 12);

// The web app's zone names and search are plain TypeScript over Intl and @vvo/tzdb, checked here in Node.
describe('zone names and search in the web app', () => {
  test('the legacy ids browsers report become current names', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC+3')).toBeUndefined();
    const zones = listTimeZones('Asia/Calcutta');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
  });

  test('zones are named by city, country, zone name and offset', () => {
    expect(timeZoneDisplayName('Asia/Calcutta', JANUARY, 'India')).toBe(
      'Kolkata, India — India Standard Time (GMT+5:30)',
    );
    expect(timeZoneDisplayName('America/Los_Angeles', JANUARY)).toBe('Los Angeles — Pacific Time (GMT-8)');
    expect(timeZoneDisplayName('UTC', JANUARY)).toBe('UTC — Coordinated Universal Time (GMT)');
  });

  const options = zoneOptions('Asia/Calcutta', JANUARY);
  const found = (query: string) => searchZones(options, query).map((o) => o.zone);

  test.each([
    ['Kolkata', 'Asia/Kolkata'],
    ['Calcutta', 'Asia/Kolkata'],
    ['Mumbai', 'Asia/Kolkata'],
    ['India', 'Asia/Kolkata'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Kathmandu', 'Asia/Kathmandu'],
    ['Katmandu', 'Asia/Kathmandu'],
    ['Kyiv', 'Europe/Kyiv'],
    ['Kiev', 'Europe/Kyiv'],
    ['Pacific Time', 'America/Los_Angeles'],
    ['PST', 'America/Los_Angeles'],
    ['EST', 'America/New_York'],
    ['Eastern Standard Time', 'America/New_York'],
    ['new york', 'America/New_York'],
    ['CET', 'Europe/Berlin'],
    ['sao paulo', 'America/Sao_Paulo'],
  ])('"%s" finds %s first', (query, zone) => {
    expect(found(query)[0]).toBe(zone);
  });

  test('an abbreviation finds every zone it names', () => {
    expect(found('IST')).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']));
    expect(found('CET')).toEqual(expect.arrayContaining(['Europe/Paris', 'Europe/Madrid', 'Europe/Warsaw']));
    expect(found('Pacific Time').slice(0, 3)).toEqual(
      expect.arrayContaining(['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana']),
    );
  });

  test('every option names its zone in words and lists it once, by its current name', () => {
    const zones = options.map((o) => o.zone);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).not.toContain('Asia/Calcutta');
    expect(options.find((o) => o.zone === 'Asia/Kolkata')?.text).toBe(
      'Kolkata, India — India Standard Time (GMT+5:30)',
    );
    expect(found('')).toHaveLength(100);
    expect(found('no such place')).toEqual([]);
  });
});

const session = e2eSession();

describe.each(['desktop', 'phone'] as const)('time-zone picker at %s width', (viewport: ViewportName) => {
  test('a browser reporting Asia/Calcutta gets Kolkata, and the picker finds zones by the names people use', async () => {
    const context = await session.newContext(viewport, LEGACY_ZONE);
    const page = await context.newPage();

    // Sign-up proposes, and stores, the current name of the browser's zone.
    await page.goto('/signup');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Kolkata');
    const account = newAccount();
    await signUp(page, account);
    const api = await hostApi(context.request);
    expect((await api<{ user: { timeZone: string } }>('GET', '/api/me')).user.timeZone).toBe('Asia/Kolkata');
    await openIntroCall(api);

    // The booking page shows the visitor's zone by its current name and asks for slots in it.
    const slotsZone = (request: { url(): string }) => new URL(request.url()).searchParams.get('timeZone');
    const firstSlots = page.waitForRequest((r) => r.url().includes('/api/meetings/slots?'));
    await page.goto(`/${account.username}/intro`);
    expect(slotsZone(await firstSlots)).toBe('Asia/Kolkata');
    await page.locator('[data-slot-start]').first().waitFor();
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    expect(await zone.inputValue()).toMatch(/^Kolkata\b.*India Standard Time \(GMT\+5:30\)$/);
    expect(await zone.inputValue()).not.toContain('Calcutta');

    const firstOption = page.getByRole('listbox', { name: 'Time zone' }).getByRole('option').first();
    const search = async (query: string, expected: RegExp) => {
      await zone.fill(query);
      await expect.poll(() => firstOption.innerText(), { message: `first option for "${query}"` }).toMatch(expected);
    };
    await search('Kathmandu', /^Kathmandu, Nepal — Nepal Time \(GMT\+5:45\)$/);
    await search('Kyiv', /^Kyiv, Ukraine — /);
    await search('India', /^Kolkata, India — India Standard Time \(GMT\+5:30\)$/);
    await search('Pacific Time', /^Los Angeles, United States — Pacific Time \(GMT-[78]\)$/);
    await search('EST', /^New York, United States — Eastern Time \(GMT-[45]\)$/);
    expect(await zone.getAttribute('aria-expanded')).toBe('true');
    expect(await zone.getAttribute('aria-activedescendant')).toBe(await firstOption.getAttribute('id'));
    await page
      .getByRole('status')
      .filter({ hasText: /time zones? found/ })
      .waitFor({ state: 'attached' });
    await screenshot(page, `${viewport}-time-zone-search`);
    expect(await seriousA11yViolations(page), 'axe with the list open').toEqual([]);
    expect(await horizontalOverflow(page), 'horizontal overflow with the list open').toBe(0);

    // Chosen by keyboard, the zone applies at once and is named in full.
    await zone.fill('Kathmandu');
    await expect.poll(() => firstOption.innerText()).toMatch(/^Kathmandu/);
    const nextSlots = page.waitForRequest((r) => r.url().includes('/api/meetings/slots?'));
    await zone.press('Enter');
    expect(slotsZone(await nextSlots)).toBe('Asia/Kathmandu');
    expect(await zone.inputValue()).toBe('Kathmandu, Nepal — Nepal Time (GMT+5:45)');
    expect(await zone.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });
});
