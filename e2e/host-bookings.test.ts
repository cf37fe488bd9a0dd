import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, seriousA11yViolations, type ViewportName } from './helpers/browser.js';
import { findSlot, hostWithProfileZone, timeRangeText } from './helpers/flows.js';

const HOUR = 3_600_000;
const BROWSER_ZONE = 'America/Los_Angeles';
// No daylight saving time: the week view's times and days are the same all year.
const PROFILE_ZONE = 'Asia/Tokyo';

const session = e2eSession();

type Booked = { uid: string; start: string; end: string; links: { manage: string } };

/** Books the first free time at least `hoursAhead` away as an anonymous visitor would. */
async function book(username: string, hoursAhead: number, name: string, email: string): Promise<Booked> {
  const base = session.server.baseUrl;
  const from = new Date(Date.now() + hoursAhead * HOUR).toISOString();
  const to = new Date(Date.now() + (hoursAhead + 24) * HOUR).toISOString();
  const slots = (await (
    await fetch(`${base}/api/meetings/slots?${new URLSearchParams({ user: username, type: 'intro', from, to })}`)
  ).json()) as { slots: { start: string }[] };
  const res = await fetch(`${base}/api/meetings/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user: username,
      type: 'intro',
      start: slots.slots[0]!.start,
      timeZone: 'Europe/Berlin',
      invitee: { name, email },
    }),
  });
  const body = (await res.json()) as { booking: Booked };
  if (res.status !== 201) throw new Error(`book → ${res.status} ${JSON.stringify(body)}`);
  return body.booking;
}

const tokyoDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: PROFILE_ZONE }).format(Date.parse(iso));

async function checkPage(page: Page, what: string) {
  expect(await seriousA11yViolations(page), `axe on ${what}`).toEqual([]);
  expect(await horizontalOverflow(page), `horizontal overflow on ${what}`).toBe(0);
}

async function signedInHost(viewport: ViewportName) {
  const context = await session.newContext(viewport, BROWSER_ZONE);
  return { context, ...(await hostWithProfileZone(context, PROFILE_ZONE)) };
}

describe.each(['desktop', 'phone'] as const)('host booking management at %s width', (viewport: ViewportName) => {
  const shot = (page: Page, name: string) => screenshot(page, `${viewport}-host-bookings-${name}`);

  test('the week view, a booking’s details, a reschedule from the dashboard, search and filters in the URL', async () => {
    const { context, page, account, api } = await signedInHost(viewport);
    const ada = await book(account.username, 30, 'Ada Lovelace', 'ada@example.com');
    const bob = await book(account.username, 31, 'Bob_Builder', 'bob@example.com');

    // The week of Ada's booking, in the profile zone whatever the browser's.
    await page.goto(`/dashboard/bookings?view=week&week=${tokyoDate(ada.start)}`);
    await page.getByText('Times in Asia/Tokyo (GMT+9)').waitFor();
    const adaLink = page.getByRole('link', {
      name: new RegExp(`${timeRangeText(ada.start, ada.end, PROFILE_ZONE)}, Ada Lovelace`),
    });
    await adaLink.waitFor();
    await shot(page, 'week');
    await checkPage(page, 'week view');
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByText('No bookings this week.').waitFor();
    expect(new URL(page.url()).searchParams.get('week')).not.toBe(tokyoDate(ada.start));
    await page.goBack();
    await adaLink.click();

    // Its details, and the host's private note.
    await page.waitForURL(`**/dashboard/bookings/${ada.uid}`);
    await page.getByRole('heading', { name: 'Ada Lovelace · Intro call', level: 1 }).waitFor();
    await page.getByLabel('Private note').fill('Met at the conference');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Note saved.').waitFor();
    await shot(page, 'details');
    await checkPage(page, 'booking details');

    // The host moves it to a time of their choosing; the invitee is told.
    await page.getByRole('link', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: /^Reschedule Ada Lovelace/ }).waitFor();
    const newStart = await findSlot(page, Date.now() + 2 * HOUR, new Set([ada.start, bob.start]));
    await shot(page, 'reschedule');
    await checkPage(page, 'reschedule picker');
    await page.click(`[data-slot-start="${newStart}"]`);
    await page.getByLabel('Reason (optional)').fill('A clash came up');
    await page.getByRole('button', { name: 'Confirm new time' }).click();
    await page.getByText('Moved to the new time. Ada Lovelace has been told by e-mail.').waitFor();
    const moved = await api<{ booking: { start: string } }>('GET', `/api/meetings/bookings/${ada.uid}`);
    expect(moved.booking.start).toBe(new Date(newStart).toISOString());

    // Search and type filter live in the address, so a reload keeps them.
    await page.goto('/dashboard/bookings');
    await page.getByRole('heading', { name: /Ada Lovelace/ }).waitFor();
    await page.getByLabel('Search').fill('bob_');
    await page.waitForURL(/[?&]q=bob_/);
    await page.getByRole('heading', { name: /Bob_Builder/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Ada Lovelace/ }).count()).toBe(0);
    await page.getByLabel('Meeting type').selectOption({ label: 'Intro call' });
    await page.waitForURL(/[?&]type=/);
    await page.reload();
    expect(await page.getByLabel('Search').inputValue()).toBe('bob_');
    await page.getByRole('heading', { name: /Bob_Builder/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Ada Lovelace/ }).count()).toBe(0);
    await shot(page, 'list-filtered');
    await checkPage(page, 'filtered list');
    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvHref).toContain('format=csv');
    const csv = await context.request.get(csvHref!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Bob_Builder');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('heading', { name: /Ada Lovelace/ }).waitFor();
    await context.close();
  });

  test('a host with more than a page of bookings sees the first 50 and the rest on “Show more”', async () => {
    const { context, page, api } = await signedInHost(viewport);
    const { meetingTypes } = await api<{ meetingTypes: { id: string; slug: string }[] }>('GET', '/api/meetings/types');
    // 60 upcoming bookings, half an hour apart from tomorrow on: more than booking them one by one could make.
    await session.server.db.executeSql(
      `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, start_at, end_at, time_zone,
         invitee_name, invitee_email, location)
       select t.org_id, t.id, t.host_user_id, date_trunc('hour', now()) + make_interval(days => 1, mins => 30 * n),
         date_trunc('hour', now()) + make_interval(days => 1, mins => 30 * n + 15), 'UTC',
         'Guest ' || n, 'guest' || n || '@example.com', '{"type":"none"}'
       from meeting_types t, generate_series(1, 60) as n where t.id = $1`,
      [meetingTypes.find((type) => type.slug === 'intro')!.id],
    );
    await page.goto('/dashboard/bookings');
    const panel = page.getByRole('tabpanel');
    const bookings = panel.getByRole('heading', { level: 2 });
    await panel.getByRole('heading', { name: /^Guest 1 ·/ }).waitFor();
    expect(await bookings.count()).toBe(50);
    await page.getByRole('status').filter({ hasText: 'Showing the first 50 bookings.' }).waitFor();
    await checkPage(page, 'first page of a long list');

    // The next page is held back, so that its pending state shows.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/meetings/bookings?*cursor=*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Show more' }).click();
    const loading = page.getByRole('button', { name: 'Loading more…' });
    await loading.waitFor();
    expect(await loading.getAttribute('aria-disabled')).toBe('true');
    expect(await bookings.count()).toBe(50);
    release();
    await panel.getByRole('heading', { name: /^Guest 60 ·/ }).waitFor();
    expect(await bookings.allInnerTexts()).toEqual(Array.from({ length: 60 }, (_, i) => `Guest ${i + 1} · Intro call`));
    await page.getByRole('status').filter({ hasText: 'Showing all 60 bookings.' }).waitFor();
    expect(await page.getByRole('button', { name: /Show more|Loading more/ }).count()).toBe(0);
    // The keyboard goes on from the first booking the button brought.
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""'))
      .toBe('Guest 51 · Intro call');
    await shot(page, 'list-all-pages');
    await checkPage(page, 'long list, all pages shown');
    await context.close();
  });

  test('the host asks for a new time and the invitee picks one on their manage page', async () => {
    const { context, page, account } = await signedInHost(viewport);
    const booked = await book(account.username, 30, 'Cleo Client', 'cleo@example.com');
    await page.goto('/dashboard/bookings');
    await page.getByRole('heading', { name: /Cleo Client/ }).waitFor();
    await page.getByRole('button', { name: 'Ask for a new time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask for a new time?' });
    await dialog.getByLabel('Reason (optional)').fill('I am travelling that day');
    await dialog.getByRole('button', { name: 'Ask for a new time' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('No upcoming meetings. Share a booking link to get some.').waitFor();
    await page.getByRole('tab', { name: 'Cancelled' }).click();
    await page.getByText('Reschedule requested').waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('cancelled');

    const inviteeContext = await session.newContext(viewport, 'Europe/Berlin');
    const invitee = await inviteeContext.newPage();
    // The link as the e-mail carries it, on this server: its path and token.
    const manage = new URL(booked.links.manage);
    await invitee.goto(`${manage.pathname}${manage.search}&action=reschedule`);
    await invitee.getByRole('heading', { name: /asked you to pick a new time/ }).waitFor();
    const start = await findSlot(invitee, Date.now() + 2 * HOUR, new Set([booked.start]));
    await shot(invitee, 'invitee-picks');
    await checkPage(invitee, 'invitee picking a new time');
    await invitee.click(`[data-slot-start="${start}"]`);
    await invitee.getByRole('button', { name: 'Confirm new time' }).click();
    await invitee.getByText(/^Booked again for /).waitFor();
    await invitee.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();

    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await page.getByRole('heading', { name: /Cleo Client/ }).waitFor();
    await page.getByText('Confirmed', { exact: true }).waitFor();
    await Promise.all([context.close(), inviteeContext.close()]);
  });
});
