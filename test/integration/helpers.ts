// A real app core on a real SQLite file in a temp folder, with a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, sqliteCore, type AppCore, type SqliteAppCore } from '../../electron/core/appCore';
import { testClock, type TestClock } from '../../electron/core/clock';
import type { NewLeadInput } from '../../shared/contract/inputs';
import pg from 'pg';
import { keyFileSecrets } from '../../electron/core/mail/secrets';
import { pgTypes } from '../../electron/store/pg/migrate';
import type { Queryable } from '../../electron/store/pg/tx';
import { dropAppDatabase, takeAppDatabase } from '../support/pgAppDatabases';

export interface TestApp {
  core: SqliteAppCore;
  clock: TestClock;
  dir: string;
  dbPath: string;
  /** The key file of the core's secrets (the SMTP password): `<file>.key` beside SQLite's file; in `dir` on PostgreSQL. */
  keyFile: string;
  close(): void;
}

/**
 * ASLM_TEST_STORE=pg: the core on a fresh PostgreSQL database per app, in the server of ASLM_PG_URL (e.g.
 * `node scripts/pg-local.mjs start`), made and dropped by test/support/pgAppDatabases.ts. Such a core has no SQLite
 * store: a test that reads the file directly (`core.store.sqlite`) fails there — it is not meant to run so.
 */
const PG_SERVER = process.env.ASLM_TEST_STORE === 'pg' ? process.env.ASLM_PG_URL : undefined;
if (process.env.ASLM_TEST_STORE === 'pg' && !PG_SERVER) throw new Error('ASLM_TEST_STORE=pg needs ASLM_PG_URL');

/**
 * A core the test opened itself (createAppCore, createCoreHost's) on `dbPath`: sqlAll/sqlGet/sqlRun reach its database
 * (on PostgreSQL through a connection of the test's own, ended when the database is dropped). Answers the core.
 */
export function sqlOn<C extends AppCore>(core: C, dbPath: string): C {
  if (PG_SERVER && !pgClients.has(core)) pgClients.set(core, { url: dbPath });
  return core;
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the statements of these tests have no `?` inside a string). */
const dollars = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * The test's own connection to the PostgreSQL database of each core openTestApp opened (sqlAll, sqlRun): one client,
 * connected on first use; the database's DROP … WITH (FORCE) at close ends it (that error is expected, not reported).
 */
const pgClients = new WeakMap<AppCore, { url: string; client?: Promise<pg.Client> }>();
async function pgQuery(core: AppCore, sql: string, params: unknown[]): Promise<pg.QueryResult> {
  const entry = pgClients.get(core);
  if (!entry) throw new Error('This core was not opened by openTestApp on PostgreSQL (see sqlOn)');
  entry.client ??= (async () => {
    const client = new pg.Client({ connectionString: entry.url, types: pgTypes });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  })();
  return (await entry.client).query(dollars(sql), params);
}

export function openTestApp(start = Date.parse('2026-03-02T09:00:00Z'), timeZone = 'Europe/Rome'): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-test-'));
  const clock = testClock(start);
  const dbPath = PG_SERVER ? takeAppDatabase() : join(dir, 'aslm.sqlite');
  // On PostgreSQL the key file would be in the user's home (keyFilePath): the test's folder instead.
  const keyFile = PG_SERVER ? join(dir, 'aslm.key') : `${dbPath}.key`;
  const secrets = PG_SERVER ? keyFileSecrets(dbPath, keyFile) : undefined;
  const opened = createAppCore({ dbPath, clock, timeZone, validateOutput: true, log: () => undefined, secrets });
  // On PostgreSQL (ASLM_TEST_STORE=pg) `store` is null, whatever this type says (see above).
  const core = PG_SERVER ? (opened as SqliteAppCore) : sqliteCore(opened);
  if (PG_SERVER) pgClients.set(core, { url: dbPath });
  return {
    core,
    clock,
    dir,
    dbPath,
    keyFile,
    close: () => {
      core.close();
      void pgClients
        .get(core)
        ?.client?.then((c) => c.end())
        .catch(() => undefined);
      if (PG_SERVER) dropAppDatabase(dbPath);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this run's app cores are on PostgreSQL (the 'postgres' test project): for a check about one store only. */
export const ON_POSTGRES = PG_SERVER !== undefined;

/**
 * The database of a core the test opens itself (the CLI, createCoreHost, a host process): `file` in `dir` on SQLite;
 * in the 'postgres' project a fresh PostgreSQL database (its URL), dropped at the test file's end.
 */
export const testDbPath = (dir: string, file = 'aslm.sqlite'): string =>
  PG_SERVER ? takeAppDatabase(true) : join(dir, file);

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
export async function versionOf(core: AppCore, id: number): Promise<number> {
  await core.ready;
  const lead = await core.data.repos.leads.get(id);
  if (!lead) throw new Error(`versionOf: no lead ${id}`);
  return lead.version;
}

/**
 * One SQL statement on whichever store the core runs on (SQLite's file, or its PostgreSQL database), for a test's set-up
 * or check that no repository or channel offers (backdating a row, counting rows of a table). Write it in the SQL
 * both dialects read (`?` placeholders; `true`/`false` for booleans). Rows come back as better-sqlite3 gives them:
 * PostgreSQL's booleans as 1/0 (its bigints are already numbers: pgTypes).
 */
export async function sqlAll<T = any>(core: AppCore, sql: string, ...params: unknown[]): Promise<T[]> {
  await core.ready;
  if (core.data.kind === 'sqlite') {
    const stmt = sqliteCore(core).store.sqlite.prepare(sql);
    if (stmt.reader) return stmt.all(...params) as T[];
    stmt.run(...params);
    return [];
  }
  const r = await pgQuery(core, sql, params);
  return (r.rows ?? []).map((row: Record<string, unknown>) => {
    for (const k of Object.keys(row)) if (typeof row[k] === 'boolean') row[k] = row[k] ? 1 : 0;
    return row as T;
  });
}

/** On PostgreSQL, the test's connection to the core's database as a `pg` Queryable (for a PostgreSQL repository). */
export const pgQueryable = (core: AppCore): Queryable => ({
  query: ((sql: string, params: unknown[] = []) => pgQuery(core, sql, params)) as Queryable['query'],
});

/** The statement's first row (undefined when none), as sqlAll. */
export const sqlGet = async <T = any>(core: AppCore, sql: string, ...params: unknown[]): Promise<T | undefined> =>
  (await sqlAll<T>(core, sql, ...params))[0];

/** A writing statement on either store (as sqlAll); answers how many rows it changed. */
export async function sqlRun(core: AppCore, sql: string, ...params: unknown[]): Promise<number> {
  await core.ready;
  if (core.data.kind === 'sqlite')
    return sqliteCore(core)
      .store.sqlite.prepare(sql)
      .run(...params).changes;
  return (await pgQuery(core, sql, params)).rowCount ?? 0;
}
