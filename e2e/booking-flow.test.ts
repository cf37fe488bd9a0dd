import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, seriousA11yViolations, type ViewportName } from './helpers/browser.js';
import {
  createMeetingType,
  fillBookingForm,
  findSlot,
  newAccount,
  setAllDayAvailability,
  signUp,
  timeRangeText,
} from './helpers/flows.js';

const HOUR = 3_600_000;
const HOST_ZONE = 'Europe/Berlin';
const INVITEE_ZONE = 'America/New_York';

const session = e2eSession();

describe.each(['desktop', 'phone'] as const)('booking flow at %s width', (viewport: ViewportName) => {
  test('host sets up, invitee books, host sees it, invitee reschedules and cancels', async () => {
    const shot = (page: Parameters<typeof screenshot>[0], name: string) => screenshot(page, `${viewport}-${name}`);
    const checkPage = async (page: Parameters<typeof screenshot>[0], name: string) => {
      expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
      expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBe(0);
    };

    // The host signs up, creates a meeting type and opens all hours.
    const hostContext = await session.newContext(viewport, HOST_ZONE);
    const host = await hostContext.newPage();
    const account = newAccount();
    await signUp(host, account);
    await createMeetingType(host, { title: 'Intro call', question: 'Company' });
    await shot(host, 'dashboard-meeting-types');
    await checkPage(host, 'meeting types');
    await setAllDayAvailability(host);
    await shot(host, 'dashboard-availability');
    await checkPage(host, 'availability');

    // The invitee, in another zone and another browser context, books it.
    const inviteeContext = await session.newContext(viewport, INVITEE_ZONE);
    const invitee = await inviteeContext.newPage();
    await invitee.goto(`/${account.username}`);
    await invitee.getByRole('link', { name: /Intro call/ }).click();
    await invitee.waitForURL(`**/${account.username}/intro-call`);
    await invitee.getByRole('heading', { name: 'Intro call', level: 1 }).waitFor();
    await invitee.locator('[data-slot-start]').first().waitFor();

    // Time zone and clock format: searchable, applied at once, remembered across visits.
    const zone = invitee.getByRole('combobox', { name: 'Time zone' });
    expect(await zone.inputValue()).toContain('New York');
    await zone.fill('tokyo');
    await invitee.getByRole('option', { name: /^Tokyo, Japan/ }).waitFor();
    await shot(invitee, 'booking-zone-search');
    await zone.press('Enter');
    expect(await zone.inputValue()).toContain('Tokyo');
    await invitee.getByRole('radio', { name: '24h' }).click();
    const firstTime = () => invitee.locator('[data-slot-start]').first().innerText();
    expect(await firstTime()).toMatch(/^\d{2}:\d{2}$/);
    await invitee.reload();
    await invitee.locator('[data-slot-start]').first().waitFor();
    expect(await invitee.getByRole('combobox', { name: 'Time zone' }).inputValue()).toContain('Tokyo');
    expect(await invitee.getByRole('radio', { name: '24h' }).getAttribute('aria-checked')).toBe('true');
    expect(await firstTime()).toMatch(/^\d{2}:\d{2}$/);
    // Back to the visitor's own zone, by keyboard this time.
    await zone.fill('new york');
    await zone.press('ArrowDown');
    await zone.press('ArrowUp');
    await zone.press('Enter');
    expect(await zone.inputValue()).toContain('New York');
    await invitee.getByRole('radio', { name: '12h' }).click();
    expect(await firstTime()).toMatch(/^\d{1,2}:\d{2} [AP]M$/);

    // Calendar days are buttons; the arrow keys move between bookable ones and Enter picks one.
    const days = invitee.locator('button[data-date]:not([disabled])');
    if ((await days.count()) > 1) {
      await days.first().focus();
      await invitee.keyboard.press('ArrowRight');
      const second = await days.nth(1).getAttribute('data-date');
      expect(await invitee.evaluate<string>('document.activeElement.dataset.date')).toBe(second);
      await invitee.keyboard.press('Enter');
      expect(await days.nth(1).getAttribute('aria-pressed')).toBe('true');
    }

    const start = await findSlot(invitee, Date.now() + HOUR);
    await shot(invitee, 'booking-page');
    await checkPage(invitee, 'booking page');

    await invitee.click(`[data-slot-start="${start}"]`);
    await invitee.getByRole('button', { name: 'Confirm booking' }).click();
    // Client-side validation: nothing filled in yet.
    await invitee.getByText('Enter your name.').waitFor();
    await invitee.getByText('This question is required.').waitFor();
    await shot(invitee, 'booking-form-errors');
    await fillBookingForm(invitee, { name: 'Ada Invitee', email: 'ada@example.com' }, { Company: 'Acme' });
    await invitee.getByRole('button', { name: 'Confirm booking' }).click();
    await invitee.getByRole('heading', { name: 'You are booked' }).waitFor();
    const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    expect(await invitee.getByText(timeRangeText(start, end, INVITEE_ZONE), { exact: false }).count()).toBeGreaterThan(
      0,
    );
    const google = await invitee.getByRole('link', { name: 'Google Calendar' }).getAttribute('href');
    expect(google).toContain('calendar.google.com');
    expect(google).toContain(`dates=${start.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    const jitsi = await invitee.getByRole('link', { name: /^https:\/\/meet\.jit\.si\// }).count();
    expect(jitsi).toBe(1);
    await shot(invitee, 'booking-confirmation');
    await checkPage(invitee, 'confirmation');

    // The host sees the booking.
    await host.goto('/dashboard/bookings');
    await host.getByRole('heading', { name: /Ada Invitee/ }).waitFor();
    expect(await host.getByText('Acme').count()).toBe(1);
    await shot(host, 'dashboard-bookings');
    await checkPage(host, 'bookings');

    // The invitee reschedules from the manage page.
    await invitee.getByRole('link', { name: 'Reschedule or cancel' }).click();
    await invitee.waitForURL('**/booking/**');
    await invitee.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();
    await shot(invitee, 'manage-page');
    await checkPage(invitee, 'manage page');
    await invitee.getByRole('button', { name: 'Reschedule' }).click();
    const newStart = await findSlot(invitee, Date.now() + HOUR, new Set([start]));
    await shot(invitee, 'manage-reschedule');
    await invitee.click(`[data-slot-start="${newStart}"]`);
    await invitee.getByRole('button', { name: 'Confirm new time' }).click();
    await invitee.getByText('Rescheduled to').waitFor();

    // …and cancels.
    await invitee.getByRole('button', { name: 'Cancel booking' }).click();
    await invitee.getByLabel('Reason (optional)').fill('Something came up');
    await invitee.getByRole('button', { name: 'Cancel booking' }).click();
    await invitee.getByRole('heading', { name: 'This booking is cancelled' }).waitFor();
    await invitee.getByText('Something came up').waitFor();
    await shot(invitee, 'manage-cancelled');
    await checkPage(invitee, 'cancelled booking');

    // The host finds it under Cancelled, with the reason.
    await host.goto('/dashboard/bookings');
    await host.getByRole('tab', { name: 'Cancelled' }).click();
    await host.getByText('Something came up').waitFor();

    await hostContext.close();
    await inviteeContext.close();
  });
});
