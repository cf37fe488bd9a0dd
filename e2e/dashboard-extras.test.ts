import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, seriousA11yViolations, type ViewportName } from './helpers/browser.js';
import { createMeetingType, newAccount, setAllDayAvailability, signUp } from './helpers/flows.js';
import { startReceiver, type Received } from './helpers/receiver.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HOST_ZONE = 'Europe/Berlin';

const session = e2eSession();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let receiverUrl: string;
let received: Received[];

beforeAll(async () => {
  receiver = await startReceiver();
  receiverUrl = `${receiver.url}/hooks`;
  received = receiver.received;
});

afterAll(() => receiver?.close());

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(new URL(path, session.server.baseUrl), {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Books the `nth` offered slot from tomorrow on, as a visitor's browser would, through the public API. */
async function bookViaApi(user: string, type: string, invitee: { name: string; email: string }, nth: number) {
  const from = new Date(Date.now() + HOUR).toISOString();
  const to = new Date(Date.now() + 8 * DAY).toISOString();
  const { slots } = await json<{ slots: { start: string }[] }>(
    `/api/meetings/slots?${new URLSearchParams({ user, type, from, to }).toString()}`,
  );
  const slot = slots[nth];
  if (!slot) throw new Error(`only ${slots.length} slots offered`);
  return json<{ booking: { uid: string } }>('/api/meetings/book', {
    method: 'POST',
    body: JSON.stringify({ user, type, start: slot.start, timeZone: 'America/New_York', invitee, answers: {} }),
  });
}

describe.each(['desktop', 'phone'] as const)('dashboard extras at %s width', (viewport: ViewportName) => {
  test('analytics, webhooks and the dev mailbox show real data', async () => {
    const shot = (page: Page, name: string) => screenshot(page, `${viewport}-${name}`);
    const checkPage = async (page: Page, name: string) => {
      expect(await seriousA11yViolations(page, { skipSandboxedFrames: true }), `axe on ${name}`).toEqual([]);
      expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBe(0);
    };

    const context = await session.newContext(viewport, HOST_ZONE);
    const host = await context.newPage();
    const account = newAccount();
    await signUp(host, account);

    // Fresh account: every section starts honest and empty.
    await host.goto('/dashboard/analytics');
    await host.getByRole('heading', { name: 'No activity in this period' }).waitFor();
    await checkPage(host, 'analytics (empty)');

    await createMeetingType(host, { title: 'Intro call' });
    await setAllDayAvailability(host);

    // A visitor views the booking page and books.
    const invitee = { name: 'Ada Invitee', email: `ada-${account.username}@example.com` };
    const recorded = await json<{ recorded: boolean }>('/api/meetings/analytics/events', {
      method: 'POST',
      body: JSON.stringify({ user: account.username, type: 'intro-call', event: 'page_view' }),
    });
    expect(recorded.recorded).toBe(true);
    await bookViaApi(account.username, 'intro-call', invitee, 0);

    // Analytics: 1 view, 1 booking, 100 % conversion, and the bar for today.
    await host.goto('/dashboard/analytics');
    await host.getByRole('heading', { name: 'Conversion funnel' }).waitFor();
    const kpi = (label: string) => host.locator('dl > div').filter({ has: host.getByText(label, { exact: true }) });
    expect(await kpi('Page views').locator('dd').first().innerText()).toBe('1');
    expect(await kpi('Bookings').locator('dd').first().innerText()).toBe('1');
    expect(await kpi('Conversion').locator('dd').first().innerText()).toBe('100%');
    // The chart's accessible table: 30 days, one of them with the booking.
    const dayRows = host
      .locator('table caption', { hasText: 'Bookings per day' })
      .locator('xpath=..')
      .locator('tbody tr');
    expect(await dayRows.count()).toBe(30);
    expect(await dayRows.locator('td', { hasText: /^1$/ }).count()).toBe(1);
    // The per-type table (cards on phones), filtered to the type.
    await host.getByLabel('Meeting type', { exact: true }).selectOption({ label: 'Intro call' });
    const typeRow = host
      .locator(viewport === 'phone' ? 'li' : 'tr', { hasText: 'Intro call' })
      .filter({ visible: true });
    await typeRow.first().waitFor();
    expect(await typeRow.first().innerText()).toContain('100%');
    await host.locator('label', { hasText: 'Last 7 days' }).click();
    expect(await host.getByRole('radio', { name: 'Last 7 days' }).isChecked()).toBe(true);
    await host.locator('table caption', { hasText: 'Bookings per day' }).waitFor({ state: 'attached' });
    await expect.poll(() => dayRows.count()).toBe(7);
    await shot(host, 'dashboard-analytics');
    await checkPage(host, 'analytics');

    // Webhooks: add an endpoint, see its secret once, then watch a delivery arrive.
    await host.goto('/dashboard/webhooks');
    await host.getByRole('heading', { name: 'No endpoints yet' }).waitFor();
    await host.getByRole('button', { name: 'Add endpoint' }).click();
    await host.getByText('Enter a full http or https URL').waitFor();
    await host.getByLabel('Endpoint URL').fill(receiverUrl);
    await host.getByRole('button', { name: 'Add endpoint' }).click();
    await host.getByRole('heading', { name: /copy its signing secret now/ }).waitFor();
    const secret = await host.getByTestId('webhook-secret').innerText();
    expect(secret).toMatch(/^whsec_/);
    await host.getByText("You won't see this secret again").waitFor();
    await shot(host, 'dashboard-webhooks-secret');
    await checkPage(host, 'webhooks (secret)');
    await host.getByRole('button', { name: 'I have stored the secret' }).click();
    expect(await host.getByText(secret).count()).toBe(0);

    const before = received.length;
    await bookViaApi(account.username, 'intro-call', { name: 'Bo Second', email: invitee.email }, 1);
    await host.getByRole('button', { name: 'Show deliveries' }).click();
    const delivered = host.getByText('Delivered', { exact: true }).filter({ visible: true });
    await expect
      .poll(
        async () => {
          if ((await delivered.count()) > 0) return true;
          await host.getByRole('button', { name: 'Refresh' }).click();
          return false;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);
    expect(received.length).toBeGreaterThan(before);
    const hit = received.at(-1)!;
    expect(hit.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'booking.created' });
    expect(await host.getByText('200', { exact: true }).filter({ visible: true }).count()).toBeGreaterThan(0);
    await shot(host, 'dashboard-webhooks');
    await checkPage(host, 'webhooks');

    // Pause and resume the endpoint; the button keeps focus while its label flips.
    const focused = () =>
      host.evaluate<string>(
        'document.activeElement.closest("dialog") ? "dialog " + document.activeElement.name : document.activeElement.textContent',
      );
    const badge = (text: string) => host.getByText(text, { exact: true });
    await host.getByRole('button', { name: /^Pause deliveries to/ }).click();
    await badge('Paused').waitFor();
    await host.getByText('Deliveries paused.', { exact: false }).waitFor();
    expect(await focused()).toMatch(/^Resume deliveries to/);
    await shot(host, 'dashboard-webhooks-paused');
    await host.getByRole('button', { name: /^Resume deliveries to/ }).click();
    await badge('Active').waitFor();
    await host.getByText('Deliveries resumed.').waitFor();

    // Edit the URL in a dialog: it opens on the URL field, shows the server's field error, returns focus on close.
    const edit = host.getByRole('button', { name: /^Edit endpoint/ });
    const dialog = host.getByRole('dialog', { name: 'Edit endpoint' });
    await edit.click();
    expect(await focused()).toBe('dialog url');
    // Passes the form's own check (http, no spaces) but is no URL for the server: its 422 lands under the field.
    await dialog.getByLabel('Endpoint URL').fill('https://[bad');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Enter a full URL').waitFor();
    await shot(host, 'dashboard-webhooks-edit');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await focused()).toMatch(/^Edit endpoint/);
    await edit.click();
    expect(await dialog.getByLabel('Endpoint URL').inputValue()).toBe(receiverUrl);
    const editedUrl = `${receiverUrl}/edited`;
    await dialog.getByLabel('Endpoint URL').fill(editedUrl);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await host.getByRole('heading', { name: editedUrl }).waitFor();
    await host.getByText('Endpoint saved.').waitFor();
    expect(await focused()).toMatch(/^Edit endpoint/);
    await shot(host, 'dashboard-webhooks-edited');
    await checkPage(host, 'webhooks (edited)');

    // The e-mail log lists the host's mail.
    await host.goto('/dashboard/emails');
    await host.getByText(`Confirmed: Intro call with ${account.name}`).filter({ visible: true }).first().waitFor();
    await shot(host, 'dashboard-email-log');
    await checkPage(host, 'e-mail log');

    // The dev mailbox: search by recipient, open the confirmation, read it rendered.
    // Reached from the nav, which lists the mailbox only on servers without SMTP (like this one).
    await host.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Dev mailbox' }).click();
    await host.getByLabel('Recipient').fill(invitee.email);
    await host.getByRole('button', { name: 'Search' }).click();
    await host.getByRole('heading', { name: `2 messages to ${invitee.email}` }).waitFor();
    await host
      .getByRole('button', { name: new RegExp(`Confirmed: Intro call with ${account.name}`) })
      .first()
      .click();
    const frame = host.frameLocator('iframe[title^="E-mail: Confirmed"]');
    await frame.getByText('Intro call', { exact: false }).first().waitFor();
    expect(await host.locator('iframe[title^="E-mail"]').getAttribute('sandbox')).toBe('');
    const download = host.getByRole('link', { name: /^Download .+\.ics$/ });
    expect(await download.getAttribute('href')).toMatch(/^data:text\/calendar/);
    await shot(host, 'dashboard-mailbox');
    await checkPage(host, 'mailbox');

    await context.close();
  });
});
