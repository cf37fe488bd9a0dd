import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import type { ViewportName } from './helpers/browser.js';
import { looksRight } from './helpers/looks.js';
import { newAccount, signUp, type Account } from './helpers/flows.js';
import { linkFromOutbox } from './helpers/outbox.js';

const session = e2eSession();

async function logIn(page: Page, account: Pick<Account, 'email' | 'password'>) {
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe.each(['desktop', 'phone'] as ViewportName[])('account recovery at %s size', (viewport) => {
  test('forgot password: the e-mailed link sets a new one, and it logs in', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    try {
      const account = newAccount();
      await signUp(page, account);
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login');

      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await page.getByLabel('E-mail').fill(account.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText(`If an account uses ${account.email}, we sent it a link`).waitFor();
      await looksRight(page, `forgot-sent-${viewport}`);

      await page.goto(await linkFromOutbox(session.server.baseUrl, account.email, '/reset-password'));
      await page.getByLabel('New password', { exact: true }).fill('a brand new password');
      await page.getByLabel('New password again').fill('a brand new passwort');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('The two new passwords differ.').waitFor();
      await looksRight(page, `reset-password-${viewport}`);
      await page.getByLabel('New password again').fill('a brand new password');
      await page.getByRole('button', { name: 'Change password' }).click();

      await page.getByText('Your password is changed').waitFor();
      await logIn(page, { email: account.email, password: 'a brand new password' });
      await page.waitForURL('**/dashboard');

      // The link worked once: opened again, it says so and offers a new one.
      const used = await linkFromOutbox(session.server.baseUrl, account.email, '/reset-password');
      await page.goto(used);
      await page.getByLabel('New password', { exact: true }).fill('yet another password');
      await page.getByLabel('New password again').fill('yet another password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('This link does not work any more.').waitFor();
      await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
      await looksRight(page, `reset-link-used-${viewport}`);
    } finally {
      await context.close();
    }
  });

  test('recovery codes are shown once, and one logs in in place of the app', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    try {
      const account = newAccount();
      await signUp(page, account);
      await page.goto('/dashboard/settings');
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
      const secret = await page.locator('p', { hasText: 'Key:' }).locator('code').textContent();
      await page.getByLabel('6-digit code').fill(await generate({ secret: secret! }));
      await page.getByRole('button', { name: 'Turn on' }).click();

      const list = page.getByRole('list', { name: 'Recovery codes' });
      await list.waitFor();
      const codes = await list.getByRole('listitem').allTextContents();
      expect(codes).toHaveLength(10);
      await page.getByRole('button', { name: 'Copy codes' }).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download (.txt)' }).click();
      expect((await download).suggestedFilename()).toBe('tuskhub-recovery-codes.txt');
      await looksRight(page, `recovery-codes-${viewport}`);
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await page.getByText('10 unused recovery codes left.').waitFor();
      await page.reload();
      await page.getByText('10 unused recovery codes left.').waitFor();
      expect(await list.count()).toBe(0);

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL('**/login');
      await logIn(page, account);
      await page.getByLabel('Authentication code').waitFor();
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL('**/dashboard');
      await page.getByRole('heading', { name: 'You logged in with a recovery code. 9 codes are left.' }).waitFor();
      await looksRight(page, `recovery-login-notice-${viewport}`);
      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByText('9 unused recovery codes left.').waitFor();

      // Lost device: a second code turns two-factor off; the used one is refused.
      await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
      await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Turn off' }).click();
      await page.getByText('This code is not one of yours, or it was used already.').waitFor();
      await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[1]!);
      await page.getByRole('button', { name: 'Turn off' }).click();
      await page.getByText('Two-factor authentication is off.').waitFor();
    } finally {
      await context.close();
    }
  });
});
