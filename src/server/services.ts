import type { DbHandle } from '../db/client.js';
import { createSealer } from '../lib/crypto.js';
import { createIdentityRepo } from '../modules/identity/repo.js';
import { createIdentityService } from '../modules/identity/service.js';
import type { Config } from './config.js';

/** Wires each module's service to its repo; the one place that knows how modules are assembled. */
export function createServices(config: Config, db: DbHandle) {
  const sealer = createSealer(config.appSecret);
  return {
    identity: createIdentityService(createIdentityRepo(db.db), sealer),
  };
}
export type Services = ReturnType<typeof createServices>;
