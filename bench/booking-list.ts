// The host's booking list over HTTP for a host with 10 bookings and one with 100,000: the first page of the
// upcoming list (the dashboard's default), and the first and a deep page (reached by following `next`) of the list
// of all bookings, all pages of 10 bookings so that each answer holds as much; and the dashboard's first page of
// 50. Keyset paging should make them cost the same. Prints one JSON line.
// Usage: npm run --silent bench:booking-list [-- --seconds 6]   (seconds of load per page, in 3 turns; DATABASE_URL
// is passed to the server; without it, a fresh PGlite directory, seeded while the server is stopped)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDb } from '../src/db/client.js';
import { createHost, startServer } from './lib/server.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 6;
const ROUNDS = 3;
const SIZES = { small: 10, large: 100_000 };
const CONNECTIONS = 10;
/** Bookings per page compared: all the small host has. */
const PAGE = SIZES.small;

type Host = Awaited<ReturnType<typeof createHost>>;
type Page = { bookings: unknown[]; next: string | null };
const ratio = (a: { reqPerSec: number }, b: { reqPerSec: number }) =>
  Math.round((a.reqPerSec / b.reqPerSec) * 100) / 100;

/**
 * A booking every 30 minutes, 15 minutes long, `past` of them before now and the rest after; every tenth
 * cancelled.
 * Written with one INSERT … SELECT generate_series as the superuser: booking 100,000 times over HTTP would
 * measure the booking path, not the list.
 */
async function seed(dataDir: string, hosts: { host: Host; count: number; past: number }[]) {
  const db = await createDb({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 1 });
  try {
    for (const { host, count, past } of hosts)
      await db.executeSql(
        `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, status, start_at, end_at, time_zone,
           invitee_name, invitee_email, location)
         select t.org_id, t.id, t.host_user_id,
           (case when n % 10 = 0 then 'cancelled' else 'confirmed' end)::booking_status,
           date_trunc('hour', now()) + make_interval(mins => 30 * (n - $3)),
           date_trunc('hour', now()) + make_interval(mins => 30 * (n - $3) + 15),
           'UTC', 'Invitee ' || n, 'invitee' || n || '@example.com', '{"type":"none"}'
         from meeting_types t, generate_series(1, $2::int) as n where t.id = $1`,
        [host.typeId, count, past],
      );
    // As autovacuum would soon after a load this size: the planner reads the table as it now is.
    await db.executeSql('analyze meeting_bookings');
  } finally {
    await db.close();
  }
}

// A data directory of the bench's own, which the server leaves in place when it stops.
const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-bench-list-'));
let server = await startServer({}, dataDir);
try {
  const hosts = {
    small: await createHost(server.base, `listsmall${Date.now().toString(36)}`),
    large: await createHost(server.base, `listlarge${Date.now().toString(36)}`),
  };
  // PGlite has one process: the server lets go of the data directory while the bench writes to it.
  if (!process.env.DATABASE_URL) await server.stop();
  await seed(dataDir, [
    { host: hosts.small, count: SIZES.small, past: 0 },
    { host: hosts.large, count: SIZES.large, past: SIZES.large / 2 },
  ]);
  if (!process.env.DATABASE_URL) server = await startServer({}, dataDir);

  const get = async (host: Host, query: string): Promise<Page> => {
    const res = await fetch(`${server.base}/api/meetings/bookings?${query}`, {
      headers: { cookie: host.headers.cookie },
    });
    if (!res.ok) throw new Error(`list ${query}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Page;
  };

  /** The cursor of the page holding the `depth`-th booking of the list of all, found by following `next`. */
  const deepCursor = async (host: Host, depth: number) => {
    let cursor = '';
    for (let read = 0; read < depth; read += 200) {
      const { next } = await get(host, `limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      if (!next) throw new Error(`the list ended before ${depth}`);
      cursor = next;
    }
    return cursor;
  };

  /** One stretch of load on one page: autocannon's mean throughput and latency percentiles. */
  const load = async (host: Host, query: string, duration: number) => {
    const result = await autocannon({
      url: `${server.base}/api/meetings/bookings?${query}`,
      headers: { cookie: host.headers.cookie },
      connections: CONNECTIONS,
      duration,
    });
    if (result.errors + result.non2xx > 0) throw new Error(`${query}: ${result.errors + result.non2xx} failed`);
    return { reqPerSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
  };

  const depth = Math.floor(SIZES.large * 0.9);
  const deep = await deepCursor(hosts.large, depth);
  const pages = {
    small: {
      upcomingFirst: { host: hosts.small, query: `status=upcoming&limit=${PAGE}` },
      allFirst: { host: hosts.small, query: `limit=${PAGE}` },
    },
    large: {
      upcomingFirst: { host: hosts.large, query: `status=upcoming&limit=${PAGE}` },
      allFirst: { host: hosts.large, query: `limit=${PAGE}` },
      allDeep: { host: hosts.large, query: `limit=${PAGE}&cursor=${deep}` },
      dashboardFirst: { host: hosts.large, query: 'status=upcoming' },
    },
  };
  const all = [...Object.values(pages.small), ...Object.values(pages.large)];
  // The machine is shared: each page gets its time in ROUNDS stretches taken in turn with the others, so a burst
  // of other work falls on all of them alike, and the median stretch counts.
  const stretches = new Map(all.map((page) => [page, [] as Awaited<ReturnType<typeof load>>[]]));
  for (let round = 0; round < ROUNDS; round++)
    for (const page of all) stretches.get(page)!.push(await load(page.host, page.query, seconds / ROUNDS));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const figuresOf = async (page: (typeof all)[number]) => {
    const runs = stretches.get(page)!;
    return {
      rows: (await get(page.host, page.query)).bookings.length,
      reqPerSec: Math.round(median(runs.map((r) => r.reqPerSec))),
      p50Ms: median(runs.map((r) => r.p50Ms)),
      p99Ms: median(runs.map((r) => r.p99Ms)),
    };
  };
  const figures = {
    small: {
      upcomingFirst: await figuresOf(pages.small.upcomingFirst),
      allFirst: await figuresOf(pages.small.allFirst),
    },
    large: {
      upcomingFirst: await figuresOf(pages.large.upcomingFirst),
      allFirst: await figuresOf(pages.large.allFirst),
      allDeep: await figuresOf(pages.large.allDeep),
      dashboardFirst: await figuresOf(pages.large.dashboardFirst),
    },
  };
  console.log(
    JSON.stringify({
      bench: 'booking-list',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      bookings: SIZES,
      pageSize: PAGE,
      deepPageAfter: depth,
      connections: CONNECTIONS,
      seconds,
      rounds: ROUNDS,
      ...figures,
      // Throughput with 100,000 bookings over that with 10: near 1 when a page costs the same however many.
      largeOverSmall: {
        upcomingFirst: ratio(figures.large.upcomingFirst, figures.small.upcomingFirst),
        allFirst: ratio(figures.large.allFirst, figures.small.allFirst),
        allDeep: ratio(figures.large.allDeep, figures.small.allFirst),
      },
    }),
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
