import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '../src/db/schema/index.js';
import { createSealer } from '../src/lib/crypto.js';
import { createWebhooks } from '../src/modules/webhooks/service.js';
import { UNREACHABLE_TARGET } from '../src/modules/webhooks/target-guard.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  // No workers: each test dispatches itself, with the server's guard (private targets allowed, for the local
  // receiver) or with the default one.
  t = await createTestApp({ runWorkers: false, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
});
afterAll(() => t.close());

type Received = { headers: IncomingMessage['headers']; body: string };
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function receiver(status = 204) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

async function hostWithEndpoint(url: string, events = ['booking.cancelled']) {
  const host = await hostWithType(t.app);
  const created = await host.client.post('/api/webhooks/endpoints', { url, events });
  expect(created.status).toBe(201);
  const { id, secret } = created.body.endpoint as { id: string; secret: string };
  return { ...host, endpointId: id, secret, test: () => host.client.post(`/api/webhooks/endpoints/${id}/test`) };
}

describe('POST /api/webhooks/endpoints/:id/test', () => {
  it('sends a signed test event, marked as one, shaped like a booking with question labels', async () => {
    const { received, url } = await receiver();
    const host = await hostWithEndpoint(url);
    const res = await host.test();
    expect(res.status).toBe(202);
    expect(res.body.delivery).toMatchObject({ event: 'webhook.test', status: 'pending', attempts: 0 });

    await t.services.webhooks.dispatchDue();
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['webhook-id']).toBe(`msg_${res.body.delivery.id}`);
    expect(headers['content-type']).toBe('application/json');
    const event = new Webhook(host.secret).verify(body, headers as Record<string, string>) as any;
    expect(event.type).toBe('webhook.test');
    expect(event.data.test).toBe(true);
    expect(event.data.booking).toMatchObject({
      status: 'confirmed',
      eventType: { slug: '30min' },
      invitee: { email: 'invitee@example.com' },
      questions: [{ id: 'topic', label: 'What would you like to talk about?', answer: 'Trying out the webhook' }],
    });

    const deliveries = (await host.client.get(`/api/webhooks/endpoints/${host.endpointId}/deliveries`)).body;
    expect(deliveries.deliveries).toEqual([
      expect.objectContaining({ id: res.body.delivery.id, event: 'webhook.test', status: 'succeeded', attempts: 1 }),
    ]);
  });

  it('is tried once when the endpoint fails, not retried for a day', async () => {
    const { received, url } = await receiver(500);
    const host = await hostWithEndpoint(url);
    const { delivery } = (await host.test()).body;
    await t.services.webhooks.dispatchDue();
    const [row] = await t.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
    expect(row).toMatchObject({ status: 'dead', attempts: 1, responseStatus: 500 });
    expect(received).toHaveLength(1);
  });

  it('goes through the guard against private networks like every delivery', async () => {
    const { received, url } = await receiver();
    const host = await hostWithEndpoint(url);
    const { delivery } = (await host.test()).body;
    // The default configuration: private targets refused when sending, even for an endpoint saved before.
    const guarded = createWebhooks({
      db: t.db.db,
      queue: t.queue,
      sealer: createSealer(t.config.appSecret),
      allowPrivateTargets: false,
    });
    await guarded.dispatchDue();
    expect(received).toHaveLength(0);
    const [row] = await t.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
    expect(row).toMatchObject({ status: 'dead', lastError: UNREACHABLE_TARGET });
  });

  it('is never a real event: not subscribable, and bookings do not send it', async () => {
    const { received, url } = await receiver();
    const host = await hostWithEndpoint(url, ['booking.created']);
    const subscribe = await host.client.post('/api/webhooks/endpoints', { url, events: ['webhook.test'] });
    expect(subscribe.status).toBe(422);
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(utcDay(7), '10:00')),
    );
    expect(booked.status).toBe(201);
    await t.services.webhooks.dispatchDue();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['booking.created']);
  });

  it('is limited to ten a minute per endpoint', async () => {
    const { url } = await receiver();
    const host = await hostWithEndpoint(url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await host.test()).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    const limited = await host.test();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another endpoint of the same host has its own allowance.
    const other = await host.client.post('/api/webhooks/endpoints', { url, events: ['booking.created'] });
    expect((await host.client.post(`/api/webhooks/endpoints/${other.body.endpoint.id}/test`)).status).toBe(202);
  });

  it('answers 404 for another host’s endpoint and 422 for a malformed id, queueing nothing', async () => {
    const { url } = await receiver();
    const owner = await hostWithEndpoint(url);
    const stranger = await hostWithType(t.app);
    const res = await stranger.client.post(`/api/webhooks/endpoints/${owner.endpointId}/test`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await stranger.client.post('/api/webhooks/endpoints/not-an-id/test')).status).toBe(422);
    expect((await new TestClient(t.app).post(`/api/webhooks/endpoints/${owner.endpointId}/test`)).status).toBe(401);
    const rows = await t.db.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, owner.endpointId));
    expect(rows).toEqual([]);
  });
});
