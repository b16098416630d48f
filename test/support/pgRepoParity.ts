// The same repository calls on a fresh SQLite store and a fresh migrated PostgreSQL database, results compared
// (test/integration/pgRepos*.test.ts): both stores start empty, so the ids they give are the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { expect } from 'vitest';
import { openStore, type Store } from '../../electron/store/db';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import { pgWriteRepos, type PgWriteRepos } from '../../electron/store/pg/repos/index';
import { withTransaction } from '../../electron/store/pg/tx';
import { sqliteRepos, type Repos } from '../../electron/store/repos/index';
import { createPgTestDatabase, type PgTestDatabase } from './pgDatabase';

/** Either store's repositories: a call gives a value (SQLite) or a promise of the same value (PostgreSQL). */
export type EitherRepos = { [K in keyof PgWriteRepos]: Repos[K] | PgWriteRepos[K] };
export type Call<T> = (r: EitherRepos) => T | Promise<T>;

export interface Parity {
  store: Store;
  sq: Repos;
  pgStore: PgStore;
  pool: pg.Pool;
  pg: PgWriteRepos;
  /** The call on SQLite, then on PostgreSQL: both results. */
  both<T>(call: Call<T>): Promise<{ s: T; p: T }>;
  /** The call on both stores, its results equal; SQLite's result. */
  same<T>(label: string, call: Call<T>): Promise<T>;
  /** The call on both stores, each in one transaction (PostgreSQL: a client of the pool), results equal. */
  sameInTx<T>(label: string, call: Call<T>): Promise<T>;
  /** Every row of the tables equal on both stores (PostgreSQL booleans as 0/1). */
  sameRows(tables: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

const bit = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

export async function openParity(name: string): Promise<Parity> {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-pgrepos-'));
  const store = openStore(join(dir, 'aslm.sqlite'));
  let database: PgTestDatabase | undefined;
  let pgStore: PgStore | undefined;
  try {
    database = await createPgTestDatabase(name);
    pgStore = await openPgStore(database.url, { max: 4 });
  } catch (e) {
    store.sqlite.close();
    await database?.drop();
    throw e;
  }
  const sq = sqliteRepos(store.sqlite);
  const pgRepos = pgWriteRepos(pgStore.pool);
  const pgS = pgStore;
  const db = database;
  const both = async <T>(call: Call<T>) => ({ s: await call(sq), p: await call(pgRepos) });
  return {
    store,
    sq,
    pgStore,
    pool: pgStore.pool,
    pg: pgRepos,
    both,
    async same<T>(label: string, call: Call<T>) {
      const { s, p } = await both(call);
      expect(p, label).toEqual(s);
      return s;
    },
    async sameInTx<T>(label: string, call: Call<T>) {
      // BEGIN … COMMIT by hand: better-sqlite3's transaction() refuses an async function (the SQLite calls are
      // synchronous all the same, nothing else runs on the connection meanwhile).
      store.sqlite.exec('BEGIN IMMEDIATE');
      let s: T;
      try {
        s = await call(sq);
        store.sqlite.exec('COMMIT');
      } catch (e) {
        store.sqlite.exec('ROLLBACK');
        throw e;
      }
      const p = await withTransaction(pgS.pool, (client) => Promise.resolve(call(pgWriteRepos(client))));
      expect(p, label).toEqual(s);
      return s;
    },
    async sameRows(tables) {
      for (const [table, order] of Object.entries(tables)) {
        const sql = `SELECT * FROM ${table} ORDER BY ${order}`;
        const s = store.sqlite.prepare(sql).all();
        const p = (await pgS.pool.query(sql)).rows.map((r: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, bit(v)])),
        );
        expect(p, table).toEqual(s);
      }
    },
    async close() {
      store.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
      await pgS.close();
      await db.drop();
    },
  };
}

/** The repository tests' clock. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
/** A labelled call, made on both stores. */
export type Step = [string, Call<unknown>];
/** Each call on both stores in turn, results equal. */
export async function steps(p: Parity, list: Step[]): Promise<void> {
  for (const [label, call] of list) await p.same(label, call);
}
/** The people the lead tests start from: the default manager (1), Sara (2), Marco (3); 1 is a manager. */
export const THREE_PEOPLE: Step[] = [
  ['manager', (r) => r.users.createDefaultManager(T0)],
  ['sara', (r) => r.users.insertActive('Sara Bianchi', 'sara@example.it', 'it', T0)],
  ['marco', (r) => r.users.insertActive('Marco Verdi', null, 'it', T0)],
  ['role', (r) => r.users.addRole(1, 'manager')],
];
