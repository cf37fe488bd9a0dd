// GET /api/meetings/slots over HTTP against a real server process, 50 connections, beside /api/health in the
// same run: repeat readers of one week (672 slots; cache hits), readers of a new range every request (cache
// misses), and, on PostgreSQL, both again once the host has 100,000 past and 100,000 future bookings.
// Prints one JSON line.
// Usage: npm run --silent bench:slots-http [-- --seconds 10]   (DATABASE_URL / REDIS_URL are passed to the server)
import autocannon from 'autocannon';
import pg from 'pg';
import { createHost, startServer, visitorHeaders } from './lib/server.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const DAY = 86_400_000;
const MINUTE = 60_000;

const server = await startServer();
try {
  const { username, typeId } = await createHost(server.base, `bench${Date.now().toString(36)}`);
  const firstDay = Math.ceil(Date.now() / DAY) * DAY + DAY;
  const week = (from: number) =>
    `/api/meetings/slots?user=${username}&type=bench&from=${new Date(from).toISOString()}&to=${new Date(from + 7 * DAY).toISOString()}`;

  const check = await fetch(`${server.base}${week(firstDay)}`, { headers: visitorHeaders() });
  const slotCount = ((await check.json()) as { slots: unknown[] }).slots.length;
  if (slotCount !== 672) throw new Error(`expected 672 slots, got ${slotCount}`);

  /** 50 connections for `seconds`; every request from its own visitor address (the per-address limit). */
  const load = async (path: (i: number) => string) => {
    let i = 0;
    const result = await autocannon({
      url: server.base,
      connections: 50,
      duration: seconds,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            path: path(i++),
            headers: { ...request.headers, ...visitorHeaders(), 'accept-encoding': 'br' },
          }),
        },
      ],
    });
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
    return { rps: Math.round(result.requests.average), p99: result.latency.p99 };
  };
  const hits = () => load(() => week(firstDay));
  // A new range each request: the from moves by a minute, so no two requests share an answer.
  const misses = () => load((i) => week(firstDay + (i % (20 * 1440)) * MINUTE));

  const health = await load(() => '/api/health');
  const empty = { hits: await hits(), misses: await misses() };

  let loaded: { hits: { rps: number; p99: number }; misses: { rps: number; p99: number } } | undefined;
  if (process.env.DATABASE_URL) {
    // Past bookings end yesterday; future ones start after every range asked for (the misses reach 27 days
    // ahead), so the answers stay the ones measured without them. Straight into the table: the
    // booking path is not what is measured here.
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const many = (from: number) => `
      insert into meeting_bookings (org_id, meeting_type_id, host_user_id, start_at, end_at, time_zone,
        invitee_name, invitee_email, location)
      select t.org_id, t.id, t.host_user_id, to_timestamp(${from / 1000}) + n * interval '15 minutes',
        to_timestamp(${from / 1000}) + (n + 1) * interval '15 minutes', 'UTC', 'Bench', 'bench@example.com',
        '{"type":"jitsi"}'::jsonb
      from meeting_types t, generate_series(0, 99999) n where t.id = $1`;
    const yesterday = Math.floor(Date.now() / DAY) * DAY - DAY;
    await db.query(many(yesterday - 100_000 * 15 * MINUTE), [typeId]);
    await db.query(many(firstDay + 30 * DAY), [typeId]);
    // Vacuumed now, so autovacuum does not take the machine's CPU in the middle of the measurement.
    await db.query('vacuum analyze meeting_bookings');
    await db.end();
    loaded = { hits: await hits(), misses: await misses() };
  }

  console.log(
    JSON.stringify({
      bench: 'slots-http',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      redis: Boolean(process.env.REDIS_URL),
      seconds,
      connections: 50,
      slots: slotCount,
      healthRps: health.rps,
      healthP99Ms: health.p99,
      hitRps: empty.hits.rps,
      hitP99Ms: empty.hits.p99,
      hitToHealth: Number((empty.hits.rps / health.rps).toFixed(2)),
      missRps: empty.misses.rps,
      missP99Ms: empty.misses.p99,
      ...(loaded && {
        with200kBookings: loaded,
        hitRpsVsEmpty: Number((loaded.hits.rps / empty.hits.rps).toFixed(2)),
        missRpsVsEmpty: Number((loaded.misses.rps / empty.misses.rps).toFixed(2)),
      }),
    }),
  );
} finally {
  await server.stop();
}
