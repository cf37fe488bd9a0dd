import { execFileSync } from 'node:child_process';

/**
 * The browser tests drive the built web app as the server ships it, so they build it first (a second or two),
 * always: a dist/web left over from an older checkout would test stale code. The build runs in its own process
 * with NODE_ENV=production, since vitest's NODE_ENV=test would give React's development build.
 * E2E_SKIP_BUILD=1 skips it when dist/web is known to be fresh.
 */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '--silent', 'build:web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
