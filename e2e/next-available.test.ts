import { expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { screenshot, seriousA11yViolations } from './helpers/browser.js';
import { createMeetingType, newAccount, signUp } from './helpers/flows.js';

const session = e2eSession();

test('with no times this month, the page offers to jump to the next available date', async () => {
  const zone = 'Europe/Berlin';
  const hostContext = await session.newContext('desktop', zone);
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

  const inviteeContext = await session.newContext('phone', zone);
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
