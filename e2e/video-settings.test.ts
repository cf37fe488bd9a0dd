import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers/app.js';
import { startFakeProvider, type FakeProvider } from '../test/helpers/fake-video-providers.js';
import { WEB_ROOT } from './helpers/app.js';
import {
  horizontalOverflow,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  type ViewportName,
} from './helpers/browser.js';
import {
  fillBookingForm,
  findSlot,
  newAccount,
  openEditorSection,
  setAllDayAvailability,
  signUp,
} from './helpers/flows.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HOST_ZONE = 'Europe/Berlin';
const ZOOM_EMAIL = 'host@zoom.example';

let zoom: FakeProvider;
let app: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  zoom = await startFakeProvider('zoom', { callbackOrigin: () => baseUrl });
  // Zoom is set up on this server; Google and Microsoft are not.
  app = await createTestApp({ webRoot: WEB_ROOT, env: { ...zoom.env, VIDEO_RETRY_BASE_SECONDS: '1' } });
  baseUrl = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});

afterAll(async () => {
  zoom?.releaseHeld();
  await browser?.close();
  await app?.close();
  await zoom?.close();
});

/** Books the `nth` offered slot from tomorrow on through the public API, as a visitor's browser would. */
async function book(user: string, type: string, nth: number) {
  const from = new Date(Date.now() + HOUR).toISOString();
  const to = new Date(Date.now() + 8 * DAY).toISOString();
  const slotsRes = await fetch(
    new URL(`/api/meetings/slots?${new URLSearchParams({ user, type, from, to }).toString()}`, baseUrl),
  );
  const { slots } = (await slotsRes.json()) as { slots: { start: string }[] };
  const slot = slots[nth];
  if (!slot) throw new Error(`only ${slots.length} slots offered`);
  const res = await fetch(new URL('/api/meetings/book', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user,
      type,
      start: slot.start,
      timeZone: 'America/New_York',
      invitee: { name: `Ada Invitee ${nth}`, email: `ada-${nth}-${user}@example.com` },
      answers: {},
    }),
  });
  const body = (await res.json()) as { booking: { uid: string; links: { manage: string } } };
  if (!res.ok) throw new Error(`book → ${res.status} ${JSON.stringify(body)}`);
  return body.booking;
}

/** Reloads the bookings list until `text` shows; the link is made by a background job. */
async function waitOnBookings(page: Page, text: string | RegExp) {
  await expect
    .poll(
      async () => {
        await page.goto('/dashboard/bookings');
        await page.getByRole('heading', { name: 'Bookings', level: 1 }).waitFor();
        await page.locator('#bookings-panel li, #bookings-panel h2').first().waitFor();
        return page.getByText(text).count();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(0);
}

function zoomRow(page: Page) {
  return page.locator('#connected-apps li').filter({ has: page.getByRole('heading', { name: 'Zoom', level: 3 }) });
}

describe.each(['desktop', 'phone'] as const)('video meeting settings at %s width', (viewport: ViewportName) => {
  test('connect Zoom, use it in a meeting type, follow its links on bookings, disconnect', async () => {
    const shot = (page: Page, name: string) => screenshot(page, `${viewport}-${name}`);
    const checkPage = async (page: Page, name: string) => {
      expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
      expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBe(0);
    };
    zoom.state.creates = 'create';

    const context = await newContext(browser, baseUrl, viewport, HOST_ZONE);
    const host = await context.newPage();
    const account = newAccount();
    await signUp(host, account);

    // Settings: Zoom can be connected; Google and Microsoft are not set up on this server.
    await host.goto('/dashboard/settings');
    const panel = host.locator('#connected-apps');
    await panel.getByRole('heading', { name: 'Connected apps' }).waitFor();
    await zoomRow(host).getByText('Not connected', { exact: true }).waitFor();
    expect(await panel.getByText('Not set up on this server', { exact: true }).count()).toBe(2);
    await panel.getByText('Your administrator has not set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET.').waitFor();
    await panel.getByText('Your administrator has not set MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET.').waitFor();
    expect(await host.getByRole('button', { name: 'Connect Google Meet' }).isDisabled()).toBe(true);
    expect(await host.getByRole('button', { name: 'Connect Microsoft Teams' }).isDisabled()).toBe(true);
    await shot(host, 'settings-connected-apps');
    await checkPage(host, 'settings');

    // The editor: Zoom is not connected yet, so it says where to connect it, and the server refuses to save.
    await host.goto('/dashboard/types/new');
    await host.getByLabel('Title', { exact: true }).fill('Zoom call');
    await host.getByLabel('Duration (minutes)').fill('30');
    await openEditorSection(host, 'Limits');
    await host.getByLabel('Minimum notice', { exact: true }).fill('0');
    await openEditorSection(host, 'Details');
    const where = host.getByLabel('Where the meeting happens');
    await where.selectOption('zoom');
    const connectHint = host.getByRole('link', { name: /Connect Zoom in Settings first/ });
    expect(await connectHint.getAttribute('href')).toBe('/dashboard/settings#connected-apps');
    await host.getByRole('button', { name: 'Create meeting type' }).click();
    await expect.poll(() => where.getAttribute('aria-invalid')).toBe('true');
    await shot(host, 'editor-zoom-not-connected');
    await checkPage(host, 'editor (zoom not connected)');

    // Connect: through the stand-in's consent page and back to Settings, which says so once.
    await host.goto('/dashboard/settings#connected-apps');
    await host.getByRole('button', { name: 'Connect Zoom' }).click();
    await host.getByText('Zoom is connected.').waitFor();
    expect(new URL(host.url()).search).toBe('');
    await zoomRow(host).getByText(`as ${ZOOM_EMAIL}`).waitFor();
    await zoomRow(host).getByText('Connected', { exact: true }).waitFor();
    await shot(host, 'settings-zoom-connected');
    await checkPage(host, 'settings (zoom connected)');
    await host.reload();
    await zoomRow(host).getByText(`as ${ZOOM_EMAIL}`).waitFor();
    expect(await host.getByText('Zoom is connected.').count()).toBe(0);

    // Now the meeting type saves, with no hint under the select.
    await host.goto('/dashboard/types/new');
    await host.getByLabel('Title', { exact: true }).fill('Zoom call');
    await host.getByLabel('Duration (minutes)').fill('30');
    await openEditorSection(host, 'Limits');
    await host.getByLabel('Minimum notice', { exact: true }).fill('0');
    await openEditorSection(host, 'Details');
    await host.getByLabel('Where the meeting happens').selectOption('zoom');
    await host.getByRole('button', { name: 'Create meeting type' }).click();
    await host.waitForURL(/\/dashboard$/);
    await host.getByRole('link', { name: 'Zoom call', exact: true }).waitFor();
    await setAllDayAvailability(host);

    // While Zoom is still making the meeting, the host sees so, and the invitee is told the link will follow.
    zoom.state.creates = 'hold';
    const invitee = await context.newPage();
    await invitee.goto(`/${account.username}/zoom-call`);
    const start = await findSlot(invitee, Date.now() + HOUR);
    await invitee.click(`[data-slot-start="${start}"]`);
    await fillBookingForm(invitee, { name: 'Ada Invitee 0', email: `ada-0-${account.username}@example.com` });
    await invitee.getByRole('button', { name: 'Confirm booking' }).click();
    await invitee.getByRole('heading', { name: 'You are booked' }).waitFor();
    await invitee.getByText('Zoom — we will e-mail you the link as soon as it is ready').waitFor();
    await waitOnBookings(host, 'Creating the Zoom link…');
    zoom.state.creates = 'create';
    zoom.releaseHeld();
    // The confirmation page picks the link up by itself once it exists.
    await invitee.getByRole('link', { name: /^https:\/\/zoom\.example\/j\/\d+$/ }).waitFor({ timeout: 15_000 });
    await shot(invitee, 'confirmation-zoom-link');
    await invitee.close();
    await waitOnBookings(host, /^https:\/\/zoom\.example\/j\/\d+$/);

    // A refused meeting: the host sees why, with a way to Settings.
    zoom.state.creates = 'refuse';
    await book(account.username, 'zoom-call', 1);
    await waitOnBookings(host, /Zoom link could not be created: .*Meetings are turned off for this account/);
    const toSettings = host.getByRole('link', { name: 'Check Connected apps in Settings' });
    expect(await toSettings.getAttribute('href')).toBe('/dashboard/settings#connected-apps');
    await shot(host, 'bookings-zoom-links');
    await checkPage(host, 'bookings');
    await toSettings.click();
    await host.waitForURL('**/dashboard/settings#connected-apps');
    await zoomRow(host).getByText(`as ${ZOOM_EMAIL}`).waitFor();

    // Disconnect, after saying what it means.
    await host.getByRole('button', { name: 'Disconnect Zoom' }).click();
    const dialog = host.getByRole('dialog', { name: 'Disconnect Zoom?' });
    await dialog.getByText('New bookings of meeting types that use Zoom will have no Zoom link').waitFor();
    await checkPage(host, 'settings (disconnect dialog)');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await host.getByText('Zoom is disconnected.').waitFor();
    await zoomRow(host).getByText('Not connected', { exact: true }).waitFor();

    // A failed consent comes back as an error, shown once.
    await host.goto(
      `/dashboard/settings?${new URLSearchParams({ integration: 'zoom', result: 'error', message: 'Access was not allowed.' }).toString()}`,
    );
    await host.getByRole('alert').filter({ hasText: 'Could not connect Zoom. Access was not allowed.' }).waitFor();
    expect(new URL(host.url()).search).toBe('');
    await shot(host, 'settings-connect-error');
    await host.reload();
    await zoomRow(host).getByText('Not connected', { exact: true }).waitFor();
    expect(await host.getByText('Could not connect Zoom.').count()).toBe(0);

    await context.close();
  });
});
