import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { BOTH_STORES } from './test/integration/bothStores';

/** Every unit and integration test, the app core on SQLite (what `npm test` always ran). */
const sqlite: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'sqlite',
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
  },
};
/** The same integration files again with their app cores on PostgreSQL (issue 15; test/integration/bothStores.ts). */
const postgres: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'postgres', include: BOTH_STORES, setupFiles: ['test/support/pgStoreSetup.ts'] },
};

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on a 2-core machine (vitest's default there is one): a PostgreSQL test file waits on the server's
    // process while another file runs; the whole run took 16 min with two workers on a loaded VM, ~25 with one.
    maxWorkers: 2,
    minWorkers: 1,
    // Starts nothing by itself: the first PostgreSQL test file starts the run's one throwaway cluster.
    globalSetup: ['test/support/pgGlobalSetup.ts'],
    // Without PostgreSQL (ASLM_SKIP_PG=1) only the SQLite project runs.
    projects: process.env.ASLM_SKIP_PG === '1' ? [sqlite] : [sqlite, postgres],
  },
});
