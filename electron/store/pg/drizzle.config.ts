import { defineConfig } from 'drizzle-kit';

// The PostgreSQL store's schema and migrations (the SQLite ones: electron/store/drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './electron/store/pg/schema/index.ts',
  out: './electron/store/pg/migrations',
});
