// HTTP figures of the scheduling core, measured against a real server process:
// GET /api/meetings/slots throughput and p99 at 50 connections, booking throughput on distinct slots, and the
// latency from a booking to the SSE event on an open page. Prints one JSON line.
// Usage: npm run --silent bench:http [-- --seconds 10]   (DATABASE_URL / REDIS_URL are passed to the server)
import autocannon from 'autocannon';
import { bookBenchSlot, createHost, percentile, startServer, visitorHeaders } from './lib/server.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const DAY = 86_400_000;
const SLOT_MS = 15 * 60_000;

const server = await startServer();
try {
  const { username } = await createHost(server.base, `bench${Date.now().toString(36)}`);
  const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
  let nextSlot = firstDay;
  const book = async () => {
    const start = new Date((nextSlot += SLOT_MS)).toISOString();
    const sent = performance.now();
    const res = await bookBenchSlot(server.base, username, start, { name: 'Bench', email: 'bench@example.com' });
    if (res.status !== 201) throw new Error(`book ${start}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return { start, sent, answered: performance.now() };
  };

  // 1. Slots for a week, 50 connections.
  const slotsUrl = `${server.base}/api/meetings/slots?user=${username}&type=bench&from=${new Date(firstDay).toISOString()}&to=${new Date(firstDay + 7 * DAY).toISOString()}`;
  // Many visitors, as on a real page: one address would meet the per-address slots limit within seconds.
  const slots = await autocannon({
    url: slotsUrl,
    connections: 50,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...visitorHeaders() } }) }],
  });

  // 2. Bookings on distinct slots, 10 at a time.
  const bookingLatencies: number[] = [];
  const total = 300;
  const started = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (issued++ < total) {
        const b = await book();
        bookingLatencies.push(b.answered - b.sent);
      }
    }),
  );
  const bookingSeconds = (performance.now() - started) / 1000;
  bookingLatencies.sort((a, b) => a - b);

  // 3. Booking → SSE event on an open page, one booking at a time.
  const stream = await fetch(`${server.base}/api/meetings/slots/stream?user=${username}&type=bench`);
  const arrivals = new Map<string, number>();
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (data) arrivals.set(JSON.parse(data).start, performance.now());
      }
    }
  })();
  const fromRequest: number[] = [];
  const afterAnswer: number[] = [];
  for (let i = 0; i < 200; i++) {
    const b = await book();
    while (!arrivals.has(b.start)) await new Promise((r) => setImmediate(r));
    const arrived = arrivals.get(b.start)!;
    fromRequest.push(arrived - b.sent);
    afterAnswer.push(Math.max(0, arrived - b.answered));
  }
  await reader.cancel();
  fromRequest.sort((a, b) => a - b);
  afterAnswer.sort((a, b) => a - b);

  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'scheduling-http',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      slotsRequestsPerSec: round(slots.requests.average),
      slotsP50Ms: slots.latency.p50,
      slotsP99Ms: slots.latency.p99,
      slotsErrors: slots.errors + slots.non2xx,
      bookingsPerSec: round(total / bookingSeconds),
      bookingP50Ms: round(percentile(bookingLatencies, 50)),
      bookingP99Ms: round(percentile(bookingLatencies, 99)),
      sseEventFromRequestP50Ms: round(percentile(fromRequest, 50)),
      sseEventFromRequestP99Ms: round(percentile(fromRequest, 99)),
      sseEventAfter201P99Ms: round(percentile(afterAnswer, 99)),
    }),
  );
} finally {
  await server.stop();
}
