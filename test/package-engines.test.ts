import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

/** `npm ci` warns (EBADENGINE) for every locked package whose engines.node this Node.js does not satisfy. */
describe('locked packages', () => {
  it('all accept the Node.js version the project runs on', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as Lock;
    const refused = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, p]) => ({ path, version: p.version, node: Array.isArray(p.engines) ? undefined : p.engines?.node }))
      .filter((p) => p.node && !semver.satisfies(process.version, p.node, { includePrerelease: true }));
    expect(refused).toEqual([]);
  });

  it('and that version is one package.json allows', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
