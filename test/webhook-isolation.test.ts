import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeInOneStatement } from '../src/db/one-statement.js';
import { webhookDeliveries, webhookEndpoints } from '../src/db/schema/index.js';
import { createSealer } from '../src/lib/crypto.js';
import { createWebhooks, type Webhooks } from '../src/modules/webhooks/service.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { hostWithType } from './helpers/scheduling.js';

const DEADLINE_MS = 2_000;

let t: TestApp;
let webhooks: Webhooks;
beforeAll(async () => {
  // No workers in the app: this file's own dispatcher, with a short deadline, is the only one delivering.
  t = await createTestApp({ runWorkers: false, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
  webhooks = createWebhooks({
    db: t.db.db,
    queue: t.queue,
    sealer: createSealer(t.config.appSecret),
    allowPrivateTargets: true,
    timeoutMs: DEADLINE_MS,
  });
});
afterAll(() => t.close());

const listen = async (server: Server | ReturnType<typeof createHttpServer>) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};
const until = async (condition: () => Promise<boolean> | boolean) => {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
};

/** Starts an answer and never finishes its headers: one header line every 20 ms, for as long as it is let. */
function tricklingReceiver() {
  const state = { open: 0, closed: 0, mostOpen: 0, linesPerConnection: [] as number[] };
  const server = createTcpServer((socket) => {
    state.open++;
    state.mostOpen = Math.max(state.mostOpen, state.open);
    const index = state.linesPerConnection.push(0) - 1;
    let timer: NodeJS.Timeout | undefined;
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\n');
      timer = setInterval(() => {
        socket.write('x-trickle: 1\r\n');
        state.linesPerConnection[index]!++;
      }, 20);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      state.open--;
      state.closed++;
    });
  });
  return { server, state };
}

async function endpointFor(url: string) {
  const host = await hostWithType(t.app);
  const created = await host.client.post('/api/webhooks/endpoints', { url, events: ['booking.created'] });
  expect(created.status).toBe(201);
  const [row] = await t.db.db
    .select({ id: webhookEndpoints.id, orgId: webhookEndpoints.orgId, userId: webhookEndpoints.userId })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, created.body.endpoint.id));
  return row!;
}

const queue = async (e: { orgId: string; userId: string }, n: number) =>
  (await t.db.db.transaction((tx) =>
    writeInOneStatement(tx, [], webhooks.eventWrite(e.orgId, e.userId, 'booking.created', { n })),
  )) > 0;

const deliveriesOf = (endpointId: string) =>
  t.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

describe('webhook delivery isolation', () => {
  it('delivers to a fast endpoint while a trickling one holds its requests, and cuts those off at the deadline', async () => {
    const slow = tricklingReceiver();
    let fastReceived = 0;
    const fast = createHttpServer((_req, res) => {
      fastReceived++;
      res.writeHead(204).end();
    });
    const slowPort = await listen(slow.server);
    const fastPort = await listen(fast);
    try {
      const a = await endpointFor(`http://127.0.0.1:${slowPort}/hook`);
      const b = await endpointFor(`http://127.0.0.1:${fastPort}/hook`);
      // More of tenant A's deliveries than one claim used to take, all queued before tenant B's one.
      for (let n = 0; n < 21; n++) expect(await queue(a, n)).toBe(true);
      expect(await queue(b, 0)).toBe(true);

      const dispatching = webhooks.dispatchDue();
      await until(async () => (await deliveriesOf(b.id))[0]?.status === 'succeeded');

      expect(fastReceived).toBe(1);
      // A's requests are still open: the receiver has seen none of them close, and at most two at a time.
      expect(slow.state.closed).toBe(0);
      expect(slow.state.open).toBe(2);
      expect(slow.state.mostOpen).toBe(2);

      // The rest of A's backlog is not what this test is about: postpone it so the dispatcher can drain.
      await t.db.db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: sql`now() + interval '1 hour'` })
        .where(and(eq(webhookDeliveries.endpointId, a.id), isNull(webhookDeliveries.leaseUntil)));
      await dispatching;

      const attempted = (await deliveriesOf(a.id)).filter((d) => d.attempts > 0);
      expect(attempted).toHaveLength(2);
      for (const d of attempted) {
        expect(d).toMatchObject({ status: 'pending', responseStatus: null, leaseUntil: null });
        expect(d.lastError).toBe(`The endpoint did not answer within ${DEADLINE_MS / 1000} s.`);
      }
      // The receiver learns of the closed sockets on its next turn of the event loop.
      await until(() => slow.state.closed === 2);
      expect(slow.state).toMatchObject({ open: 0, mostOpen: 2 });
      // Bytes kept arriving all along: an inactivity timeout would never have fired.
      for (const lines of slow.state.linesPerConnection) expect(lines).toBeGreaterThan(5);
    } finally {
      slow.server.close();
      fast.close();
    }
  });

  it('never claims more than two deliveries of one endpoint at once, across claims', async () => {
    const slow = tricklingReceiver();
    const port = await listen(slow.server);
    try {
      const a = await endpointFor(`http://127.0.0.1:${port}/hook`);
      for (let n = 0; n < 5; n++) await queue(a, n);
      const dispatching = webhooks.dispatchDue();
      await until(() => slow.state.open === 2);
      // A second call joins the running pool instead of starting another one beside it.
      const joined = webhooks.dispatchDue();
      const [queued] = await t.db.db
        .select({ ids: sql<string[]>`array_agg(${webhookDeliveries.id})` })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, a.id), isNull(webhookDeliveries.leaseUntil)));
      expect(queued!.ids).toHaveLength(3);
      await t.db.db
        .update(webhookDeliveries)
        .set({ nextAttemptAt: sql`now() + interval '1 hour'` })
        .where(inArray(webhookDeliveries.id, queued!.ids));
      await Promise.all([dispatching, joined]);
      await until(() => slow.state.closed === 2);
      expect(slow.state).toMatchObject({ open: 0, mostOpen: 2 });
    } finally {
      slow.server.close();
    }
  });
});
