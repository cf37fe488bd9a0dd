import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { horizontalOverflow, screenshot, seriousA11yViolations, type ViewportName } from './helpers/browser.js';
import { createMeetingType, newAccount, setAllDayAvailability, signUp } from './helpers/flows.js';

const HOUR = 3_600_000;
const session = e2eSession();

/** Books the `nth` offered slot from an hour from now, as a visitor's browser would (without the host's cookies). */
async function bookViaApi(user: string, nth: number) {
  const url = (path: string) => new URL(path, session.server.baseUrl);
  const from = new Date(Date.now() + HOUR).toISOString();
  const to = new Date(Date.now() + 7 * 24 * HOUR).toISOString();
  const slots = await fetch(url(`/api/meetings/slots?${new URLSearchParams({ user, type: 'intro-call', from, to })}`));
  const start = ((await slots.json()) as { slots: { start: string }[] }).slots[nth]!.start;
  const res = await fetch(url('/api/meetings/book'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user,
      type: 'intro-call',
      start,
      timeZone: 'America/New_York',
      invitee: { name: 'Ada Invitee', email: `ada-${nth}-${user}@example.com` },
      answers: {},
    }),
  });
  expect(res.status).toBe(201);
}

describe.each(['desktop', 'phone'] as const)('deleting a meeting type at %s width', (viewport: ViewportName) => {
  test('the dialog names the upcoming bookings and cancels them only when the host says so', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const host = await context.newPage();
    const account = newAccount();
    await signUp(host, account);
    await createMeetingType(host, { title: 'Intro call' });
    await setAllDayAvailability(host);
    await bookViaApi(account.username, 0);
    await bookViaApi(account.username, 1);

    await host.goto('/dashboard');
    await host.getByRole('button', { name: 'Delete Intro call' }).click();
    const dialog = host.getByRole('dialog', { name: 'Delete “Intro call”?' });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    // The server refused: the dialog now says why and offers the choices.
    await dialog.getByText('“Intro call” has 2 upcoming bookings.').waitFor();
    await dialog.getByText(/each invitee gets a cancellation e-mail/).waitFor();
    await dialog.getByRole('button', { name: 'Turn off instead' }).waitFor();
    const cancelAndDelete = dialog.getByRole('button', { name: 'Cancel 2 bookings and delete' });
    await cancelAndDelete.waitFor();
    expect(await seriousA11yViolations(host)).toEqual([]);
    expect(await horizontalOverflow(host)).toBe(0);
    await screenshot(host, `${viewport}-meeting-type-delete-dialog`);

    // Keeping it changes nothing.
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const upcoming = await host.request.get('/api/meetings/bookings?status=upcoming');
    expect(((await upcoming.json()) as { bookings: unknown[] }).bookings).toHaveLength(2);

    await host.getByRole('button', { name: 'Delete Intro call' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await cancelAndDelete.click();
    // Gone from the list; the starter type from sign-up stays.
    await host.getByRole('link', { name: 'Intro call', exact: true }).waitFor({ state: 'detached' });
    await host.getByRole('link', { name: '30 minute meeting', exact: true }).waitFor();
    const cancelled = await host.request.get('/api/meetings/bookings?status=cancelled');
    const bookings = ((await cancelled.json()) as { bookings: { status: string; eventType: { title: string } }[] })
      .bookings;
    expect(bookings.map((b) => [b.status, b.eventType.title])).toEqual([
      ['cancelled', 'Intro call'],
      ['cancelled', 'Intro call'],
    ]);
    await context.close();
  });
});
