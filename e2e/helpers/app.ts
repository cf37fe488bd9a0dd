import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../../test/helpers/app.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type E2EApp = { app: FastifyInstance; baseUrl: string; close(): Promise<void> };

/** The real app on a fresh test database, serving the built web app on a random local port for a browser. */
export async function startE2EApp(): Promise<E2EApp> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`${WEB_ROOT}/index.html is missing: the e2e globalSetup builds it; run \`npm run build:web\``);
  }
  // The browser tests' webhook receivers listen on 127.0.0.1.
  const t = await createTestApp({ webRoot: WEB_ROOT, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { app: t.app, baseUrl, close: () => t.close() };
}
