// `npm run --silent admin -- …`: the operator CLI (src/server/admin.ts). A checkout with its dev dependencies
// runs the TypeScript source, as `npm start` does; a deployment built with `npm run build` and installed with
// --omit=dev (no tsx) runs the compiled copy in dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/server/admin.ts', import.meta.url);
const compiled = new URL('../dist/server/server/admin.js', import.meta.url);
const tsx = await import('tsx/esm/api').catch(() => undefined);

if (tsx && existsSync(source)) await tsx.tsImport(source.href, import.meta.url);
else if (existsSync(compiled)) await import(compiled.href);
else {
  console.error('The admin CLI is not built here: run `npm run build` first.');
  process.exitCode = 1;
}
