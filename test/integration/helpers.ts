// A real app core on a real SQLite file in a temp folder, with a clock the test moves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, sqliteCore, type AppCore, type SqliteAppCore } from '../../electron/core/appCore';
import { testClock, type TestClock } from '../../electron/core/clock';
import type { NewLeadInput } from '../../shared/contract/inputs';
import { leadsRepo } from '../../electron/store/repos/leads';

export interface TestApp {
  core: SqliteAppCore;
  clock: TestClock;
  dir: string;
  dbPath: string;
  close(): void;
}

/**
 * ASLM_TEST_STORE=pg: the core on a fresh PostgreSQL database per app, in the server of ASLM_PG_URL (e.g.
 * `node scripts/pg-local.mjs start`), created and dropped synchronously (openTestApp is synchronous). Such a core has
 * no SQLite store: a test that reads the file directly (`core.store.sqlite`) fails there — it is not meant to run so.
 */
const PG_SERVER = process.env.ASLM_TEST_STORE === 'pg' ? process.env.ASLM_PG_URL : undefined;
if (process.env.ASLM_TEST_STORE === 'pg' && !PG_SERVER) throw new Error('ASLM_TEST_STORE=pg needs ASLM_PG_URL');
let pgDatabases = 0;
/** One SQL statement on the server's admin database, synchronously (a child process: openTestApp is synchronous). */
function pgAdminSync(server: string, sql: string): void {
  const script = `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),(e)=>{console.error(e.message);process.exit(1)})`;
  const r = spawnSync(process.execPath, ['-e', script, server, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PostgreSQL: ${sql}: ${r.stderr}`);
}

export function openTestApp(start = Date.parse('2026-03-02T09:00:00Z'), timeZone = 'Europe/Rome'): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-test-'));
  const clock = testClock(start);
  let dbPath = join(dir, 'aslm.sqlite');
  let drop = () => undefined as void;
  if (PG_SERVER) {
    const name = `aslm_app_${process.pid}_${Date.now().toString(36)}_${++pgDatabases}`;
    pgAdminSync(PG_SERVER, `CREATE DATABASE ${name}`);
    const u = new URL(PG_SERVER);
    u.pathname = `/${name}`;
    dbPath = u.toString();
    drop = () => pgAdminSync(PG_SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const opened = createAppCore({ dbPath, clock, timeZone, validateOutput: true, log: () => undefined });
  // On PostgreSQL (ASLM_TEST_STORE=pg) `store` is null, whatever this type says (see above).
  const core = PG_SERVER ? (opened as SqliteAppCore) : sqliteCore(opened);
  return {
    core,
    clock,
    dir,
    dbPath,
    close: () => {
      core.close();
      drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const baseLead = (over: Partial<NewLeadInput> = {}): NewLeadInput => ({
  firstName: 'Mario',
  lastName: 'Rossi',
  leadType: 'customer_driven',
  source: 'web',
  campaign: 'service_reminder',
  email: 'mario.rossi@example.it',
  phone: '+39 333 123 4567',
  language: 'it',
  ...over,
});

export async function ok<T = any>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export async function err(core: AppCore, channel: string, input: unknown) {
  const r = await core.dispatch(channel, input, { transport: 'test' });
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}

/** The lead's current version, for an action that must carry the version the user saw (leads.* actions). */
export const versionOf = (core: AppCore, id: number): number =>
  leadsRepo(sqliteCore(core).store.sqlite).get(id)!.version;
