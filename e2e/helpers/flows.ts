import { randomBytes } from 'node:crypto';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';

export type Account = { name: string; email: string; password: string; username: string };

export function newAccount(): Account {
  const n = randomBytes(3).toString('hex');
  return {
    name: `Hana Host ${n}`,
    email: `host-${n}@example.com`,
    password: 'correct horse battery',
    username: `hana-${n}`,
  };
}

/**
 * Fills in and sends the sign-up form at `path` (an invitation link's, say); the browser context's time zone
 * becomes the host's.
 */
export async function submitSignup(page: Page, account: Account, path = '/signup') {
  await page.goto(path);
  await page.getByLabel('Name', { exact: true }).fill(account.name);
  await page.getByLabel('E-mail', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Username', { exact: true }).fill(account.username);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs up and waits for the dashboard (sign-up without address verification). */
export async function signUp(page: Page, account: Account, path = '/signup') {
  await submitSignup(page, account, path);
  await page.waitForURL('**/dashboard');
  await page.getByRole('heading', { name: 'Meeting types', level: 1 }).waitFor();
}

export type TypeOptions = { title: string; requiresConfirmation?: boolean; question?: string };

/** Opens a section of the meeting-type editor by its tab. */
export async function openEditorSection(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/** Creates a meeting type through the editor: 30 minutes, no minimum notice, optionally a required question. */
export async function createMeetingType(page: Page, options: TypeOptions) {
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'New meeting type' }).click();
  await page.getByLabel('Title', { exact: true }).fill(options.title);
  await page.getByLabel('Duration (minutes)').fill('30');
  await openEditorSection(page, 'Limits');
  await page.getByLabel('Minimum notice', { exact: true }).fill('0');
  if (options.requiresConfirmation) {
    await openEditorSection(page, 'Advanced');
    await page.getByLabel('I confirm each booking myself').check();
  }
  if (options.question) {
    await openEditorSection(page, 'Questions');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).fill(options.question);
    await page.getByLabel('Required', { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Create meeting type' }).click();
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole('link', { name: options.title, exact: true }).waitFor();
}

/** Makes the host bookable around the clock: Monday 00:00–midnight, copied to every day. */
export async function setAllDayAvailability(page: Page) {
  await page.goto('/dashboard/availability');
  await page.getByLabel('Monday from').fill('00:00');
  await page.getByLabel('Monday until').fill('00:00');
  await page.getByRole('button', { name: 'Copy to all days from Monday' }).click();
  await page.getByRole('button', { name: 'Save availability' }).click();
  await page.getByText('Saved. Your booking pages use these hours now.').waitFor();
}

/** What the slot picker's way-finding controls and messages say, in the page's language. */
export type PickerWords = { jump: string; nextMonth: string; noTimes: RegExp };
const ENGLISH_PICKER: PickerWords = {
  jump: 'Jump to the next available date',
  nextMonth: 'Next month',
  noTimes: /No times are left|Choose a day to see|no available times in the next/,
};

/**
 * Finds an offered slot that starts at or after `notBefore` (so it cannot slip into the past during the test)
 * and is not in `exclude`, moving through days and months as a visitor would. Leaves its day selected.
 */
export async function findSlot(
  page: Page,
  notBefore: number,
  exclude: ReadonlySet<string> = new Set(),
  words: PickerWords = ENGLISH_PICKER,
) {
  // Page-side code is passed as strings: this project's Node typecheck has no DOM types.
  for (let step = 0; step < 40; step++) {
    await page
      .locator('[data-slot-start]')
      .or(page.getByRole('button', { name: words.jump }))
      .or(page.getByText(words.noTimes))
      .first()
      .waitFor();
    const starts = await page.evaluate<string[]>(
      `[...document.querySelectorAll('[data-slot-start]')].map((e) => e.dataset.slotStart)`,
    );
    const found = starts.find((s) => Date.parse(s) >= notBefore && !exclude.has(s));
    if (found) return found;
    const nextDay = await page.evaluate<string | null>(`(() => {
      const days = [...document.querySelectorAll('button[data-date]:not([disabled])')];
      const selected = document.querySelector('button[data-date][aria-pressed="true"]');
      return days[days.indexOf(selected) + 1]?.dataset.date ?? null;
    })()`);
    if (nextDay) {
      await page.click(`button[data-date="${nextDay}"]`);
      continue;
    }
    const jump = page.getByRole('button', { name: words.jump });
    if (await jump.isVisible()) await jump.click();
    else await page.getByRole('button', { name: words.nextMonth }).click();
  }
  throw new Error('no offered slot found');
}

export async function fillBookingForm(
  page: Page,
  invitee: { name: string; email: string },
  answers: Record<string, string> = {},
) {
  await page.getByLabel('Your name', { exact: true }).fill(invitee.name);
  await page.getByLabel('E-mail', { exact: true }).fill(invitee.email);
  for (const [label, value] of Object.entries(answers)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** "9:00 AM – 9:30 AM" as an en-US reader in `timeZone` sees the slot. */
export function timeRangeText(start: string, end: string, timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true });
  return `${format.format(new Date(start))} – ${format.format(new Date(end))}`;
}

/** The signed-in host's API, with the CSRF header the web app sends on writes. */
export async function hostApi(request: APIRequestContext) {
  const { token } = (await (await request.get('/api/auth/csrf')).json()) as { token: string };
  return async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(path, { method, headers: { 'x-csrf-token': token }, data });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Round-the-clock hours and a bookable "Intro call" (slug intro, 30 minutes, no notice), set up through the API. */
export async function openIntroCall(api: Awaited<ReturnType<typeof hostApi>>) {
  await api('PUT', '/api/meetings/availability', {
    timeZone: 'UTC',
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    overrides: [],
  });
  await api('POST', '/api/meetings/types', {
    title: 'Intro call',
    slug: 'intro',
    durationMinutes: 30,
    minimumNoticeMinutes: 0,
  });
}

/**
 * A host signed up in `context`, whose zone is the browser's, with another profile zone for the dashboard's
 * times, and the Intro call open round the clock.
 */
export async function hostWithProfileZone(context: BrowserContext, profileZone: string) {
  const page = await context.newPage();
  const account = newAccount();
  await signUp(page, account);
  const api = await hostApi(context.request);
  await api('PATCH', '/api/me', { timeZone: profileZone });
  await openIntroCall(api);
  return { page, account, api };
}
