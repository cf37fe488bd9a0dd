import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from './config.js';

/** A first cell such as `PORT` or `ZOOM_CLIENT_ID`, `ZOOM_CLIENT_SECRET` (one row may document a pair). */
const variableCell = /^`[A-Z][A-Z0-9_]*`(?:, `[A-Z][A-Z0-9_]*`)*$/;

/** The variables named by the tables of the README's "Configuration" section and its subsections. */
function documentedVariables(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim() === '## Configuration');
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const section = lines.slice(start + 1, next < 0 ? undefined : next);
  return section
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|')[1]?.trim() ?? '')
    .filter((cell) => variableCell.test(cell))
    .flatMap((cell) => [...cell.matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1] ?? ''));
}

describe('configuration', () => {
  it('is documented in the README: every variable envSchema reads, once, and no other', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // Sorted lists rather than sets, so a variable documented twice fails as well as a missing or extra one.
    expect(documentedVariables(readme).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('seeds the demo host outside production unless told not to', () => {
    const secret = { APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...secret, NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ ...secret, NODE_ENV: 'test', SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).seedDemo).toBe(false);
  });

  it('takes strangers and skips address checks only outside production, unless told otherwise', () => {
    const secret = { APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...secret, NODE_ENV: 'test' })).toMatchObject({ signup: 'open', emailVerification: 'off' });
    expect(loadConfig({ ...secret, NODE_ENV: 'production' })).toMatchObject({
      signup: 'invite',
      emailVerification: 'required',
    });
    expect(
      loadConfig({ ...secret, NODE_ENV: 'production', SIGNUP: 'closed', EMAIL_VERIFICATION: 'off' }),
    ).toMatchObject({ signup: 'closed', emailVerification: 'off' });
    expect(() => loadConfig({ ...secret, SIGNUP: 'sometimes' })).toThrow(/Invalid configuration: SIGNUP/);
  });

  it('requires APP_SECRET in production and names wrong values', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('APP_SECRET is required in production');
    expect(() => loadConfig({ APP_SECRET: 'x'.repeat(32), PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/);
  });
});
