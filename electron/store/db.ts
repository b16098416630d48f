// Opens the SQLite database: WAL, foreign keys, durable commits, migrations applied.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { busyTimeoutMs } from './busy';
import { assertLocalDatabasePath } from './networkDrive';
import * as schema from './schema/index';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Store {
  sqlite: Database.Database;
  db: Db;
  path: string;
}

/** Where the generated migrations live (next to this file in the source tree and in the package). */
export function migrationsFolder(): string {
  const env = process.env.ASLM_MIGRATIONS;
  if (env) return env;
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, 'migrations');
}

export function openStore(path: string, opts: { readonly?: boolean; migrationsDir?: string } = {}): Store {
  // The file the app writes is on this PC's own disk, never a network share (docs/rules.md §11.7); a read-only look
  // (a backup being checked) may be anywhere.
  if (!opts.readonly) assertLocalDatabasePath(path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly: opts.readonly ?? false });
  try {
    return setUp(sqlite, path, opts);
  } catch (e) {
    sqlite.close(); // never keep a file open that could not be set up (a restore must be able to replace it)
    throw e;
  }
}

function setUp(sqlite: Database.Database, path: string, opts: { readonly?: boolean; migrationsDir?: string }): Store {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process's write (the CLI's scheduled import, docs/rules.md §11.7) is waited for, not failed on.
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  if (!opts.readonly) immediateTransactions(sqlite);
  // FULL: an acknowledged write survives a power cut, not only a crash of the app.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  if (!opts.readonly) {
    migrate(db, { migrationsFolder: opts.migrationsDir ?? migrationsFolder() });
    // Statistics are an optimisation: only a damaged file stops the opening (a busy one does not). Not for a new or
    // nearly empty file: statistics saying "empty" would mislead the planner while the tables fill up (the hourly
    // refresh and the one after an import take over).
    try {
      const filled =
        (sqlite.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM leads LIMIT 1000)').get() as { n: number }).n >= 1000;
      if (filled) refreshPlannerStats(sqlite);
    } catch (e) {
      if (/CORRUPT|NOTADB/.test(String((e as { code?: unknown }).code))) throw e;
    }
  }
  return { sqlite, db, path };
}

/**
 * Every `sqlite.transaction(fn)()` of the app begins IMMEDIATE: it takes the write lock when it starts, waiting for it
 * up to busy_timeout. A DEFERRED one would start reading and fail at once (SQLITE_BUSY, no wait) when its first write
 * finds another process writing. `.deferred` stays available for a read-only snapshot; nested calls are savepoints.
 */
function immediateTransactions(sqlite: Database.Database): void {
  const plain = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = plain(fn);
    return Object.assign((...args: unknown[]) => tx.immediate(...args), {
      default: tx.immediate,
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as Database.Database['transaction'];
}

/**
 * SQLite's recommended upkeep of the query planner's statistics (`PRAGMA optimize`, sampled by
 * analysis_limit so it stays quick on a big file — ≈ 0.15 s the first time on 250,000 leads, then nothing
 * until a table grows or shrinks a lot). At start-up, hourly and after a file import. The KPI figures rely
 * on it: with statistics the planner skip-scans leads_kpi_dims (few assignee/campaign/source/type values)
 * instead of reading the whole index.
 */
export function refreshPlannerStats(sqlite: Database.Database): void {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
}
