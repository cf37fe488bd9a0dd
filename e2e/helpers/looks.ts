import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { horizontalOverflow, screenshot, seriousA11yViolations } from './browser.js';

/** Saves a screenshot of the page as it is now, then holds it to axe (nothing serious) and to no sideways scrolling. */
export async function looksRight(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  expect(await horizontalOverflow(page), `horizontal overflow on ${name}`).toBe(0);
}
