import type { Page, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { expectTidyPage, screenshot, type ViewportName } from './helpers/browser.js';
import { hostApi, newAccount, openEditorSection, signUp } from './helpers/flows.js';

const HOST_ZONE = 'Europe/Berlin';
const session = e2eSession();

/** The hours (in the host's zone) of the slots a visitor is offered over the next two weeks. */
async function offeredHours(page: Page, user: string, type: string) {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const res = await page.request.get(`/api/meetings/slots?${new URLSearchParams({ user, type, from, to })}`);
  const { slots } = (await res.json()) as { slots: { start: string }[] };
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: HOST_ZONE, hour: '2-digit', hourCycle: 'h23' });
  return new Set(slots.map((s) => Number(hour.format(new Date(s.start)))));
}

describe.each(['desktop', 'phone'] as const)('schedules at %s width', (viewport: ViewportName) => {
  test('a second schedule is made, given its hours, chosen for a meeting type, and its times are offered', async () => {
    const context = await session.newContext(viewport, HOST_ZONE);
    const page = await context.newPage();
    const account = newAccount();
    await signUp(page, account);
    const api = await hostApi(page.request);
    await api('POST', '/api/meetings/types', { title: 'Late call', slug: 'late', durationMinutes: 60 });

    // The default is there from the start, opened in the editor.
    await page.goto('/dashboard/availability');
    const list = page.getByRole('navigation', { name: 'Schedules' });
    await list.getByRole('link', { name: /Working hours\s*Default/ }).waitFor();
    await page.getByRole('heading', { name: /Working hours/, level: 2 }).waitFor();

    // A new one: named in a dialog, then opened for its hours.
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schedule' });
    await dialog.getByLabel('Name').fill('working HOURS');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.getByText('You already have a schedule with this name.').waitFor();
    await dialog.getByLabel('Name').fill('Evenings');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await page.getByRole('heading', { name: 'Evenings', level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('schedule')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByLabel('Monday from').fill('18:00');
    await page.getByLabel('Monday until').fill('21:00');
    await page.getByRole('button', { name: 'Copy to all days from Monday' }).click();
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText('Saved. Meeting types that use “Evenings” follow these hours now.').waitFor();
    await list.getByRole('link', { name: /Evenings.*Mon–Sun 6:00 PM–9:00 PM/ }).waitFor();
    await expectTidyPage(page, 'schedules');
    await screenshot(page, `${viewport}-schedules`);

    // A copy, then deleted again.
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('dialog', { name: 'Duplicate “Evenings”' }).getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('heading', { name: 'Evenings (copy)', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Evenings (copy)”?' });
    await confirm.getByText('No meeting type uses it.').waitFor();
    // The list's refetch is held back: the page must not say "Deleted" while still listing the schedule.
    const slowList = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fallback();
    };
    await page.route('**/api/meetings/schedules', slowList);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “Evenings (copy)”.').waitFor();
    expect(await list.getByRole('link').count()).toBe(2);
    await page.unroute('**/api/meetings/schedules', slowList);

    // The meeting type picks it in its Availability section; the booking page then offers evening times only.
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Late call', exact: true }).click();
    await openEditorSection(page, 'Availability');
    const picker = page.getByLabel('Schedule', { exact: true });
    expect(await picker.locator('option').allInnerTexts()).toEqual(['Default (Working hours)', 'Evenings']);
    await picker.selectOption({ label: 'Evenings' });
    await page.getByText('Mon–Sun 6:00 PM–9:00 PM').waitFor();
    await expectTidyPage(page, 'editor availability section');
    await screenshot(page, `${viewport}-editor-schedule-picker`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    const hours = await offeredHours(page, account.username, 'late');
    expect(hours.size).toBeGreaterThan(0);
    for (const hour of hours) expect([18, 19, 20]).toContain(hour);

    // Made the default, it leads the list and the deleted schedule's types would move to it.
    await page.goto('/dashboard/availability');
    await list.getByRole('link', { name: /Evenings/ }).click();
    await page.getByRole('button', { name: 'Make default' }).click();
    await page.getByText('“Evenings” is your default now', { exact: false }).waitFor();
    await list.getByRole('link', { name: /Evenings\s*Default/ }).waitFor();
    expect(await list.getByRole('link').first().innerText()).toMatch(/^Evenings/);
    await context.close();
  });
});
