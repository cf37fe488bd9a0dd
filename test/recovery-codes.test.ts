import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/tenant.js';
import { createSealer } from '../src/lib/crypto.js';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const now = () => Math.floor(Date.now() / 1000);

/** A host with two-factor on, enabled with the previous step's code so the current step stays free. */
async function hostWithTotp() {
  const host = await signedUpClient(t.app);
  const { secret } = (await host.client.post('/api/me/totp/setup')).body;
  const enable = await host.client.post('/api/me/totp/enable', { code: await generate({ secret, epoch: now() - 30 }) });
  expect(enable.status).toBe(200);
  return { ...host, secret: secret as string, codes: enable.body.recoveryCodes as string[] };
}

const login = (email: string, password: string, extra: Record<string, string> = {}) =>
  new TestClient(t.app).post('/api/auth/login', { email, password, ...extra });

describe('TOTP recovery codes', () => {
  it('come as ten different codes when two-factor is turned on, and are stored only hashed', async () => {
    const { client, user, codes } = await hostWithTotp();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await client.get('/api/me/totp/recovery-codes')).body).toEqual({ recoveryCodesLeft: 10 });
    const { rows } = await t.db.executeSql('select code_hash from totp_recovery_codes where user_id = $1', [user.id]);
    const stored = (rows as { code_hash: string }[]).map((r) => r.code_hash).sort();
    const hashed = codes.map((c) => createHash('sha256').update(c.replaceAll('-', '')).digest('hex')).sort();
    expect(stored).toEqual(hashed);
  });

  it('log in in place of a TOTP code, once each, saying how many are left', async () => {
    const { account, codes } = await hostWithTotp();
    const first = await login(account.email, account.password, { recoveryCode: codes[0]!.toLowerCase() });
    expect(first.status).toBe(200);
    expect(first.body.recoveryCodesLeft).toBe(9);
    const reused = await login(account.email, account.password, { recoveryCode: codes[0]! });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('recovery_code_invalid');
    const withWrongPassword = await login(account.email, 'not the password', { recoveryCode: codes[1]! });
    expect(withWrongPassword.body.error.code).toBe('invalid_credentials');
    // A wrong password did not use the code up.
    expect((await login(account.email, account.password, { recoveryCode: codes[1]! })).body.recoveryCodesLeft).toBe(8);
    const normal = await login(account.email, account.password, {
      totp: await generate({ secret: (await hostSecret(account.email)) ?? '' }),
    });
    expect(normal.body).not.toHaveProperty('recoveryCodesLeft');
  });

  it('let exactly one of two logins racing with one code in', async () => {
    const { account, codes } = await hostWithTotp();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => login(account.email, account.password, { recoveryCode: codes[3]! })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('are refused beside a TOTP code', async () => {
    const { account, codes } = await hostWithTotp();
    const both = await login(account.email, account.password, { totp: '123456', recoveryCode: codes[0]! });
    expect(both.status).toBe(422);
    expect(both.body.error.details.fields).toHaveProperty('recoveryCode');
  });

  it('are replaced by a new set for a current TOTP code, and the old set stops working', async () => {
    const { client, account, codes, secret } = await hostWithTotp();
    expect((await client.post('/api/me/totp/recovery-codes', { code: '000000' })).status).toBe(401);
    const code = await generate({ secret });
    const renewed = await client.post('/api/me/totp/recovery-codes', { code });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect(renewed.body.recoveryCodes).not.toContain(codes[0]);
    // The code that made the set is used: it cannot make another.
    expect((await client.post('/api/me/totp/recovery-codes', { code })).status).toBe(401);
    expect((await login(account.email, account.password, { recoveryCode: codes[0]! })).status).toBe(401);
    const withNew = await login(account.email, account.password, { recoveryCode: renewed.body.recoveryCodes[0] });
    expect(withNew.status).toBe(200);
    expect(withNew.body.recoveryCodesLeft).toBe(9);
  });

  it('get someone who lost their device in, to turn two-factor off and set it up again', async () => {
    const { account, codes } = await hostWithTotp();
    const lost = new TestClient(t.app);
    await lost.post('/api/auth/login', { email: account.email, password: account.password, recoveryCode: codes[5]! });
    expect((await lost.post('/api/me/totp/disable', { recoveryCode: codes[5]! })).status).toBe(401);
    const both = await lost.post('/api/me/totp/disable', { code: '123456', recoveryCode: codes[6]! });
    expect(both.status).toBe(422);
    expect((await lost.post('/api/me/totp/disable', { recoveryCode: codes[6]! })).status).toBe(200);
    expect((await lost.get('/api/me')).body.user.totpEnabled).toBe(false);
    expect((await lost.get('/api/me/totp/recovery-codes')).body.error.code).toBe('totp_not_enabled');
    expect((await login(account.email, account.password)).status).toBe(200);

    const { secret } = (await lost.post('/api/me/totp/setup')).body;
    const again = await lost.post('/api/me/totp/enable', { code: await generate({ secret }) });
    expect(again.body.recoveryCodes).toHaveLength(10);
    expect((await login(account.email, account.password, { recoveryCode: codes[7]! })).status).toBe(401);
  });

  it('and the other account-link tables are out of the app role’s reach', async () => {
    const { user } = await signedUpClient(t.app);
    // Drizzle wraps the driver's error; PostgreSQL's insufficient_privilege (42501) is its cause.
    const denied = (query: string) =>
      withTenant(t.db.db, { orgId: user.id, userId: user.id }, (tx) => tx.execute(sql.raw(query))).then(
        () => 'allowed',
        (error: { cause?: { code?: string } }) => error.cause?.code,
      );
    for (const table of ['totp_recovery_codes', 'account_tokens', 'signup_invitations']) {
      expect(await denied(`select * from ${table}`)).toBe('42501');
    }
    expect(await denied('select email_verified_at from users')).toBe('42501');
  });
});

/** The account's TOTP secret, opened as the server opens it: login with a code needs the live secret. */
async function hostSecret(email: string): Promise<string | undefined> {
  const { rows } = await t.db.executeSql('select totp_secret_sealed from users where lower(email) = $1', [email]);
  const sealed = (rows[0] as { totp_secret_sealed: string | null } | undefined)?.totp_secret_sealed;
  if (!sealed) return undefined;
  return createSealer(t.config.appSecret).open(sealed);
}
