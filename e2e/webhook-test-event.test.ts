import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import type { ViewportName } from './helpers/browser.js';
import { hostApi, newAccount, signUp } from './helpers/flows.js';
import { looksRight } from './helpers/looks.js';
import { startReceiver, type Received } from './helpers/receiver.js';

const session = e2eSession();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let receiverUrl: string;
let received: Received[];

beforeAll(async () => {
  // A path ending in /broken stands for a receiver that fails.
  receiver = await startReceiver((req) => (req.url?.endsWith('/broken') ? 500 : 204));
  receiverUrl = receiver.url;
  received = receiver.received;
});
afterAll(() => receiver?.close());

describe.each(['desktop', 'phone'] as ViewportName[])('send test event at %s size', (viewport) => {
  test('the button sends a signed test event, and the deliveries show how it went', async () => {
    const context = await session.newContext(viewport, 'Europe/Berlin');
    const page = await context.newPage();
    try {
      await signUp(page, newAccount());
      const api = await hostApi(page.request);
      const ok = await api<{ endpoint: { secret: string } }>('POST', '/api/webhooks/endpoints', {
        url: `${receiverUrl}/${viewport}`,
        events: ['booking.created'],
      });
      await api('POST', '/api/webhooks/endpoints', {
        url: `${receiverUrl}/${viewport}/broken`,
        events: ['booking.created'],
      });
      await page.goto('/dashboard/webhooks');

      const card = (path: string) =>
        page
          .getByRole('listitem')
          .filter({ hasText: `${receiverUrl}/${path}` })
          .first();
      const working = card(viewport).filter({ hasNotText: 'broken' });
      await working.getByRole('button', { name: /^Send test event/ }).click();
      await working.getByText('Test event queued.').waitFor();
      await working.getByText('Delivered', { exact: true }).filter({ visible: true }).waitFor();
      await working.getByText('Test', { exact: true }).filter({ visible: true }).first().waitFor();
      const hit = received.find((r) => r.headers['webhook-id'] && r.body.includes('webhook.test'))!;
      const event = new Webhook(ok.endpoint.secret).verify(hit.body, hit.headers as Record<string, string>) as {
        type: string;
        data: { test: boolean };
      };
      expect(event).toMatchObject({ type: 'webhook.test', data: { test: true } });

      const broken = card(`${viewport}/broken`);
      await broken.getByRole('button', { name: /^Send test event/ }).click();
      await broken.getByText('Failed', { exact: true }).filter({ visible: true }).waitFor();
      await looksRight(page, `webhook-test-event-${viewport}`);
      received.length = 0;
    } finally {
      await context.close();
    }
  });
});
