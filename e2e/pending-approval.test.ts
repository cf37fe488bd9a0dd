import { expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { screenshot, seriousA11yViolations } from './helpers/browser.js';
import {
  createMeetingType,
  fillBookingForm,
  findSlot,
  newAccount,
  setAllDayAvailability,
  signUp,
} from './helpers/flows.js';

const HOUR = 3_600_000;

const session = e2eSession();

test('a request that needs approval is pending until the host confirms it', async () => {
  const hostContext = await session.newContext('phone', 'Europe/Berlin');
  const host = await hostContext.newPage();
  const account = newAccount();
  await signUp(host, account);
  await createMeetingType(host, { title: 'Contract review', requiresConfirmation: true });
  await setAllDayAvailability(host);

  const inviteeContext = await session.newContext('phone', 'Australia/Sydney');
  const invitee = await inviteeContext.newPage();
  await invitee.goto(`/${account.username}/contract-review`);
  await invitee.getByText('The host confirms each request').waitFor();
  const start = await findSlot(invitee, Date.now() + HOUR);
  await invitee.click(`[data-slot-start="${start}"]`);
  await fillBookingForm(invitee, { name: 'Pat Pending', email: 'pat@example.com' });
  await invitee.getByRole('button', { name: 'Request this time' }).click();
  await invitee.getByRole('heading', { name: 'Request sent' }).waitFor();
  await invitee
    .getByText("Your request was sent; you'll get an e-mail at pat@example.com when the host confirms.")
    .waitFor();
  await screenshot(invitee, 'phone-booking-pending');
  expect(await seriousA11yViolations(invitee)).toEqual([]);

  await host.goto('/dashboard/bookings');
  await host.getByRole('tab', { name: 'Pending' }).click();
  await host.getByRole('heading', { name: /Pat Pending/ }).waitFor();
  await host.getByRole('button', { name: 'Confirm' }).click();
  const dialog = host.getByRole('dialog', { name: 'Confirm this booking?' });
  await dialog.waitFor();
  await screenshot(host, 'phone-dashboard-confirm-dialog');
  expect(await seriousA11yViolations(host)).toEqual([]);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await host.getByText('No requests are waiting for your confirmation.').waitFor();
  await host.getByRole('tab', { name: 'Upcoming' }).click();
  await host.getByRole('heading', { name: /Pat Pending/ }).waitFor();
  await host.getByText('Confirmed', { exact: true }).waitFor();

  await invitee.getByRole('link', { name: 'Reschedule or cancel' }).click();
  await invitee.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();

  await Promise.all([hostContext.close(), inviteeContext.close()]);
});
