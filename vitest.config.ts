import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs nothing but Node; `db` talks to a database (PGlite by default, PostgreSQL and
 * Redis when TEST_DATABASE_URL / TEST_REDIS_URL are set), and .ci/run runs it a second time that way.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
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
    ],
  },
});
