// Booking throughput of one host against a real server process: bookings on distinct slots with 10 and with 50
// clients at a time, then 1,000 bookings of one slot at once (exactly one may get 201, every other one 409).
// Prints one JSON line.
// Usage: npm run --silent bench:bookings [-- --distinct 600 --racers 1000]   (DATABASE_URL / REDIS_URL go to the server)
import { readFileSync } from 'node:fs';
import { bookBenchSlot, createHost, percentile, startServer } from './lib/server.js';

const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const distinct = arg('--distinct', 600);
const racers = arg('--racers', 1000);
const DAY = 86_400_000;
const SLOT_MS = 15 * 60_000;
const round = (n: number) => Math.round(n * 10) / 10;

// The server's default settings (pool of 10, booking lock wait 5 s), as an operator would run it.
const server = await startServer();
try {
  const { username } = await createHost(server.base, `bench${Date.now().toString(36)}`);
  let nextSlot = Math.ceil(Date.now() / DAY) * DAY + DAY;
  const book = (start: string, i: number) =>
    bookBenchSlot(server.base, username, start, { name: `Bench ${i}`, email: `bench${i}@example.com` });

  // The server's own CPU time (Linux /proc, in clock ticks of 10 ms): other work on a shared machine disturbs
  // it less than the rates.
  const serverCpuMs = () => {
    const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };

  /** `total` bookings of fresh slots, `clients` at a time: bookings a second, latency, server CPU per booking. */
  async function distinctSlots(clients: number, total: number) {
    const latencies: number[] = [];
    let issued = 0;
    const cpuBefore = serverCpuMs();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (issued < total) {
          const i = issued++;
          const start = new Date((nextSlot += SLOT_MS)).toISOString();
          const sent = performance.now();
          const res = await book(start, i);
          if (res.status !== 201) throw new Error(`book ${start}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
          latencies.push(performance.now() - sent);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      perSec: round(total / seconds),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      cpuMs: round((serverCpuMs() - cpuBefore) / total),
    };
  }

  // A warm-up, so the first phase does not pay for the server's first compilations.
  await distinctSlots(5, 50);
  const at10 = await distinctSlots(10, distinct / 2);
  const at50 = await distinctSlots(50, distinct);

  // All at once on one slot: the answers counted by status, and the time until the last one.
  const contested = new Date((nextSlot += SLOT_MS)).toISOString();
  const raceStarted = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: racers }, async (_, i) => {
      const res = await book(contested, i);
      await res.arrayBuffer();
      return res.status;
    }),
  );
  const raceMs = performance.now() - raceStarted;
  const count = (s: number) => statuses.filter((x) => x === s).length;

  console.log(
    JSON.stringify({
      bench: 'bookings-http',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      bookingsPerSecAt10: at10.perSec,
      bookingP50MsAt10: at10.p50,
      bookingP99MsAt10: at10.p99,
      serverCpuMsPerBookingAt10: at10.cpuMs,
      bookingsPerSecAt50: at50.perSec,
      bookingP50MsAt50: at50.p50,
      bookingP99MsAt50: at50.p99,
      serverCpuMsPerBookingAt50: at50.cpuMs,
      oneSlotRacers: racers,
      oneSlot201: count(201),
      oneSlot409: count(409),
      oneSlotOther: racers - count(201) - count(409),
      oneSlotOtherStatuses: [...new Set(statuses.filter((s) => s !== 201 && s !== 409))],
      oneSlotMs: round(raceMs),
    }),
  );
} finally {
  await server.stop();
}
