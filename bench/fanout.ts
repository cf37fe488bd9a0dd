// Fan-out of a booking's slot event to many open pages, against a real server process: N event streams of one
// host (1,000 then 10,000) held by several client processes on raw sockets, so the client is not the bottleneck;
// then bookings one at a time, each timed from its 201 to the event's arrival on every stream (a clock shared
// across processes: performance.timeOrigin + performance.now()). Beside it, the server's own write span for
// each event (from its arrival at the node to the last stream's write), read from the server's debug log.
// A stream may see the event a little before the 201 reaches the bench (the event is published on commit, just
// before the answer is sent): such times are negative.
// Usage: npm run --silent bench:fanout [-- --streams 1000,10000 --clients 4 --bookings 5]
// DATABASE_URL / REDIS_URL are passed to the server. Each stream holds a socket in the server and in a client:
// 10,000 streams need `ulimit -n` above ~10,100 (the server's share) and above streams/clients in each client.
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createHost, percentile, startServer, visitorHeaders } from './lib/server.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const sizes = (arg('--streams') ?? '1000,10000').split(',').map(Number);
const clientCount = Number(arg('--clients') ?? 4);
const bookingsPerSize = Number(arg('--bookings') ?? 5);
const DAY = 86_400_000;
const SLOT_MS = 15 * 60_000;
const now = () => performance.timeOrigin + performance.now();
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const round = (n: number) => Math.round(n * 10) / 10;

// flushedMs: an older build's span that also counted writes deferred to the next tick.
type Span = { streams: number; writeMs: number; flushedMs?: number; cpuMs: number };
type Reply = { type: string; open?: number; arrivals?: number[]; missing?: number };

/** Asks a client and waits for its answer of `type`. */
const ask = (client: ChildProcess, message: object, type: string) =>
  new Promise<Reply>((resolve) => {
    const onMessage = (reply: Reply) => {
      if (reply.type !== type) return;
      client.off('message', onMessage);
      resolve(reply);
    };
    client.on('message', onMessage);
    client.send(message);
  });

const server = await startServer({ LOG_LEVEL: 'debug' }, undefined, { stdout: 'pipe' });
const spans: Span[] = [];
createInterface({ input: server.child.stdout! }).on('line', (line) => {
  if (line.includes('"msg":"sse fan-out"')) spans.push(JSON.parse(line) as Span);
});
const clients = Array.from({ length: clientCount }, () =>
  fork(new URL('./lib/sse-client.ts', import.meta.url), { stdio: 'inherit' }),
);
try {
  const { username } = await createHost(server.base, `fan${Date.now().toString(36)}`);
  const port = Number(new URL(server.base).port);
  const path = `/api/meetings/slots/stream?user=${username}&type=bench`;
  let nextSlot = Math.ceil(Date.now() / DAY) * DAY + DAY;
  let open = 0;

  const book = async () => {
    const start = new Date((nextSlot += SLOT_MS)).toISOString();
    await Promise.all(clients.map((c) => ask(c, { type: 'expect', start }, 'ready')));
    const spansBefore = spans.length;
    const sent = now();
    const res = await fetch(`${server.base}/api/meetings/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visitorHeaders() },
      body: JSON.stringify({ user: username, type: 'bench', start, timeZone: 'UTC', invitee: bench }),
    });
    const answered = now();
    if (res.status !== 201) throw new Error(`book ${start}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    const replies = await Promise.all(clients.map((c) => ask(c, { type: 'collect', timeoutMs: 10_000 }, 'arrivals')));
    for (let waited = 0; spans.length === spansBefore && waited < 2000; waited += 10)
      await new Promise((r) => setTimeout(r, 10));
    return {
      bookingMs: answered - sent,
      latencies: replies.flatMap((r) => r.arrivals!.map((t) => t - answered)),
      missing: replies.reduce((sum, r) => sum + r.missing!, 0),
      span: spans[spans.length - 1],
    };
  };
  const bench = { name: 'Bench', email: 'bench@example.com' };

  const results = [];
  for (const size of sizes) {
    const share = Math.ceil((size - open) / clientCount);
    const opened = await Promise.all(
      clients.map((c, i) =>
        ask(c, { type: 'open', count: share, port, path, firstAddress: open + i * share, concurrency: 50 }, 'opened'),
      ),
    );
    open = opened.reduce((sum, r) => sum + r.open!, 0);
    await book(); // warm-up: the new sockets' first frame, and the server's code paths
    const measured = [];
    for (let i = 0; i < bookingsPerSize; i++) {
      measured.push(await book());
      await new Promise((r) => setTimeout(r, 200));
    }
    const all = measured.flatMap((m) => m.latencies).sort((a, b) => a - b);
    const spansOf = measured.flatMap((m) => (m.span ? [m.span] : []));
    results.push({
      streams: open,
      bookings: measured.length,
      p50Ms: round(percentile(all, 50)),
      p99Ms: round(percentile(all, 99)),
      maxMs: round(all[all.length - 1]!),
      lastStreamMedianMs: round(median(measured.map((m) => Math.max(...m.latencies)))),
      missing: measured.reduce((sum, m) => sum + m.missing, 0),
      bookingMedianMs: round(median(measured.map((m) => m.bookingMs))),
      serverSpanMedianMs: spansOf.length ? round(median(spansOf.map((s) => s.flushedMs ?? s.writeMs))) : null,
      serverSpanMaxMs: spansOf.length ? round(Math.max(...spansOf.map((s) => s.flushedMs ?? s.writeMs))) : null,
      serverCpuMedianMs: spansOf.length ? round(median(spansOf.map((s) => s.cpuMs))) : null,
      serverSpanStreams: spansOf[0]?.streams ?? null,
    });
  }
  console.log(
    JSON.stringify({
      bench: 'fanout',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      bus: process.env.REDIS_URL ? 'redis' : 'listen-notify',
      clients: clientCount,
      results,
    }),
  );
} finally {
  for (const client of clients) client.send({ type: 'close' });
  await server.stop();
}
