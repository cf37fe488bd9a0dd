import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookEndpoints } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  // The receivers in these tests listen on 127.0.0.1, which the default configuration refuses.
  t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
});
afterAll(() => t.close());

const day = utcDay(7);

describe('signed inbound job endpoints', () => {
  const send = (body: string, headers: Record<string, string>) =>
    new TestClient(t.app).request('POST', '/api/meetings/reminders/send', body, {
      'content-type': 'application/json',
      ...headers,
    });
  const signed = (secret: string, body: string, { id = `msg_${Math.random()}`, at: when = new Date() } = {}) => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(when.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, when, body),
  });
  const body = JSON.stringify({ reminderId: '00000000-0000-4000-8000-000000000000' });

  it('accepts a valid signature once and refuses its replay', async () => {
    const headers = signed(t.config.inboundWebhookSecret, body);
    const ok = await send(body, headers);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ sent: false });
    const replay = await send(body, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/already received/);
  });

  it('refuses a tampered body, a wrong secret, a stale timestamp and missing headers with 401', async () => {
    const tampered = await send(body.replace('0000"', '0001"'), signed(t.config.inboundWebhookSecret, body));
    const wrongSecret = await send(
      body,
      signed(`whsec_${Buffer.from('another secret of 24 bytes!').toString('base64')}`, body),
    );
    const stale = await send(
      body,
      signed(t.config.inboundWebhookSecret, body, { at: new Date(Date.now() - 6 * 60_000) }),
    );
    const missing = await send(body, {});
    const partial = await send(body, {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
    });
    for (const res of [tampered, wrongSecret, stale, missing, partial]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('webhook_signature_invalid');
    }
  });

  it('guards the workflow hook the same way', async () => {
    const payload = JSON.stringify({ workflowId: '00000000-0000-4000-8000-000000000000', actionIndex: 0 });
    const call = (headers: Record<string, string>) =>
      new TestClient(t.app).request('POST', '/api/workflows/execute-action', payload, {
        'content-type': 'application/json',
        ...headers,
      });
    expect((await call({})).status).toBe(401);
    expect((await call(signed('whsec_' + Buffer.from('x'.repeat(24)).toString('base64'), payload))).status).toBe(401);
    const verified = await call(signed(t.config.inboundWebhookSecret, payload));
    expect(verified.status).toBe(404);
    expect(verified.body.error.code).toBe('not_found');
  });

  it('answers 422 for a verified body without a reminder id', async () => {
    const other = JSON.stringify({ hello: 'world' });
    const res = await send(other, signed(t.config.inboundWebhookSecret, other));
    expect(res.status).toBe(422);
  });
});

describe('outgoing webhooks', () => {
  it('delivers signed events, retries a failing endpoint, and lists deliveries with their status', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let answer = 500;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const host = await hostWithType(t.app);
      const created = await host.client.post('/api/webhooks/endpoints', {
        url,
        events: ['booking.created', 'booking.cancelled'],
      });
      expect(created.status).toBe(201);
      const { id, secret } = created.body.endpoint;
      expect(secret).toMatch(/^whsec_/);
      expect(JSON.stringify((await host.client.get('/api/webhooks/endpoints')).body)).not.toContain(secret);

      const booking = (
        await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '10:00')))
      ).body.booking;
      while (received.length < 1) await new Promise((r) => setTimeout(r, 50));
      const first = received[0]!;
      const verified = new Webhook(secret).verify(first.body, first.headers as Record<string, string>) as {
        type: string;
        data: { booking: { uid: string } };
      };
      expect(verified.type).toBe('booking.created');
      expect(verified.data.booking.uid).toBe(booking.uid);

      let deliveries = (await host.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).body.deliveries;
      while (deliveries[0].attempts === 0 || deliveries[0].responseStatus === null) {
        await new Promise((r) => setTimeout(r, 50));
        deliveries = (await host.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).body.deliveries;
      }
      expect(deliveries[0]).toMatchObject({
        event: 'booking.created',
        status: 'pending',
        responseStatus: 500,
        attempts: 1,
      });

      answer = 204;
      await t.db.db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: sql`now()` })
        .where(eq(webhookDeliveries.endpointId, id));
      await t.services.webhooks.dispatchDue();
      expect(received).toHaveLength(2);
      expect(received[1]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
      deliveries = (await host.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).body.deliveries;
      expect(deliveries[0]).toMatchObject({ status: 'succeeded', responseStatus: 204, attempts: 2 });

      const stranger = await hostWithType(t.app);
      expect((await stranger.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).status).toBe(404);
      expect((await host.client.post('/api/webhooks/endpoints', { url: 'ftp://x', events: [] })).status).toBe(422);
    } finally {
      server.close();
    }
  });

  it('pauses, edits and resumes an endpoint; a paused one gets no new deliveries', async () => {
    const host = await hostWithType(t.app);
    const stranger = await hostWithType(t.app);
    const { id } = (
      await host.client.post('/api/webhooks/endpoints', { url: 'https://hooks.example/a', events: ['booking.created'] })
    ).body.endpoint;
    const deliveries = async () => (await host.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).body.deliveries;

    const paused = await host.client.request('PATCH', `/api/webhooks/endpoints/${id}`, { isActive: false });
    expect(paused.status).toBe(200);
    expect(paused.body.endpoint).toMatchObject({ id, isActive: false, url: 'https://hooks.example/a' });
    expect(JSON.stringify(paused.body)).not.toMatch(/whsec_|sealed/i);
    await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '11:00')));
    expect(await deliveries()).toHaveLength(0);

    const edited = await host.client.request('PATCH', `/api/webhooks/endpoints/${id}`, {
      url: 'https://hooks.example/b',
      events: ['booking.created', 'booking.cancelled', 'booking.created'],
      isActive: true,
    });
    expect(edited.body.endpoint).toMatchObject({
      url: 'https://hooks.example/b',
      events: ['booking.created', 'booking.cancelled'],
      isActive: true,
    });
    await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '12:00')));
    expect(await deliveries()).toHaveLength(1);

    expect((await host.client.request('PATCH', `/api/webhooks/endpoints/${id}`, {})).status).toBe(422);
    expect((await host.client.request('PATCH', `/api/webhooks/endpoints/${id}`, { events: [] })).status).toBe(422);
    expect((await stranger.client.request('PATCH', `/api/webhooks/endpoints/${id}`, { isActive: false })).status).toBe(
      404,
    );
  });
});

describe('the limit on webhook endpoints', () => {
  it('lets an organization have 20 endpoints, even when 25 are created at once, and refuses the rest with 409', async () => {
    const host = await hostWithType(t.app);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        host.client.post('/api/webhooks/endpoints', { url: `https://hooks.example/${n}`, events: ['booking.created'] }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'endpoint_limit', details: { limit: 20 } });
      expect(r.body.error.message).toMatch(/at most 20 webhook endpoints/);
    }
    const endpoints = (await host.client.get('/api/webhooks/endpoints')).body.endpoints as { id: string }[];
    expect(endpoints).toHaveLength(20);

    // One booking queues one delivery per endpoint, never more.
    await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '14:00')));
    const queued = await t.db.db
      .select({ endpointId: webhookDeliveries.endpointId })
      .from(webhookDeliveries)
      .where(
        inArray(
          webhookDeliveries.endpointId,
          endpoints.map((e) => e.id),
        ),
      );
    expect(queued).toHaveLength(20);
    expect(new Set(queued.map((q) => q.endpointId)).size).toBe(20);

    // Another organization has its own allowance, and removing an endpoint makes room for one more.
    const other = await hostWithType(t.app);
    expect(
      (
        await other.client.post('/api/webhooks/endpoints', {
          url: 'https://hooks.example/o',
          events: ['booking.created'],
        })
      ).status,
    ).toBe(201);
    expect((await host.client.request('DELETE', `/api/webhooks/endpoints/${endpoints[0]!.id}`)).status).toBe(200);
    expect(
      (
        await host.client.post('/api/webhooks/endpoints', {
          url: 'https://hooks.example/21',
          events: ['booking.created'],
        })
      ).status,
    ).toBe(201);
  });
});

describe('outgoing webhooks under the default configuration', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ runWorkers: false });
  });
  afterAll(() => strict.close());

  it('refuses private, loopback and metadata addresses when saved, and at connect time', async () => {
    const host = await hostWithType(strict.app);
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:192.168.0.1]/hook',
    ]) {
      const res = await host.client.post('/api/webhooks/endpoints', { url, events: ['booking.created'] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details.fields.url).toMatch(/public internet address/);
    }
    const { id } = (
      await host.client.post('/api/webhooks/endpoints', { url: 'https://hooks.example/a', events: ['booking.created'] })
    ).body.endpoint;
    expect(
      (await host.client.request('PATCH', `/api/webhooks/endpoints/${id}`, { url: 'http://192.168.1.1/' })).status,
    ).toBe(422);

    // A name that resolves to a private address (here: localhost, as a rebinding DNS would answer) is refused
    // when the socket connects, and nothing reaches the receiver.
    let reached = 0;
    const receiver = createServer((_req, res) => {
      reached++;
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const port = (receiver.address() as AddressInfo).port;
      await strict.db.db
        .update(webhookEndpoints)
        .set({ url: `http://localhost:${port}/hook` })
        .where(eq(webhookEndpoints.id, id));
      await new TestClient(strict.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '13:00')));
      await strict.services.webhooks.dispatchDue();
      const [delivery] = (await host.client.get(`/api/webhooks/endpoints/${id}/deliveries`)).body.deliveries;
      expect(delivery).toMatchObject({ status: 'pending', responseStatus: null });
      expect(delivery.lastError).toBe(
        'Could not reach the endpoint: its name does not resolve to a public internet address.',
      );
      expect(reached).toBe(0);
    } finally {
      receiver.close();
    }
  });
});
