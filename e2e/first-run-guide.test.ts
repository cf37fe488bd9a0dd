import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import type { ViewportName } from './helpers/browser.js';
import { looksRight } from './helpers/looks.js';
import { newAccount, signUp } from './helpers/flows.js';

const session = e2eSession();

const nav = (page: Page) => page.getByRole('navigation', { name: 'Dashboard' });

describe.each(['desktop', 'phone'] as ViewportName[])('the first-run guide at %s size', (viewport) => {
  test('is skipped, resumed from the menu, and finished with the keyboard', async () => {
    const context = await session.newContext(viewport, 'America/Chicago');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    try {
      const account = newAccount();
      await signUp(page, account);
      // A new host can be booked at once: the starter type is on the home page.
      await page.getByRole('link', { name: '30 minute meeting', exact: true }).waitFor();
      const banner = page.getByRole('region', { name: 'Get ready to take bookings' });
      await banner.getByText('0 of 3 steps done').waitFor();
      await looksRight(page, `guide-banner-${viewport}`);

      await banner.getByRole('button', { name: 'Skip for now' }).click();
      await banner.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByRole('heading', { name: 'Meeting types', level: 1 }).waitFor();
      expect(await banner.count()).toBe(0);

      await nav(page)
        .getByRole('link', { name: /Finish setting up/ })
        .click();
      await page.getByRole('heading', { name: 'Set up your account', level: 1 }).waitFor();
      await page.getByText('0 of 3 steps done').waitFor();
      await page.getByRole('heading', { name: 'Connect a calendar' }).waitFor();
      await looksRight(page, `guide-${viewport}`);

      // Step 1 by keyboard: a new username, confirmed with Enter.
      const username = `${account.username}-x`;
      await page.getByRole('textbox', { name: 'Username' }).focus();
      await page.keyboard.press('End');
      await page.keyboard.type('-x');
      await page.keyboard.press('Enter');
      await page.getByText('1 of 3 steps done').waitFor();
      await page.getByText(`start with ${new URL(session.server.baseUrl).host}/${username}.`).waitFor();

      // Step 2: the default hours, Monday to Friday 09:00–17:00 in the host's zone, kept with the keyboard.
      await page.getByText('Monday').first().waitFor();
      expect(await page.getByText('09:00–17:00').count()).toBe(5);
      await page.getByRole('button', { name: 'Keep these hours' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('2 of 3 steps done').waitFor();
      expect(await nav(page).getByRole('link', { name: 'Finish setting up (2 of 3)' }).count()).toBe(1);

      // Step 3: copying the link is the step, and the guide is finished.
      const link = `${session.server.baseUrl}/${username}/30min`;
      await page.getByText(link, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByText('You are all set').waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
      await looksRight(page, `guide-finished-${viewport}`);
      expect(
        await nav(page)
          .getByRole('link', { name: /Finish setting up/ })
          .count(),
      ).toBe(0);

      await page.goto(`/${username}/30min`);
      await page.getByRole('heading', { name: '30 minute meeting' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
