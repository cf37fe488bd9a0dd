// `npm run build`: the web app and the server as plain JavaScript under dist/ (or the folder given), so that
// `npm run serve` runs with production dependencies only — no tsx, no Vite, no TypeScript at run time.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const run = (command, args) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', join(out, 'web'), '--emptyOutDir']);
run('node', ['scripts/precompress-web.mjs', join(out, 'web')]);
rmSync(join(out, 'server'), { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(out, 'server')]);
// Migrations are read from beside the compiled database client at start-up.
cpSync('src/db/migrations', join(out, 'server', 'db', 'migrations'), { recursive: true });
