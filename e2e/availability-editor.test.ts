import type { Dialog, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, type ViewportName } from './helpers/browser.js';
import { newAccount, signUp } from './helpers/flows.js';

const HOST_ZONE = 'Europe/Berlin';
const DAY = 86_400_000;
const ENDS_BEFORE_START =
  'This interval ends before it starts. If it runs past midnight, mark it as ending the next day.';

const session = e2eSession();

/** "YYYY-MM-DD" of the day `days` after today in `zone`. */
function dateInZone(days: number, zone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

async function savedTuesday(page: Page) {
  const res = await page.request.get('/api/meetings/availability');
  const body = (await res.json()) as { weekly: { weekday: number; start: string; end: string }[] };
  return body.weekly.filter((w) => w.weekday === 2);
}

/** Records each dialog and answers it, so a test can count prompts and choose to stay or leave. */
function answerDialogs(page: Page, accept: () => boolean) {
  const seen: Dialog[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog);
    void (accept() ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

describe.each(['desktop', 'phone'] as const)('the availability editor at %s width', (viewport: ViewportName) => {
  test('asks whether an end before the start is on the next day, and refuses to save until confirmed', async () => {
    const context = await session.newContext(viewport, HOST_ZONE);
    const page = await context.newPage();
    await signUp(page, newAccount());
    await page.goto('/dashboard/availability');
    await page.getByLabel('Tuesday until').fill('08:00');

    const question = page.getByRole('checkbox', { name: /Ends the next day\? \(Tuesday 09:00–08:00\)/ });
    await question.waitFor();
    expect(await question.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText(ENDS_BEFORE_START).waitFor();
    expect(await page.getByText('Saved. Your booking pages use these hours now.').count()).toBe(0);
    expect(await savedTuesday(page)).toEqual([{ weekday: 2, start: '09:00', end: '17:00' }]);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `${viewport}-availability-ends-next-day-question`);

    await question.check();
    const confirmed = page.getByRole('checkbox', { name: /ends next day \(Tuesday 09:00–08:00\)/ });
    expect(await confirmed.isChecked()).toBe(true);
    expect(await page.getByText(ENDS_BEFORE_START).count()).toBe(0);
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText('Saved. Your booking pages use these hours now.').waitFor();
    expect(await savedTuesday(page)).toEqual([{ weekday: 2, start: '09:00', end: '08:00', endsNextDay: true }]);

    await page.reload();
    await confirmed.waitFor();
    expect(await confirmed.isChecked()).toBe(true);
    expect(await page.getByLabel('Tuesday until').inputValue()).toBe('08:00');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `${viewport}-availability-ends-next-day-saved`);
    await context.close();
  });

  test('warns before unsaved edits are lost, and a new override never repeats a date', async () => {
    const context = await session.newContext(viewport, HOST_ZONE);
    const page = await context.newPage();
    await signUp(page, newAccount());
    await page.goto('/dashboard/availability');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    let leave = false;
    const dialogs = answerDialogs(page, () => leave);

    // Nothing changed yet: leaving asks nothing.
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await page.waitForURL('**/dashboard/bookings');
    expect(dialogs).toHaveLength(0);

    await nav.getByRole('link', { name: 'Availability' }).click();
    await page.getByLabel('Wednesday from').fill('10:00');
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]!.type()).toBe('confirm');
    expect(dialogs[0]!.message()).toMatch(/unsaved changes/);
    // Staying keeps the page and the edit.
    expect(new URL(page.url()).pathname).toBe('/dashboard/availability');
    expect(await page.getByLabel('Wednesday from').inputValue()).toBe('10:00');

    // Overrides: tomorrow first, then the day after the latest one, skipping dates already listed.
    const dates = page.getByLabel('Date', { exact: true });
    await page.getByRole('button', { name: 'Add a date override' }).click();
    expect(await dates.nth(0).inputValue()).toBe(dateInZone(1, HOST_ZONE));
    await page.getByRole('button', { name: 'Add a date override' }).click();
    expect(await dates.nth(1).inputValue()).toBe(dateInZone(2, HOST_ZONE));
    await dates.nth(0).fill('2030-03-10');
    await dates.nth(1).fill('2030-03-11');
    await page.getByRole('button', { name: 'Add a date override' }).click();
    expect(await dates.nth(2).inputValue()).toBe('2030-03-12');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `${viewport}-availability-overrides`);

    // Saved edits leave without a question.
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText('Saved. Your booking pages use these hours now.').waitFor();
    await nav.getByRole('link', { name: 'Bookings' }).click();
    await page.waitForURL('**/dashboard/bookings');
    expect(dialogs).toHaveLength(1);

    // Confirming the question leaves and drops the edit.
    await nav.getByRole('link', { name: 'Availability' }).click();
    await page.getByLabel('Wednesday from').fill('11:00');
    leave = true;
    await nav.getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL('**/dashboard/analytics');
    expect(dialogs).toHaveLength(2);

    // Closing the tab with unsaved edits brings up the browser's own prompt.
    await nav.getByRole('link', { name: 'Availability' }).click();
    await page.getByLabel('Wednesday from').fill('12:00');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs.length).toBe(3);
    expect(dialogs[2]!.type()).toBe('beforeunload');
    await context.close();
  });
});
