// Opens the PostgreSQL store: a `pg` pool, the migrations of electron/store/pg/migrations applied (once, under an
// advisory lock, so that two app cores starting together on one database do not both apply them).
// The app core opens it for `--db postgres://…` (electron/core/appCore.ts); see README.md here.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index';
import { MIGRATION_LOCK, advisoryLock, advisoryUnlock } from './locks';

export type PgDb = NodePgDatabase<typeof schema>;
export interface PgStore {
  pool: pg.Pool;
  db: PgDb;
  url: string;
  close(): Promise<void>;
}

/**
 * Where the PostgreSQL migrations live: `migrations/` next to this file in the source tree; `pg-migrations/` next to
 * the bundled main process (scripts/build-electron.mjs puts SQLite's in its `migrations/`); ASLM_PG_MIGRATIONS
 * overrides.
 */
export function pgMigrationsFolder(
  here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url)),
): string {
  const env = process.env.ASLM_PG_MIGRATIONS;
  if (env) return env;
  const bundled = join(here, 'pg-migrations');
  return existsSync(bundled) ? bundled : join(here, 'migrations');
}

/**
 * bigint (int8: the epoch-millisecond times, count(*)) and numeric (sum of bigints) read as JS numbers, as
 * better-sqlite3 reads SQLite's integers: every time and count the app stores is far below 2^53.
 */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Applies the pending migrations (idempotent; concurrent callers wait for each other). */
export async function migratePg(pool: pg.Pool, migrationsFolder = pgMigrationsFolder()): Promise<void> {
  const client = await pool.connect();
  try {
    const enc = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0]?.server_encoding;
    // The search's normalize() (migration search) needs UTF-8, as the text the app stores does.
    if (enc !== 'UTF8') throw new Error(`PostgreSQL database encoding is ${enc}: ASLM Desk needs UTF8`);
    await advisoryLock(client, MIGRATION_LOCK);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await advisoryUnlock(client, MIGRATION_LOCK);
    }
  } finally {
    client.release();
  }
}

/** A pool on `url` (postgres://…), nothing connected yet: the app core's start, which applies the migrations after. */
export function pgStoreOf(url: string, opts: { max?: number } = {}): PgStore {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: pgTypes });
  return { pool, db: drizzle(pool, { schema }), url, close: () => pool.end() };
}

/** A pool on `url` (postgres://…) with the migrations applied. */
export async function openPgStore(
  url: string,
  opts: { migrationsFolder?: string; max?: number } = {},
): Promise<PgStore> {
  const store = pgStoreOf(url, opts);
  try {
    await migratePg(store.pool, opts.migrationsFolder);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** Whether a database path names a PostgreSQL server (`postgres://…`, `postgresql://…`) rather than a SQLite file. */
export const isPgUrl = (path: string): boolean => /^postgres(?:ql)?:\/\//i.test(path);
