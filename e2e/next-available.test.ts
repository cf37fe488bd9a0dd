import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startE2EApp, type E2EApp } from './helpers/app.js';
import { launchBrowser, newContext, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { createMeetingType, newAccount, signUp } from './helpers/flows.js';

let server: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('with no times this month, the page offers to jump to the next available date', async () => {
  const zone = 'Europe/Berlin';
  const hostContext = await newContext(browser, server.baseUrl, 'desktop', zone);
  const host = await hostContext.newPage();
  const account = newAccount();
  await signUp(host, account);
  await createMeetingType(host, { title: 'Rare slot' });

  // No weekly hours at all, and a single date override 40 days from now: always a later month.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now() + 40 * 86_400_000);
  await host.goto('/dashboard/availability');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await host.getByRole('checkbox', { name: day, exact: true }).uncheck();
  }
  await host.getByRole('button', { name: 'Add a date override' }).click();
  await host.getByLabel('Date', { exact: true }).fill(date);
  await host.getByLabel('Unavailable all day').uncheck();
  await host.getByRole('button', { name: 'Save availability' }).click();
  await host.getByText('Saved. Your booking pages use these hours now.').waitFor();
  await screenshot(host, 'desktop-dashboard-availability-override');

  const inviteeContext = await newContext(browser, server.baseUrl, 'phone', zone);
  const invitee = await inviteeContext.newPage();
  await invitee.goto(`/${account.username}/rare-slot`);
  const jump = invitee.getByRole('button', { name: 'Jump to the next available date' });
  await jump.waitFor();
  await screenshot(invitee, 'phone-booking-no-times');
  expect(await seriousA11yViolations(invitee)).toEqual([]);
  await jump.click();
  await invitee.locator(`button[data-date="${date}"][aria-pressed="true"]`).waitFor();
  await invitee.locator('[data-slot-start]').first().waitFor();
  const first = await invitee.locator('[data-slot-start]').first().innerText();
  expect(first).toMatch(/^9:00 AM$/);

  await Promise.all([hostContext.close(), inviteeContext.close()]);
});
