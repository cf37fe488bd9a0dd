import { describe, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import type { ViewportName } from './helpers/browser.js';
import { newAccount, signUp, submitSignup } from './helpers/flows.js';
import { looksRight } from './helpers/looks.js';

const session = e2eSession({ env: { SIGNUP: 'invite' } });

describe.each(['desktop', 'phone'] as ViewportName[])('sign-up by invitation at %s size', (viewport) => {
  test('without an invitation the page says how to get one; the link signs up; a bad link is explained', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    try {
      await page.goto('/signup');
      await page.getByRole('heading', { name: 'Sign-up is by invitation', level: 1 }).waitFor();
      await looksRight(page, `signup-invite-needed-${viewport}`);

      // A link for another address: the server refuses it, and the form says why.
      const stranger = newAccount();
      const other = new URL(await session.server.services.accounts.admin.invite(newAccount().email));
      await page.goto(other.pathname + other.search);
      await page.getByText('You were invited.').waitFor();
      await submitSignup(page, stranger, other.pathname + other.search);
      await page
        .getByRole('alert')
        .getByText(/made for another e-mail address/)
        .waitFor();
      await looksRight(page, `signup-invite-refused-${viewport}`);

      const account = newAccount();
      const link = new URL(await session.server.services.accounts.admin.invite(account.email));
      await signUp(page, account, link.pathname + link.search);
    } finally {
      await context.close();
    }
  });
});
