import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, type ViewportName } from './helpers/browser.js';
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
const ZONE = 'America/New_York';

const session = e2eSession();

/** A host with one open meeting type ("Intro call", required question "Company"); returns the booking page path. */
async function hostWithPage(viewport: ViewportName): Promise<string> {
  const context = await session.newContext(viewport, ZONE);
  const page = await context.newPage();
  const account = newAccount();
  await signUp(page, account);
  await createMeetingType(page, { title: 'Intro call', question: 'Company' });
  await setAllDayAvailability(page);
  await context.close();
  return `/${account.username}/intro-call`;
}

function params(page: Page) {
  return new URL(page.url()).searchParams;
}

async function expectNoOverflow(page: Page, what: string) {
  expect(await horizontalOverflow(page), `horizontal overflow on ${what}`).toBe(0);
}

const formValue = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe.each(['desktop', 'phone'] as const)('booking state in the URL at %s width', (viewport: ViewportName) => {
  const shot = (page: Page, name: string) => screenshot(page, `${viewport}-state-${name}`);

  test('Back, Forward, reload and Change time keep the place and the input; the confirmation survives a reload', async () => {
    const path = await hostWithPage(viewport);
    const context = await session.newContext(viewport, ZONE);
    const page = await context.newPage();
    await page.goto(path);
    const start = await findSlot(page, Date.now() + HOUR);
    const date = await page.locator('button[data-date][aria-pressed="true"]').getAttribute('data-date');
    const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
    const summary = page.getByText(timeRangeText(start, end, ZONE), { exact: false });

    await page.click(`[data-slot-start="${start}"]`);
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(Date.parse(params(page).get('slot') ?? '')).toBe(Date.parse(start));
    expect(params(page).get('date')).toBe(date);
    expect(params(page).get('month')).toBe(date?.slice(0, 7));
    await fillBookingForm(page, { name: 'Ada Invitee', email: 'ada@example.com' }, { Company: 'Acme' });
    await page.getByLabel('Anything the host should know? (optional)').fill('Line one\nLine two');

    // Back: the times of that date, with the chosen time among them.
    await page.goBack();
    await page.locator(`[data-slot-start="${start}"]`).waitFor();
    expect(params(page).has('slot')).toBe(false);
    expect(await page.locator(`button[data-date="${date}"]`).getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'back-to-times');
    await expectNoOverflow(page, 'times after Back');

    // Forward: the form again, as it was left.
    await page.goForward();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await formValue(page, 'Your name')).toBe('Ada Invitee');
    expect(await formValue(page, 'E-mail')).toBe('ada@example.com');
    expect(await formValue(page, 'Company')).toBe('Acme');

    // Reload on the form: same time, same input.
    await page.reload();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await summary.waitFor();
    expect(await formValue(page, 'Your name')).toBe('Ada Invitee');
    expect(await formValue(page, 'Company')).toBe('Acme');
    expect(await formValue(page, 'Anything the host should know? (optional)')).toBe('Line one\nLine two');
    await shot(page, 'form-after-reload');
    await expectNoOverflow(page, 'form after reload');

    // Change time, then the same time again: name and e-mail are still there.
    await page.getByRole('button', { name: '← Change time' }).click();
    await page.locator(`[data-slot-start="${start}"]`).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await formValue(page, 'Your name')).toBe('Ada Invitee');
    expect(await formValue(page, 'E-mail')).toBe('ada@example.com');

    // Book (with the reader's 12 h clock); the address now reopens the confirmation, and the input is forgotten.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/meetings/book') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    expect((await request).postDataJSON()).toMatchObject({ hourCycle: 'h12' });
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    expect(params(page).has('slot')).toBe(false);
    expect(params(page).get('booked')).toMatch(/.+/);
    expect(params(page).get('token')).toMatch(/.+/);
    await page.reload();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    expect(await page.getByText(timeRangeText(start, end, ZONE), { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Reschedule or cancel' }).waitFor();
    await shot(page, 'confirmation-after-reload');
    await expectNoOverflow(page, 'confirmation after reload');

    await page.goto(path);
    const next = await findSlot(page, Date.now() + HOUR, new Set([start]));
    await page.click(`[data-slot-start="${next}"]`);
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await formValue(page, 'Your name')).toBe('');

    // A link to a time the page does not offer: a plain message and the times of that date.
    const unoffered = new Date(Date.parse(start) + 60_000).toISOString();
    await page.goto(`${path}?slot=${encodeURIComponent(unoffered)}`);
    await page.getByRole('alert').filter({ hasText: 'is not available' }).waitFor();
    await page.locator('[data-slot-start]').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Your details' }).count()).toBe(0);
    expect(params(page).has('slot')).toBe(false);
    expect(params(page).get('date')).toBe(date);
    await shot(page, 'unoffered-slot');
    await expectNoOverflow(page, 'unoffered slot');
    await context.close();
  });

  test('long unbroken name and e-mail fit; reschedule drops the action; a cancelled booking has no Join link', async () => {
    const path = await hostWithPage(viewport);
    const context = await session.newContext(viewport, ZONE);
    const page = await context.newPage();
    await page.goto(path);
    const start = await findSlot(page, Date.now() + HOUR);
    await page.click(`[data-slot-start="${start}"]`);
    const name = 'Bartholomew'.repeat(6).slice(0, 60);
    const email = `${'x'.repeat(48)}@example.com`;
    await fillBookingForm(page, { name, email }, { Company: 'Acme' });
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    await shot(page, 'long-name-confirmation');
    await expectNoOverflow(page, 'confirmation with a long name');

    await page.getByRole('link', { name: 'Reschedule or cancel' }).click();
    await page.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();
    await expectNoOverflow(page, 'manage page with a long name');
    expect(await page.getByRole('link', { name: /^https:\/\/meet\.jit\.si\// }).count()).toBe(1);

    // The e-mail's reschedule link: after moving the booking, the address no longer asks to reschedule.
    await page.goto(`${page.url()}&action=reschedule`);
    await page.getByRole('heading', { name: 'Choose a new time' }).waitFor();
    const moved = await findSlot(page, Date.now() + HOUR, new Set([start]));
    await page.click(`[data-slot-start="${moved}"]`);
    await page.getByRole('button', { name: 'Confirm new time' }).click();
    await page.getByText('Rescheduled to').waitFor();
    expect(params(page).has('action')).toBe(false);
    expect(params(page).get('token')).toMatch(/.+/);
    await page.reload();
    await page.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Choose a new time' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('heading', { name: 'This booking is cancelled' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'This booking is cancelled' }).waitFor();
    await page.getByText('Jitsi video call', { exact: true }).waitFor();
    expect(await page.locator('a[href*="meet.jit.si"]').count()).toBe(0);
    await shot(page, 'cancelled-no-join');
    await expectNoOverflow(page, 'cancelled booking');
    await context.close();
  });
});
