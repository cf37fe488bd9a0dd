import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, type ViewportName } from './helpers/browser.js';
import { createMeetingType, newAccount, setAllDayAvailability, signUp } from './helpers/flows.js';

const ZONE = 'Europe/Berlin';

const session = e2eSession();

// Page-side code is passed as strings: this project's Node typecheck has no DOM types.
const focusedDate = (page: Page) => page.evaluate<string | null>('document.activeElement?.dataset?.date ?? null');
const focusedSlot = (page: Page) => page.evaluate<string | null>('document.activeElement?.dataset?.slotStart ?? null');

describe.each(['desktop', 'phone'] as const)('booking page by keyboard at %s width', (viewport: ViewportName) => {
  test('the month grid is one Tab stop, and choosing a time puts focus in the form', async () => {
    const hostContext = await session.newContext(viewport, ZONE);
    const host = await hostContext.newPage();
    const account = newAccount();
    await signUp(host, account);
    await createMeetingType(host, { title: 'Intro call' });
    await setAllDayAvailability(host);
    await hostContext.close();

    const context = await session.newContext(viewport, ZONE);
    const page = await context.newPage();
    await page.goto(`/${account.username}/intro-call`);
    await page.locator('[data-slot-start]').first().waitFor();
    const bookable = page.locator('button[data-date]:not([disabled])');
    expect(await bookable.count()).toBeGreaterThan(1);

    // Exactly one day is in the Tab order: the chosen one.
    const stops = page.locator('button[data-date][tabindex="0"]');
    expect(await stops.count()).toBe(1);
    const chosen = await page.locator('button[data-date][aria-pressed="true"]').getAttribute('data-date');
    expect(await stops.getAttribute('data-date')).toBe(chosen);

    // Tab from the month buttons enters the grid once; Shift+Tab from the grid leaves it.
    await page.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedDate(page)).toBe(chosen);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedDate(page)).toBeNull();
    await page.keyboard.press('Tab');

    // The arrow keys move the one stop; Home and End reach the month's first and last bookable day.
    const second = await bookable.nth(1).getAttribute('data-date');
    const last = await bookable.last().getAttribute('data-date');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await focusedDate(page)).toBe(second);
    expect(await stops.getAttribute('data-date')).toBe(second);
    await page.keyboard.press('End');
    expect(await focusedDate(page)).toBe(last);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const first = await bookable.first().getAttribute('data-date');
    expect(await page.locator(`button[data-date="${first}"]`).getAttribute('aria-pressed')).toBe('true');

    // From the grid to the first time takes a few Tabs (time zone, clock format), not one per day.
    let tabs = 0;
    while ((await focusedSlot(page)) === null && tabs < 40) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeGreaterThanOrEqual(1);
    expect(tabs).toBeLessThanOrEqual(3);
    await screenshot(page, `${viewport}-keyboard-first-time`);
    expect(await horizontalOverflow(page)).toBe(0);

    // Choosing the time by keyboard moves focus into the form, not to <body>.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    const focus = await page.evaluate<{ tag: string; inForm: boolean }>(`(() => {
      const active = document.activeElement;
      return { tag: active?.tagName ?? '', inForm: active?.closest('[data-step="form"]') !== null };
    })()`);
    expect(focus.tag).not.toBe('BODY');
    expect(focus.inForm).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toContain('Change time');
    await screenshot(page, `${viewport}-keyboard-form-focus`);
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  test('a time chosen before the form has loaded still puts focus in the form once it appears', async () => {
    const hostContext = await session.newContext(viewport, ZONE);
    const host = await hostContext.newPage();
    const account = newAccount();
    await signUp(host, account);
    await createMeetingType(host, { title: 'Intro call' });
    await setAllDayAvailability(host);
    await hostContext.close();

    const context = await session.newContext(viewport, ZONE);
    const page = await context.newPage();
    // The form's code is held back until the time is chosen, as on a slow line where the page's own preload has
    // not finished.
    let release = () => {};
    const chosen = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/DetailsStep-*.js', async (route) => {
      await chosen;
      await route.continue();
    });
    await page.goto(`/${account.username}/intro-call`);
    await page.locator('[data-slot-start]').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Loading the form…' }).waitFor({ state: 'attached' });
    release();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await expect.poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Your details');
    await context.close();
  });
});
