// Video link figures: how long after a booking's 201 its Zoom link is on the booking (made by the video job in
// the server's worker, against a local fake of Zoom's API, so provider latency is not included): for single
// bookings on a quiet server, and for a burst of bookings arriving 10 at a time. Prints one JSON line. Uses DATABASE_URL when set, otherwise a fresh PGlite directory.
import { startFakeProvider } from '../test/helpers/fake-video-providers.js';
import { createHost, percentile, startServer, visitorHeaders } from './lib/server.js';

const BOOKINGS = 100;
const SINGLES = 20;
const CONCURRENCY = 10;
const POLL_MS = 20;

const fake = await startFakeProvider('zoom');
const server = await startServer(fake.env);
try {
  const host = await createHost(server.base, `video${Date.now().toString(36)}`);
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${server.base}${path}`, {
      method,
      headers: host.headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const { url } = (await (await api('POST', '/api/integrations/zoom/connect', {})).json()) as { url: string };
  const callback = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  const connected = await fetch(`${server.base}${callback.pathname}${callback.search}`, {
    headers: { cookie: host.headers.cookie },
    redirect: 'manual',
  });
  if (!connected.headers.get('location')?.includes('result=connected')) throw new Error('Zoom did not connect');
  const patched = await api('PATCH', `/api/meetings/types/${host.typeId}`, { location: { type: 'zoom' } });
  if (!patched.ok) throw new Error(`type: ${patched.status} ${await patched.text()}`);

  let slot = Math.ceil(Date.now() / 900_000) * 900_000 + 86_400_000;
  const bookedAt = new Map<string, number>();
  const readyAfter = new Map<string, number>();

  const book = async () => {
    const start = new Date((slot += 900_000)).toISOString();
    const res = await fetch(`${server.base}/api/meetings/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visitorHeaders() },
      body: JSON.stringify({
        user: host.username,
        type: 'bench',
        start,
        timeZone: 'UTC',
        invitee: { name: 'Bench Invitee', email: 'invitee@example.com' },
      }),
    });
    if (res.status !== 201) throw new Error(`book: ${res.status} ${await res.text()}`);
    bookedAt.set(((await res.json()) as { booking: { uid: string } }).booking.uid, performance.now());
  };

  const waitForLinks = async (count: number) => {
    const deadline = performance.now() + 120_000;
    while (readyAfter.size < count && performance.now() < deadline) {
      const res = await api('GET', '/api/meetings/bookings?status=upcoming&limit=200');
      const { bookings } = (await res.json()) as { bookings: { uid: string; location: { url?: string } }[] };
      const now = performance.now();
      for (const b of bookings) {
        const at = bookedAt.get(b.uid);
        if (b.location.url && at !== undefined && !readyAfter.has(b.uid)) readyAfter.set(b.uid, now - at);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

  const figures = () => {
    const latencies = [...readyAfter.values()].sort((a, b) => a - b);
    readyAfter.clear();
    return {
      linked: latencies.length,
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
      max: Math.round(latencies.at(-1) ?? NaN),
    };
  };

  for (let i = 0; i < SINGLES; i++) {
    await book();
    await waitForLinks(i + 1);
  }
  const single = figures();
  bookedAt.clear();

  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BOOKINGS) {
        next++;
        await book();
      }
    }),
  );
  await waitForLinks(BOOKINGS);
  const burst = figures();

  console.log(
    JSON.stringify({
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      zoomCreates: fake.calls.filter((c) => c.method === 'POST').length,
      singleBookingToLinkMs: { bookings: SINGLES, ...single },
      burstBookingToLinkMs: { bookings: BOOKINGS, concurrency: CONCURRENCY, ...burst },
      pollIntervalMs: POLL_MS,
    }),
  );
} finally {
  await server.stop();
  await fake.close();
}
