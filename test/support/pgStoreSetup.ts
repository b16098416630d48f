// setupFiles of the vitest project 'postgres' (vitest.config.ts): the integration files listed in
// test/integration/bothStores.ts run again with their app cores on PostgreSQL — openTestApp (helpers.ts) makes a fresh
// database per app in the run's throwaway cluster.
import { sharedPgServerUrl } from './pgDatabase';

process.env.ASLM_TEST_STORE = 'pg';
process.env.ASLM_PG_URL ??= await sharedPgServerUrl();
