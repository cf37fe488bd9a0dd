import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` needs nothing but Node; `db` talks to a database (PGlite by default, PostgreSQL and
 * Redis when TEST_DATABASE_URL / TEST_REDIS_URL are set), and .ci/run runs it a second time that way; `e2e`
 * builds the web app (e2e/global-setup.ts), serves it from the real app and drives /usr/bin/chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The web app's pure modules (rules, drafts, zone arithmetic) need no DOM, so they run here too.
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['test/**/*.test.ts', 'src/**/*.db.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
