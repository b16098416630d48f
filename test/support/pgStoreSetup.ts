// setupFiles of the vitest project 'postgres' (vitest.config.ts): the integration files listed in
// test/integration/bothStores.ts run again with their app cores on PostgreSQL — openTestApp (helpers.ts) makes a fresh
// database per app in the run's throwaway cluster.
// Each app core's database is a copy of one migrated template (ASLM_PG_TEMPLATE, made once per run: pgDatabase.ts),
// made ahead of each test (pgAppDatabases.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { settleAppDatabases, topUpAppDatabases } from './pgAppDatabases';
import { migratedTemplate, sharedPgServerUrl } from './pgDatabase';

process.env.ASLM_TEST_STORE = 'pg';
process.env.ASLM_PG_URL ??= await sharedPgServerUrl();
process.env.ASLM_PG_TEMPLATE ??= await migratedTemplate(process.env.ASLM_PG_URL);

/** Most tests open one or two app cores. */
const AHEAD = 2;
await topUpAppDatabases(AHEAD); // for the file's beforeAll
beforeEach(() => topUpAppDatabases(AHEAD));
afterAll(() => settleAppDatabases());

// A core on PostgreSQL keeps its files (the SMTP key, host mode's TLS identity) in ~/.aslm-desk (besideDatabase):
// a throwaway home for the file's cores and the processes it starts, never the user's own.
const home = mkdtempSync(join(tmpdir(), 'aslm-pg-home-'));
process.env.HOME = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
