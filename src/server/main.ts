import { createDb } from '../db/client.js';
import { seedDemoHost } from '../db/seed.js';
import { createJobQueue } from '../jobs/queue.js';
import { createEventBus } from '../lib/event-bus.js';
import { connectRedis } from '../lib/redis.js';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createServices } from './services.js';
import { survivingConnectionLoss } from './unhandled-rejections.js';

const startedAt = performance.now();
const config = loadConfig();
const log = pino({ level: config.logLevel });
process.on('unhandledRejection', survivingConnectionLoss(log));
if (config.emailVerification === 'required' && !config.smtpUrl && config.env === 'production')
  log.warn('EMAIL_VERIFICATION is required but SMTP_URL is not set: sign-up and password links are never mailed');
const db = await createDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.databasePoolSize,
  poolTimeoutMs: config.databasePoolTimeoutMs,
  log,
});
const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
const bus = await createEventBus(db, redis);
const queue = createJobQueue(db, {
  runWorkers: config.role !== 'web',
  onError: (err) => log.error({ err }, 'job queue error'),
});
const services = createServices(config, db, { bus, queue, log });
services.registerJobs();
const app = await buildApp({ config, db, redis, services });

if (config.seedDemo) {
  const demo = await seedDemoHost(db.db, services);
  if (demo) app.log.info(demo, 'seeded the demo host: log in with this e-mail and password (shown only now)');
}

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

await app.listen({ host: config.host, port: config.port });
// The queue starts once the server answers: pg-boss's first start creates its schema, and nothing it runs is
// needed to serve the first request (work queued meanwhile is caught up by the start-up sweep).
if (await startQueue()) {
  app.log.info(
    { url: config.publicUrl, db: db.kind, startupMs: Math.round(performance.now() - startedAt) },
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
