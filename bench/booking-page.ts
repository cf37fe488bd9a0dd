// The public booking page as a visitor gets it: the JavaScript it downloads (raw and gzip, from the files the
// page actually requested) and the time from navigation start until the first time slots are on screen, in
// headless Chromium against the real server (bench/lib/server.ts) with a host bookable around the clock.
// Cold = a fresh browser context (empty cache) per run; warm = a reload in the same context; "slow CPU" =
// cold with Chromium's CPU throttled 4x, roughly a mid-range phone. Prints one JSON line.
//
//   npx tsx bench/booking-page.ts [runs=15]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createHost, percentile, startServer } from './lib/server.js';

const RUNS = Number(process.argv[2] ?? 15);
const WEB_ROOT = 'dist/web';

// Records, in the page's own clock (ms since navigation start), when the first slot button appears.
// A string: this project's Node typecheck has no DOM types.
const MARK_FIRST_SLOT = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-slot-start]')) {
      window.__firstSlotAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

type Run = { slotsMs: number; domContentLoadedMs: number; js: string[] };

async function visit(context: BrowserContext, url: string, throttle = 1): Promise<Run> {
  const page = context.pages()[0] ?? (await context.newPage());
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const js: string[] = [];
  const onResponse = (response: { url(): string }) => {
    if (response.url().endsWith('.js')) js.push(new URL(response.url()).pathname);
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.locator('[data-slot-start]').first().waitFor();
  const timing = await page.evaluate<{ slotsMs: number; domContentLoadedMs: number }>(`({
    slotsMs: window.__firstSlotAt,
    domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  })`);
  page.off('response', onResponse);
  return { ...timing, js };
}

function median(values: number[]) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
function p95(values: number[]) {
  return percentile(
    [...values].sort((a, b) => a - b),
    95,
  );
}
const round = (n: number) => Math.round(n);

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});

const server = await startServer();
let browser: Browser | undefined;
try {
  const { username } = await createHost(server.base, `bench-${Date.now().toString(36)}`);
  const url = `${server.base}/${username}/bench`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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

  const cold: Run[] = [];
  const warm: Run[] = [];
  const slow: Run[] = [];
  // One throwaway visit so the server's first-request costs (JIT, caches) are not billed to the page.
  await browser.newContext().then(async (c) => {
    await c.addInitScript(MARK_FIRST_SLOT);
    await visit(c, url);
    await c.close();
  });
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Paris' });
    await context.addInitScript(MARK_FIRST_SLOT);
    cold.push(await visit(context, url));
    warm.push(await visit(context, url));
    await context.close();
    const slowContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await slowContext.addInitScript(MARK_FIRST_SLOT);
    slow.push(await visit(slowContext, url, 4));
    await slowContext.close();
  }

  const files = [...new Set(cold[0]!.js)];
  const bytes = files.map((path) => readFileSync(join(WEB_ROOT, path)));
  const raw = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzip = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  console.log(
    JSON.stringify({
      bench: 'booking-page',
      runs: RUNS,
      jsFiles: files.length,
      // kB = 1000 bytes, as Vite's build report counts them.
      jsRawKB: +(raw / 1000).toFixed(1),
      jsGzipKB: +(gzip / 1000).toFixed(1),
      dashboardCodeLoaded: files.some((f) => /Dashboard/i.test(f)),
      coldSlotsVisibleMedianMs: round(median(cold.map((r) => r.slotsMs))),
      coldSlotsVisibleP95Ms: round(p95(cold.map((r) => r.slotsMs))),
      coldDomContentLoadedMedianMs: round(median(cold.map((r) => r.domContentLoadedMs))),
      warmSlotsVisibleMedianMs: round(median(warm.map((r) => r.slotsMs))),
      slowCpu4xSlotsVisibleMedianMs: round(median(slow.map((r) => r.slotsMs))),
      slowCpu4xSlotsVisibleP95Ms: round(p95(slow.map((r) => r.slotsMs))),
    }),
  );
} finally {
  await browser?.close();
  await server.stop();
}
