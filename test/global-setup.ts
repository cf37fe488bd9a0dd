import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, createPglite } from '../src/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

/**
 * Creating and migrating a PGlite database takes seconds, loading a dump of one a fraction of that: migrate
 * once per run and let every test file start from the dump. Against PostgreSQL each file makes its own
 * database instead (see helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tuskhub-template-'));
  const path = join(dir, 'template.tar');
  if (!process.env.TEST_DATABASE_URL) {
    const handle = await createDb({ dataDir: join(dir, 'data') });
    await handle.close();
    const reopened = await createPglite({ dataDir: join(dir, 'data') });
    const dump = await reopened.dumpDataDir('none');
    await reopened.close();
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  }
  project.provide('pgliteTemplatePath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
