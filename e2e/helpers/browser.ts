import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results/screenshots';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof viewports;

/** `locale` is the browser's language (navigator.languages): American English unless a test says otherwise. */
export function newContext(
  browser: Browser,
  baseURL: string,
  viewport: ViewportName,
  timezoneId: string,
  locale = 'en-US',
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    timezoneId,
    locale,
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
    reducedMotion: 'reduce',
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * axe-core's serious and critical findings on the page as it is now, as readable one-liners.
 * `skipSandboxedFrames` leaves out `sandbox=""` iframes (such as the dev mailbox's e-mail preview): axe cannot
 * run inside a script-less frame and would wait for it until the test times out.
 */
export async function seriousA11yViolations(
  page: Page,
  options: { skipSandboxedFrames?: boolean } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (options.skipSandboxedFrames) builder.exclude('iframe[sandbox=""]');
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many CSS pixels the page is wider than the viewport (0 = no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  // A string, not a function: this project's Node typecheck has no DOM types.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Neither serious axe findings nor sideways scrolling on the page as it is now; `name` says which page failed. */
export async function expectTidyPage(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBe(0);
}
