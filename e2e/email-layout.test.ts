import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderAccountMail, renderBookingMail, type Audience } from '../src/modules/notifications/templates.js';
import type { AccountMail, BookingMailEvent, Locale } from '../src/modules/notifications/types.js';
import { bookingMail } from '../test/helpers/booking-mail.js';
import { launchBrowser, screenshot, viewports } from './helpers/browser.js';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  // A phone as mail apps show a message: 390 px wide, the HTML part as the whole page.
  context = await browser.newContext({ viewport: viewports.phone, isMobile: true, hasTouch: true, locale: 'en-US' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const longName = `Maximiliana${'x'.repeat(90)}`;
const longEmail = `${'first.last.'.repeat(6)}person@${'subdomain-'.repeat(5)}example.com`;
const longUrl = `https://video.example.com/join/${'0123456789abcdef'.repeat(12)}?pwd=${'Z'.repeat(40)}`;

/** The worst content a booking may carry: every unbroken value as long as the forms allow. */
const mail = bookingMail({
  title: `Quarterly${'planning'.repeat(8)}`,
  invitee: {
    name: longName,
    email: longEmail,
    timeZone: 'America/Argentina/ComodRivadavia',
    hourCycle: 'h12',
    locale: 'en',
  },
  host: { name: longName, email: longEmail, timeZone: 'Europe/Berlin', hourCycle: 'h23', locale: 'en' },
  location: { type: 'zoom', url: longUrl },
  questions: [{ id: 'q_agenda00', label: `Agenda${'and-context'.repeat(6)}`, type: 'textarea' }],
  answers: { q_agenda00: `First line\n${'y'.repeat(150)}\nthird line` },
  notes: longUrl,
});

const events: [string, BookingMailEvent, Partial<typeof mail>][] = [
  ['booked', { kind: 'booked' }, {}],
  [
    'rescheduled',
    {
      kind: 'rescheduled',
      previousStart: new Date('2026-03-08T14:00:00Z'),
      by: 'invitee',
      reason: null,
      afterRequest: false,
    },
    {},
  ],
  ['cancelled', { kind: 'cancelled', by: 'invitee', reason: `Because${'z'.repeat(120)}` }, { status: 'cancelled' }],
  [
    'host-rescheduled',
    {
      kind: 'rescheduled',
      previousStart: new Date('2026-03-08T14:00:00Z'),
      by: 'host',
      reason: `Clash${'w'.repeat(120)}`,
      afterRequest: false,
    },
    {},
  ],
  ['reschedule-requested', { kind: 'reschedule_requested', reason: `Ill${'v'.repeat(120)}` }, { status: 'cancelled' }],
  [
    'new-time-picked',
    {
      kind: 'rescheduled',
      previousStart: new Date('2026-03-08T14:00:00Z'),
      by: 'invitee',
      reason: null,
      afterRequest: true,
    },
    { status: 'pending' },
  ],
];

/** German words run longer than English ones: every message is tried in each language; English keeps its names. */
const LOCALES: Locale[] = ['en', 'de'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
const suffix = (locale: Locale) => (locale === 'en' ? '' : `-${locale}`);
const inLocale = (locale: Locale): typeof mail => ({
  ...mail,
  invitee: { ...mail.invitee, locale },
  host: { ...mail.host, locale },
});

describe('booking e-mails on a 390 px phone', () => {
  for (const locale of LOCALES)
    for (const [name, event, overrides] of events) {
      for (const who of ['invitee', 'host'] as Audience[]) {
        test(`the ${name} e-mail to the ${who} (${locale}) fits without sideways scrolling`, async () => {
          const page = await context.newPage();
          try {
            await page.setContent(renderBookingMail(event, { ...inLocale(locale), ...overrides }, who).html);
            const width = await page.evaluate<number>('document.documentElement.scrollWidth');
            await screenshot(page, `email-${name}-${who}-390${suffix(locale)}`);
            expect(width).toBeLessThanOrEqual(390);
            // Each row's value keeps its label's width: nothing leans out of the card.
            const cardOverflow = await page.evaluate<number>(
              '(() => { const c = document.querySelector("body > div"); return c.scrollWidth - c.clientWidth; })()',
            );
            expect(cardOverflow).toBe(0);
          } finally {
            await page.close();
          }
        });
      }
    }
});

/** A real link's length: a 256-bit token, on a server name as long as people give them. */
const accountLink = (path: string) =>
  `https://meetings.${'long-company-name-'.repeat(3)}example.com/${path}?token=${'Ab3_-'.repeat(9)}x`;
const accountMails: DistributiveOmit<AccountMail, 'locale'>[] = [
  { kind: 'password_reset', name: longName, resetUrl: accountLink('reset-password'), validMinutes: 60 },
  {
    kind: 'email_verification',
    name: longName,
    verifyUrl: accountLink('verify-email'),
    validHours: 24,
    pagesWaiting: true,
  },
  {
    kind: 'account_exists',
    name: longName,
    loginUrl: accountLink('login'),
    resetUrl: accountLink('reset-password'),
    validMinutes: 60,
  },
];

describe('account e-mails on a 390 px phone', () => {
  for (const locale of LOCALES)
    for (const mail of accountMails) {
      test(`the ${mail.kind} e-mail (${locale}) fits without sideways scrolling`, async () => {
        const page = await context.newPage();
        try {
          await page.setContent(renderAccountMail({ ...mail, locale }).html);
          await screenshot(page, `email-${mail.kind}-390${suffix(locale)}`);
          expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
          const cardOverflow = await page.evaluate<number>(
            '(() => { const c = document.querySelector("body > div"); return c.scrollWidth - c.clientWidth; })()',
          );
          expect(cardOverflow).toBe(0);
        } finally {
          await page.close();
        }
      });
    }
});
