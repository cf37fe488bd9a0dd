import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { expectTidyPage, screenshot, type ViewportName } from './helpers/browser.js';
import { englishFragments, englishIn, pageTexts } from './helpers/catalog-text.js';
import { createMeetingType, findSlot, newAccount, setAllDayAvailability, signUp } from './helpers/flows.js';

const HOUR = 3_600_000;
const ZONE = 'Europe/Berlin';
const GERMAN_PICKER = {
  jump: 'Zum nächsten freien Tag springen',
  nextMonth: 'Nächster Monat',
  noTimes: /keine Uhrzeiten mehr frei|Wählen Sie einen Tag, um|keine freien Uhrzeiten/,
};

const session = e2eSession();
const english = englishFragments('de');

describe.each(['desktop', 'phone'] as const)('the booking pages in German at %s width', (viewport: ViewportName) => {
  test('a German visitor books, is refused and confirmed in German, and manages the booking in German', async () => {
    const host = await (await session.newContext(viewport, ZONE)).newPage();
    const account = newAccount();
    await signUp(host, account);
    await createMeetingType(host, { title: 'Intro call', question: 'Company' });
    await setAllDayAvailability(host);
    const invitee = { name: 'Ida Gast', email: `ida-${viewport}@example.com` };
    // Names people typed are theirs, not the page's: the check leaves them out.
    const typed = ['Intro call', 'Company', account.name, account.username, invitee.name, 'Acme GmbH'];

    const context = await session.newContext(viewport, ZONE, 'de-DE');
    const page = await context.newPage();
    /** No English on the page as it is now, and the page tidy for everyone (axe, no sideways scrolling). */
    const noEnglishAt = async (step: string) => {
      await screenshot(page, `${viewport}-de-${step}`);
      expect(englishIn(await pageTexts(page), english, typed), `English on the ${step} step`).toEqual([]);
      await expectTidyPage(page, `the German ${step} step`);
    };

    await page.goto(`/${account.username}`);
    await page.getByText('Wählen Sie aus, was Sie buchen möchten.').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('de');
    await noEnglishAt('profile');

    await page.getByRole('link', { name: /Intro call/ }).click();
    await page.getByRole('heading', { name: 'Wählen Sie eine Uhrzeit' }).waitFor();
    const start = await findSlot(page, Date.now() + HOUR, new Set(), GERMAN_PICKER);
    // Weekdays and months are German, and so is the zone's name.
    expect(await page.getByRole('combobox', { name: 'Zeitzone' }).inputValue()).toMatch(
      /^Berlin(, Deutschland)? — Mitteleuropäische Zeit/,
    );
    // A German week starts on Monday; ICU versions differ on the abbreviation's dot.
    const weekdays = (await page.locator('th').allInnerTexts()).map((day) => day.replace('.', ''));
    expect(weekdays).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
    await noEnglishAt('pick');

    await page.click(`[data-slot-start="${start}"]`);
    await page.getByRole('heading', { name: 'Ihre Angaben' }).waitFor();
    await page.getByRole('button', { name: 'Buchung bestätigen' }).click();
    await page.getByText('Geben Sie Ihren Namen ein.').waitFor();
    await page.getByText('Diese Frage muss beantwortet werden.').waitFor();
    await page.getByLabel('E-Mail', { exact: true }).fill('ida@');
    await page.getByRole('button', { name: 'Buchung bestätigen' }).click();
    await page.getByText('Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.').waitFor();
    await noEnglishAt('form-errors');

    await page.getByLabel('Ihr Name', { exact: true }).fill(invitee.name);
    await page.getByLabel('E-Mail', { exact: true }).fill(invitee.email);
    await page.getByLabel('Company', { exact: true }).fill('Acme GmbH');
    await page.getByRole('button', { name: 'Buchung bestätigen' }).click();
    await page.getByRole('heading', { name: 'Ihr Termin ist gebucht' }).waitFor();
    await noEnglishAt('confirmation');

    await page.getByRole('link', { name: 'Verschieben oder absagen' }).click();
    await page.getByRole('heading', { name: 'Ihre Buchung ist bestätigt' }).waitFor();
    await noEnglishAt('manage');
    await page.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await page.getByRole('heading', { name: 'Neuen Termin wählen' }).waitFor();
    await findSlot(page, Date.now() + HOUR, new Set([start]), GERMAN_PICKER);
    await noEnglishAt('manage-reschedule');
    await page.getByRole('button', { name: '← Zurück' }).click();
    await page.getByRole('button', { name: 'Buchung absagen' }).click();
    await page.getByRole('heading', { name: 'Diese Buchung absagen?' }).waitFor();
    await noEnglishAt('manage-cancel');

    await expectGermanMail(invitee.email, account.email);
    await switchesLanguage(page);
    await opensInBookingLanguage(page.url(), viewport);

    // The host reads German from now on; the invitee cancels, and both are told in German.
    await host.goto('/dashboard/settings');
    await host.getByLabel('E-mail language').selectOption('de');
    await host.getByRole('button', { name: 'Save profile' }).click();
    await host.getByText('Profile saved.').waitFor();
    await screenshot(host, `${viewport}-settings-email-language`);
    await page.getByRole('button', { name: 'Buchung absagen' }).click();
    await page.getByLabel('Grund (optional)').fill('Mir ist etwas dazwischengekommen');
    await page.getByRole('button', { name: 'Buchung absagen' }).click();
    await page.getByRole('heading', { name: 'Diese Buchung ist abgesagt' }).waitFor();
    await noEnglishAt('manage-cancelled');
    const outbox = session.server.services.notifications;
    expect((await outbox.devOutbox(invitee.email)).map((m) => m.subject)).toContain(
      'Abgesagt: Intro call mit ' + account.name,
    );
    expect((await outbox.devOutbox(account.email)).map((m) => m.subject)).toContain(
      'Abgesagt: Intro call mit Ida Gast',
    );
    await context.close();
    await host.context().close();
  });
});

/** The invitee's e-mail is German; the host, who reads English, gets theirs in English. */
async function expectGermanMail(inviteeEmail: string, hostEmail: string) {
  const outbox = session.server.services.notifications;
  const [toInvitee] = await outbox.devOutbox(inviteeEmail);
  expect(toInvitee?.subject).toMatch(/^Bestätigt: Intro call mit /);
  expect(toInvitee?.text).toMatch(/^Wann: (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), /m);
  const [toHost] = await outbox.devOutbox(hostEmail);
  expect(toHost?.subject).toBe('New booking: Intro call with Ida Gast');
}

/** The switcher puts English in the address and <html lang>, and German back. */
async function switchesLanguage(page: Page) {
  const language = page.getByRole('combobox', { name: 'Sprache' });
  await language.selectOption('en');
  await page.getByRole('heading', { name: 'Your booking is confirmed' }).waitFor();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByRole('heading', { name: 'Ihre Buchung ist bestätigt' }).waitFor();
}

/** The link from the e-mail, opened in an English browser, shows the booking in the language it was made in. */
async function opensInBookingLanguage(url: string, viewport: ViewportName) {
  const manage = new URL(url);
  manage.searchParams.delete('lang');
  const context = await session.newContext(viewport, 'America/New_York');
  const page = await context.newPage();
  await page.goto(manage.pathname + manage.search);
  await page.getByRole('heading', { name: 'Ihre Buchung ist bestätigt' }).waitFor();
  await context.close();
}
