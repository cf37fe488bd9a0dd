import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { expectTidyPage, screenshot, type ViewportName } from './helpers/browser.js';
import { fillBookingForm, findSlot, hostApi, newAccount, openEditorSection, signUp } from './helpers/flows.js';

const HOUR = 3_600_000;
const session = e2eSession();
const SECTIONS = ['Details', 'Availability', 'Limits', 'Questions', 'Notifications', 'Advanced'];

/** The host's own thank-you page, on another origin: it answers every address it is sent to. */
let thanks: Server;
let thanksUrl: string;
beforeAll(async () => {
  thanks = createServer((_req, res) => res.end('<!doctype html><title>Thanks</title><h1>Thanks for booking</h1>'));
  await new Promise<void>((resolve) => thanks.listen(0, '127.0.0.1', resolve));
  thanksUrl = `http://127.0.0.1:${(thanks.address() as AddressInfo).port}/thanks?from=tuskhub`;
});
afterAll(() => new Promise((resolve) => thanks.close(resolve)));

const selectedTab = (page: Page) => page.getByRole('tab', { selected: true }).innerText();

describe.each(['desktop', 'phone'] as const)('the meeting-type editor at %s width', (viewport: ViewportName) => {
  test('has sections in the URL, duplicates, colours and redirects after booking with the details', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    const account = newAccount();
    await signUp(page, account);
    const api = await hostApi(page.request);
    await api('PUT', '/api/meetings/availability', {
      timeZone: 'UTC',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      overrides: [],
    });
    const { meetingType } = await api<{ meetingType: { id: string } }>('POST', '/api/meetings/types', {
      title: 'Intro call',
      slug: 'intro',
      durationMinutes: 30,
      minimumNoticeMinutes: 0,
    });

    // Every section by its tab, each looked at; the URL names the open one.
    await page.goto(`/dashboard/types/${meetingType.id}`);
    for (const name of SECTIONS) {
      await openEditorSection(page, name);
      expect(new URL(page.url()).searchParams.get('section')).toBe(name.toLowerCase());
      await expectTidyPage(page, `editor ${name}`);
      await screenshot(page, `${viewport}-editor-${name.toLowerCase()}`);
    }
    // The keyboard moves between tabs (arrows wrap, Home and End), and a reload keeps the section.
    await page.getByRole('tab', { name: 'Advanced' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedTab(page)).toBe('Details');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await selectedTab(page)).toBe('Notifications');
    await openEditorSection(page, 'Limits');
    await page.reload();
    await page.getByRole('tab', { name: 'Limits', selected: true }).waitFor();

    // Edits survive a change of section; leaving with them unsaved asks first.
    await page.getByLabel('Booking window (days)').fill('30');
    await openEditorSection(page, 'Details');
    await openEditorSection(page, 'Limits');
    expect(await page.getByLabel('Booking window (days)').inputValue()).toBe('30');
    const prompts: Dialog[] = [];
    page.on('dialog', (dialog) => {
      prompts.push(dialog);
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Back to meeting types' }).click();
    await expect.poll(() => prompts.length).toBe(1);
    expect(prompts[0]!.message()).toMatch(/unsaved changes/);

    // A bad redirect is refused in its section, which opens by itself on save.
    await openEditorSection(page, 'Advanced');
    await page.getByLabel('Redirect after booking (optional)').fill('javascript:alert(1)');
    await openEditorSection(page, 'Details');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('tab', { name: /Advanced/, selected: true }).waitFor();
    await page.getByText('Use a full web address starting with https:// or http://.').waitFor();
    await page.getByLabel('Redirect after booking (optional)').fill(thanksUrl);
    await page.getByLabel('Add the booking’s details to the address').check();
    // The palette is radio buttons: reached and chosen by keyboard.
    await page.getByRole('radio', { name: 'Green' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Green' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await expectTidyPage(page, 'editor saved');
    const saved = await api<{ meetingType: Record<string, unknown> }>('GET', `/api/meetings/types/${meetingType.id}`);
    expect(saved.meetingType).toMatchObject({
      bookingWindowDays: 30,
      color: '#16a34a',
      redirectUrl: thanksUrl,
      redirectWithDetails: true,
    });

    // The preview link opens the public page in a new tab.
    const preview = page.getByRole('link', { name: /Preview/ });
    expect(await preview.getAttribute('href')).toBe(`/${account.username}/intro`);
    expect(await preview.getAttribute('target')).toBe('_blank');

    // The list shows the colour, and Duplicate opens a copy that is off.
    await page.goto('/dashboard');
    const card = page.getByRole('listitem').filter({ hasText: 'Intro call' });
    expect(await card.getAttribute('style')).toContain('border-left-color: rgb(22, 163, 74)');
    await page.getByRole('button', { name: 'Duplicate Intro call' }).click();
    await page.getByRole('heading', { name: 'Edit “Intro call (copy)”' }).waitFor();
    await openEditorSection(page, 'Advanced');
    expect(await page.getByLabel('Bookable').isChecked()).toBe(false);
    expect(await page.getByLabel('Redirect after booking (optional)').inputValue()).toBe(thanksUrl);
    await page.goto('/dashboard');
    await page.getByRole('listitem').filter({ hasText: 'Intro call (copy)' }).getByText('Off').waitFor();
    await expectTidyPage(page, 'meeting types');
    await screenshot(page, `${viewport}-meeting-types-colours`);

    // An invitee books and lands on the host's page with the booking's details, and no manage token.
    const inviteeContext = await session.newContext(viewport, 'America/New_York');
    const invitee = await inviteeContext.newPage();
    await invitee.goto(`/${account.username}/intro`);
    const start = await findSlot(invitee, Date.now() + HOUR);
    await invitee.click(`[data-slot-start="${start}"]`);
    await fillBookingForm(invitee, { name: 'Ada Lovelace', email: `ada-${account.username}@example.com` });
    await invitee.getByRole('button', { name: 'Confirm booking' }).click();
    await invitee.waitForURL((url) => url.href.startsWith(thanksUrl.split('?')[0]!));
    await invitee.getByRole('heading', { name: 'Thanks for booking' }).waitFor();
    const landed = new URL(invitee.url());
    const details = Object.fromEntries(landed.searchParams);
    expect(details).toMatchObject({
      from: 'tuskhub',
      invitee_name: 'Ada Lovelace',
      invitee_email: `ada-${account.username}@example.com`,
      start_time: start,
      event_type: 'intro',
      status: 'confirmed',
    });
    expect(Date.parse(details.end_time!) - Date.parse(start)).toBe(30 * 60_000);
    expect(landed.href).not.toMatch(/token/i);
    const bookings = await api<{ bookings: { uid: string }[] }>('GET', '/api/meetings/bookings');
    expect(bookings.bookings.map((b) => b.uid)).toEqual([details.booking_uid]);
    await inviteeContext.close();
    await context.close();
  });
});
