import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createJobQueue } from '../../src/jobs/queue.js';
import { createEventBus } from '../../src/lib/event-bus.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createServices } from '../../src/server/services.js';
import { createTestDb } from '../../test/helpers/db.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type E2EApp = { app: FastifyInstance; baseUrl: string; close(): Promise<void> };

/**
 * The real app, wired as test/helpers/app.ts's createTestApp wires it (fresh test database, job queue, event
 * bus), but serving the built web app from dist/web and listening on a random local port for a browser.
 */
export async function startE2EApp(): Promise<E2EApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`${WEB_ROOT}/index.html is missing: the e2e globalSetup builds it; run \`npm run build:web\``);
  }
  const db = await createTestDb();
  const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
  });
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const bus = await createEventBus(db, redis);
  const queue = createJobQueue(db, { runWorkers: true, onError: () => {} });
  const services = createServices(config, db, { bus, queue, log: { warn: () => {} } });
  services.registerJobs();
  await queue.start();
  const app = await buildApp({ config, db, redis, services, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await queue.stop();
      await bus.close();
      services.mailer?.close();
      redis?.disconnect();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
