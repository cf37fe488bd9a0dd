import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Services } from '../../src/server/services.js';
import { createTestApp } from '../../test/helpers/app.js';
import type { TestDb } from '../../test/helpers/db.js';
import { launchBrowser, newContext, type ViewportName } from './browser.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * `services` for what the app's operator does outside the browser (the admin CLI's invitations); `db` for data
 * too much to make through the pages (a host with many bookings).
 */
export type E2EApp = { app: FastifyInstance; services: Services; db: TestDb; baseUrl: string; close(): Promise<void> };

/** Settings beside the test defaults, e.g. { EMAIL_VERIFICATION: 'required' }. */
export type E2EOptions = { env?: Record<string, string> };

/** The real app on a fresh test database, serving the built web app on a random local port for a browser. */
export async function startE2EApp(options: E2EOptions = {}): Promise<E2EApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`${WEB_ROOT}/index.html is missing: the e2e globalSetup builds it; run \`npm run build:web\``);
  }
  // The browser tests' webhook receivers listen on 127.0.0.1.
  const t = await createTestApp({
    webRoot: WEB_ROOT,
    env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...options.env },
  });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { app: t.app, services: t.services, db: t.db, baseUrl, close: () => t.close() };
}

/**
 * The app and a browser for one test file: started before its tests, closed after them. `newContext` opens a
 * browser context on the app at a viewport and time zone.
 */
export function e2eSession(options: E2EOptions = {}) {
  let server: E2EApp | undefined;
  let browser: Browser | undefined;
  const started = () => {
    if (!server || !browser) throw new Error('the e2e session has not started: use it inside tests');
    return { server, browser };
  };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EApp(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return started().server;
    },
    newContext(viewport: ViewportName, timeZone: string, locale?: string) {
      const { server: app, browser: chromium } = started();
      return newContext(chromium, app.baseUrl, viewport, timeZone, locale);
    },
  };
}
