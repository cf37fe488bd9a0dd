import { pino } from 'pino';
import { createDb } from '../db/client.js';
import { loadConfig } from './config.js';
import { survivingConnectionLoss } from './unhandled-rejections.js';

/** When each part of the start was done, in ms since the process began; logged once the start is complete. */
const phasesMs: Record<string, number> = {};
const done =
  (phase: string) =>
  <T>(value: T): T => {
    phasesMs[phase] = Math.round(performance.now());
    return value;
  };

const config = loadConfig();
const log = pino({ level: config.logLevel });
process.on('unhandledRejection', survivingConnectionLoss(log));
if (config.emailVerification === 'required' && !config.smtpUrl && config.env === 'production')
  log.warn('EMAIL_VERIFICATION is required but SMTP_URL is not set: sign-up and password links are never mailed');

// The slow parts of a start do not depend on each other: opening the database (PGlite boots Postgres compiled to
// WebAssembly, a fresh one runs initdb; then migrations), loading the rest of the code, and reaching Redis. Begun
// together, the database's waits (file reads, the WebAssembly compile on V8's own threads) and the module
// loader's overlap instead of adding up.
const redisUrl = config.redisUrl;
const [opened, loaded, connected] = await Promise.allSettled([
  createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    poolTimeoutMs: config.databasePoolTimeoutMs,
    log,
  }).then(done('database')),
  Promise.all([
    import('./app.js'),
    import('./services.js'),
    import('../jobs/queue.js'),
    import('../lib/event-bus.js'),
    import('../db/seed.js'),
  ]).then(done('modules')),
  // ioredis is loaded only when Redis is configured.
  redisUrl
    ? import('../lib/redis.js').then(({ connectRedis }) => connectRedis(redisUrl)).then(done('redis'))
    : undefined,
]);
// All three settle before a failure ends the process, so that code failing to load never stops it while initdb or
// a migration writes to the database: the database is closed first.
if (opened.status === 'rejected' || loaded.status === 'rejected' || connected.status === 'rejected') {
  if (opened.status === 'fulfilled') await opened.value.close();
  throw [opened, loaded, connected].find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
}
const db = opened.value;
const redis = connected.value;
const [{ buildApp }, { createServices }, { createJobQueue }, { createEventBus }, { seedDemoHost }] = loaded.value;
const bus = await createEventBus(db, redis);
const queue = createJobQueue(db, {
  runWorkers: config.role !== 'web',
  onError: (err) => log.error({ err }, 'job queue error'),
});
const services = createServices(config, db, { bus, queue, log });
services.registerJobs();
// The demo host is seeded while the app is built (its password hash runs on libuv's threads). Nothing before
// the queue's start below may wait for a job to be sent: sends wait for that start.
const [app, demo] = await Promise.all([
  buildApp({ config, db, redis, services }).then(done('app')),
  config.seedDemo ? seedDemoHost(db.db, services).then(done('seed')) : undefined,
]);
if (demo) app.log.info(demo, 'seeded the demo host: log in with this e-mail and password (shown only now)');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await queue.stop();
    await bus.close();
    redis?.disconnect();
    await db.close();
    process.exit(0);
  });
}

await app.listen({ host: config.host, port: config.port }).then(done('listening'));
// The queue starts once the server answers: pg-boss's first start creates its schema, and nothing it runs is
// needed to serve the first request. Jobs sent meanwhile wait for it (queue.send), and work recorded in the
// database meanwhile (the outbox) is caught up by the start-up sweep. See docs/decisions/0014.
if (await startQueue().then(done('jobs'))) {
  app.log.info(
    { url: config.publicUrl, db: db.kind, startupMs: Math.round(performance.now()), phasesMs },
    `TuskHub Meetings is ready at ${config.publicUrl}`,
  );
}

/**
 * The server already answers, so a database that is briefly away must not end the process: the start is
 * retried with back-off until it works (true) or the process is told to stop (false).
 */
async function startQueue(): Promise<boolean> {
  for (let delayMs = 1000; !closing; delayMs = Math.min(delayMs * 2, 30_000)) {
    try {
      await queue.start();
      return true;
    } catch (err) {
      log.warn({ err, retryInMs: delayMs }, 'could not start the job queue; retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return false;
}
