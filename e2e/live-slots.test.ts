import { expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { screenshot } from './helpers/browser.js';
import {
  createMeetingType,
  fillBookingForm,
  findSlot,
  newAccount,
  setAllDayAvailability,
  signUp,
} from './helpers/flows.js';

const HOUR = 3_600_000;
const ZONE = 'Asia/Tokyo';

const session = e2eSession();

test('a slot booked in another browser disappears from an open page without a reload', async () => {
  const hostContext = await session.newContext('desktop', 'Europe/Berlin');
  const host = await hostContext.newPage();
  const account = newAccount();
  await signUp(host, account);
  await createMeetingType(host, { title: 'Quick chat' });
  await setAllDayAvailability(host);
  const path = `/${account.username}/quick-chat`;

  // Two visitors look at the same page; the first one's page stays open throughout.
  const watcherContext = await session.newContext('desktop', ZONE);
  const bookerContext = await session.newContext('phone', ZONE);
  const watcher = await watcherContext.newPage();
  const booker = await bookerContext.newPage();
  await Promise.all([watcher.goto(path), booker.goto(path)]);
  const notBefore = Date.now() + HOUR;
  const first = await findSlot(watcher, notBefore);
  expect(await findSlot(booker, notBefore)).toBe(first);
  // Navigation counts from here on: the watcher must not reload.
  const loads: string[] = [];
  watcher.on('load', () => loads.push(watcher.url()));

  await booker.click(`[data-slot-start="${first}"]`);
  await fillBookingForm(booker, { name: 'Bo Booker', email: 'bo@example.com' });
  await booker.getByRole('button', { name: 'Confirm booking' }).click();
  await booker.getByRole('heading', { name: 'You are booked' }).waitFor();

  await watcher.locator(`[data-slot-start="${first}"]`).waitFor({ state: 'detached' });

  // The watcher is filling in the form for the next slot when the booker takes that one too.
  const second = await findSlot(watcher, notBefore);
  await watcher.click(`[data-slot-start="${second}"]`);
  await watcher.getByLabel('Your name').fill('Wanda Watcher');
  await booker.goto(path);
  expect(await findSlot(booker, notBefore)).toBe(second);
  await booker.click(`[data-slot-start="${second}"]`);
  await fillBookingForm(booker, { name: 'Bo Booker', email: 'bo@example.com' });
  await booker.getByRole('button', { name: 'Confirm booking' }).click();
  await booker.getByRole('heading', { name: 'You are booked' }).waitFor();

  const alert = watcher.getByRole('alert').filter({ hasText: 'no longer available' });
  await alert.waitFor();
  await watcher.getByRole('heading', { name: 'Choose a time' }).waitFor();
  expect(await watcher.locator(`[data-slot-start="${second}"]`).count()).toBe(0);
  await screenshot(watcher, 'desktop-booking-slot-taken');
  expect(loads).toEqual([]);

  // A page that missed the news (its event stream is blocked) books a taken slot: the server's 409 brings the
  // visitor back to the times with a clear message.
  const stale = await watcherContext.newPage();
  await stale.route('**/api/meetings/slots/stream**', (route) => route.abort());
  await stale.goto(path);
  const third = await findSlot(stale, notBefore);
  await stale.click(`[data-slot-start="${third}"]`);
  await fillBookingForm(stale, { name: 'Wanda Watcher', email: 'wanda@example.com' });
  const taken = await session.server.app.inject({
    method: 'POST',
    url: '/api/meetings/book',
    payload: {
      user: account.username,
      type: 'quick-chat',
      start: third,
      timeZone: ZONE,
      invitee: { name: 'Someone Else', email: 'else@example.com' },
    },
  });
  expect(taken.statusCode).toBe(201);
  await stale.getByRole('button', { name: 'Confirm booking' }).click();
  await stale.getByRole('alert').filter({ hasText: 'was just taken' }).waitFor();
  await stale.getByRole('heading', { name: 'Choose a time' }).waitFor();
  await stale.locator(`[data-slot-start="${third}"]`).waitFor({ state: 'detached' });
  await screenshot(stale, 'desktop-booking-409');

  await Promise.all([hostContext.close(), watcherContext.close(), bookerContext.close()]);
});
