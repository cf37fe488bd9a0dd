import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { createTestApp, newAccount, TestClient } from './helpers/app.js';
import { createTestDb, type TestDb } from './helpers/db.js';

const repo = resolve(import.meta.dirname, '..');
const PUBLIC_URL = 'https://meet.example.test';

type Run = { code: number | null; stdout: string; stderr: string };

/** The CLI as an operator runs it, in a process of its own; `stdin` is piped in when given. */
function admin(env: Record<string, string>, args: string[], stdin?: string): Promise<Run> {
  const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PUBLIC_URL, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  child.stdin.end(stdin ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const tokenOf = (link: string) => new URL(link.trim()).searchParams;

/** The database the CLI works on: a PGlite directory, or in the PostgreSQL pass a database of its own. */
let dataDir: string;
let pg: TestDb | undefined;
let env: Record<string, string>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-admin-'));
  if (process.env.TEST_DATABASE_URL) pg = await createTestDb();
  env = { DATA_DIR: dataDir, APP_SECRET: 'a'.repeat(40), ...(pg?.url ? { DATABASE_URL: pg.url } : {}) };
}, 60_000);
afterAll(async () => {
  await pg?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The server's view of the database the CLI changed (PGlite: opened once the CLI has exited). */
async function server(extraEnv: Record<string, string> = {}) {
  const db = pg ?? { ...(await createDb({ dataDir })), url: undefined, destroy: async () => {} };
  const t = await createTestApp({ db, env: { APP_SECRET: env.APP_SECRET!, ...extraEnv } });
  return {
    t,
    async close() {
      await t.close();
      if (!pg) await db.close();
    },
  };
}

describe('npm run --silent admin', () => {
  const ready = newAccount({ email: 'Ready.Operator@Example.com' });
  const linked = newAccount();
  const invited = newAccount();
  let setPasswordLink = '';
  let resetLink = '';
  let inviteLink = '';

  it('creates users, prints one-time links, and refuses bad input with a clear message', async () => {
    const withPassword = await admin(
      env,
      [
        'create-user',
        '--email',
        ready.email,
        '--name',
        ready.name,
        '--username',
        ready.username,
        '--time-zone',
        'Europe/Berlin',
      ].concat('--password-stdin'),
      `${ready.password}\n`,
    );
    expect(withPassword.stderr).toContain('Created ready.operator@example.com');
    expect(withPassword.code).toBe(0);
    expect(withPassword.stdout).toBe('');

    const withLink = await admin(env, [
      'create-user',
      '--email',
      linked.email,
      '--name',
      linked.name,
      '--username',
      linked.username,
      '--time-zone',
      'Asia/Calcutta',
    ]);
    expect(withLink.code).toBe(0);
    setPasswordLink = withLink.stdout.trim();
    expect(setPasswordLink).toMatch(new RegExp(`^${PUBLIC_URL}/reset-password\\?token=[\\w-]{43}$`));

    const reset = await admin(env, ['reset-password', ready.email.toUpperCase()]);
    expect(reset.code).toBe(0);
    resetLink = reset.stdout.trim();
    expect(resetLink).toMatch(new RegExp(`^${PUBLIC_URL}/reset-password\\?token=`));

    const invite = await admin(env, ['invite', invited.email]);
    expect(invite.code).toBe(0);
    inviteLink = invite.stdout.trim();
    expect(inviteLink).toMatch(new RegExp(`^${PUBLIC_URL}/signup\\?invite=`));

    const refusals: [string[], number, RegExp][] = [
      [['create-user', '--email', 'x@example.com', '--name', 'X', '--username', 'xx-x'], 2, /--time-zone is missing/],
      [
        ['create-user', '--email', 'not-an-address', '--name', 'X', '--username', 'xyz', '--time-zone', 'UTC'],
        2,
        /--email: Enter a valid e-mail/,
      ],
      [
        ['create-user', '--email', 'y@example.com', '--name', 'Y', '--username', ready.username, '--time-zone', 'UTC'],
        1,
        /username .* is taken/,
      ],
      [['reset-password', 'nobody@example.com'], 1, /nobody@example.com was not found/],
      [['reset-password', ready.email, '--password', 'hunter2hunter2'], 2, /There is no --password option/],
      [['invite', ready.email], 1, /has an account already/],
      [['disable-totp', ready.email], 1, /not on/],
      [['frobnicate'], 2, /Unknown command frobnicate/],
    ];
    for (const [args, code, message] of refusals) {
      const run = await admin(env, args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code, stdout: '' });
      expect(run.stderr).toMatch(message);
    }
    const weak = await admin(env, ['reset-password', ready.email, '--password-stdin'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('The password: Use at least 10 characters.');
  }, 120_000);

  it('leaves accounts the server accepts: verified, with working links', async () => {
    const s = await server({ SIGNUP: 'invite' });
    try {
      const client = new TestClient(s.t.app);
      const login = await client.post('/api/auth/login', { email: ready.email, password: ready.password });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ email: ready.email.toLowerCase(), emailVerified: true });

      const chosen = await client.post('/api/auth/password/reset', {
        token: tokenOf(setPasswordLink).get('token'),
        password: 'chosen by its owner',
      });
      expect(chosen.status).toBe(200);
      const owner = await new TestClient(s.t.app).post('/api/auth/login', {
        email: linked.email,
        password: 'chosen by its owner',
      });
      expect(owner.body.user).toMatchObject({ timeZone: 'Asia/Kolkata', emailVerified: true });

      expect(
        (
          await client.post('/api/auth/password/reset', {
            token: tokenOf(resetLink).get('token'),
            password: 'reset by link',
          })
        ).status,
      ).toBe(200);
      // The reset ended the session that logged in above.
      expect((await client.get('/api/me')).status).toBe(401);

      const signup = await new TestClient(s.t.app).post('/api/auth/signup', {
        ...invited,
        invite: tokenOf(inviteLink).get('invite'),
      });
      expect(signup.status).toBe(201);
    } finally {
      await s.close();
    }
  }, 60_000);
});

describe('the admin CLI beside a running server on PGlite', () => {
  it('refuses to open a data directory in use, and takes over a lock its dead owner left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tuskhub-admin-lock-'));
    const pgliteEnv = { DATA_DIR: dir, APP_SECRET: 'a'.repeat(40) };
    try {
      const running = await createDb({ dataDir: dir });
      const refused = await admin(pgliteEnv, ['invite', 'someone@example.com']);
      await running.close();
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      expect(refused.stderr).toContain('stop that process and try again');

      // A server killed with SIGKILL leaves its lock behind; its pid no longer runs.
      writeFileSync(join(dir, 'pglite.lock'), JSON.stringify({ pid: 2 ** 22 + 1, host: 'gone', since: 'earlier' }));
      const after = await admin(pgliteEnv, ['invite', 'someone@example.com']);
      expect(after.code).toBe(0);
      expect(after.stdout).toMatch(/\/signup\?invite=/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
