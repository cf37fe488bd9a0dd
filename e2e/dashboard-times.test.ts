import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, type ViewportName } from './helpers/browser.js';
import { hostWithProfileZone } from './helpers/flows.js';

const HOUR = 3_600_000;
const BROWSER_ZONE = 'America/Los_Angeles';
// No daylight saving time, so the label is the same all year.
const PROFILE_ZONE = 'Asia/Tokyo';
const LABEL = 'Times in Asia/Tokyo (GMT+9)';

const session = e2eSession();

/** How an en-US reader sees `iso` on a dashboard list, in `zone`. */
const shown = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));

async function expectTimesInProfileZone(page: Page, instants: string[]) {
  await page.getByText(LABEL, { exact: true }).waitFor();
  for (const iso of instants) {
    await page.getByText(shown(iso, PROFILE_ZONE)).filter({ visible: true }).first().waitFor();
    expect(await page.getByText(shown(iso, BROWSER_ZONE)).count()).toBe(0);
  }
  expect(await horizontalOverflow(page)).toBe(0);
}

describe.each(['desktop', 'phone'] as const)('dashboard times at %s width', (viewport: ViewportName) => {
  test('the e-mail log, mailbox and webhooks show times in the profile zone, labelled', async () => {
    const context = await session.newContext(viewport, BROWSER_ZONE);
    const { page, account, api } = await hostWithProfileZone(context, PROFILE_ZONE);
    const { endpoint } = await api<{ endpoint: { createdAt: string } }>('POST', '/api/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/hooks',
      events: ['booking.created'],
    });

    const query = new URLSearchParams({
      user: account.username,
      type: 'intro',
      from: new Date(Date.now() + HOUR).toISOString(),
      to: new Date(Date.now() + 48 * HOUR).toISOString(),
    });
    // The visitor is anonymous: no session cookie, so no CSRF token either.
    const { slots } = (await (
      await fetch(`${session.server.baseUrl}/api/meetings/slots?${query.toString()}`)
    ).json()) as {
      slots: { start: string }[];
    };
    const booked = await fetch(`${session.server.baseUrl}/api/meetings/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user: account.username,
        type: 'intro',
        start: slots[0]!.start,
        timeZone: 'America/New_York',
        invitee: { name: 'Ada Invitee', email: `ada-${account.username}@example.com` },
        answers: {},
      }),
    });
    expect(booked.status).toBe(201);

    const { messages } = await api<{ messages: { createdAt: string }[] }>('GET', '/api/notifications/messages');
    expect(messages.length).toBeGreaterThan(0);
    await page.goto('/dashboard/emails');
    await expectTimesInProfileZone(page, [messages[0]!.createdAt]);
    await screenshot(page, `${viewport}-dashboard-times-email-log`);

    const mailbox = await api<{ messages: { createdAt: string }[] }>('GET', '/api/notifications/mailbox');
    expect(mailbox.messages.length).toBeGreaterThan(0);
    await page.goto('/dashboard/mailbox');
    await expectTimesInProfileZone(page, [mailbox.messages[0]!.createdAt]);
    await screenshot(page, `${viewport}-dashboard-times-mailbox`);

    await page.goto('/dashboard/webhooks');
    await expectTimesInProfileZone(page, [endpoint.createdAt]);
    await screenshot(page, `${viewport}-dashboard-times-webhooks`);
    await context.close();
  });
});
