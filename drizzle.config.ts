import { defineConfig } from 'drizzle-kit';

/** Used only by `npm run db:generate`; the app migrates itself at start-up with the programmatic migrator. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
