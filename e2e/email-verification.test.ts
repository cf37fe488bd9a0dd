import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import type { ViewportName } from './helpers/browser.js';
import { looksRight } from './helpers/looks.js';
import { newAccount, submitSignup } from './helpers/flows.js';
import { linkFromOutbox } from './helpers/outbox.js';

const session = e2eSession({ env: { EMAIL_VERIFICATION: 'required' } });

describe.each(['desktop', 'phone'] as ViewportName[])('address verification at %s size', (viewport) => {
  test('sign-up says to check the inbox; the dashboard says the pages are hidden until the link is opened', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    try {
      const account = newAccount();
      await submitSignup(page, account);
      await page.getByRole('heading', { name: 'Check your inbox', level: 1 }).waitFor();
      await page.getByText(`We sent an e-mail to ${account.email}`).waitFor();
      await looksRight(page, `check-inbox-${viewport}`);

      await page.goto('/login');
      await page.getByLabel('E-mail').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      const banner = page.getByRole('region', { name: /Verify your address/ });
      await banner.getByText('your booking pages are hidden until you do').waitFor();
      await looksRight(page, `verify-banner-${viewport}`);

      // Three links an hour: the sign-up's and two more; the fourth is refused with the server's reason.
      const resend = banner.getByRole('button', { name: 'Send a new link' });
      for (let i = 0; i < 2; i++) {
        await resend.click();
        await banner.getByText(`We sent a new link to ${account.email}.`).waitFor();
      }
      await resend.click();
      const refused = banner.getByRole('alert');
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(/\S/);
      await looksRight(page, `verify-banner-limited-${viewport}`);

      await page.goto(await linkFromOutbox(session.server.baseUrl, account.email, '/verify-email'));
      await page.getByText('Your address is confirmed. Your booking pages are live.').waitFor();
      await looksRight(page, `verified-${viewport}`);
      await page.getByRole('link', { name: 'Go to your dashboard' }).click();
      await page.getByRole('heading', { name: 'Meeting types', level: 1 }).waitFor();
      expect(await banner.count()).toBe(0);
      await page.goto(`/${account.username}/30min`);
      await page.getByRole('heading', { name: '30 minute meeting' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
