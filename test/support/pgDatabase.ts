// A fresh PostgreSQL database for one test file: in ASLM_PG_URL's server if set, else in the run's shared throwaway
// cluster (started by the first file that asks, see pgGlobalSetup.ts), else (no globalSetup) in a cluster of its own.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPgStore, pgMigrationsFolder } from '../../electron/store/pg/migrate';
import { startPgCluster, type PgCluster } from './pgCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgStateDir: string;
  }
}

export interface PgTestDatabase {
  url: string;
  /** Drops the database (and stops the file's own cluster, if it started one). */
  drop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run's shared cluster: started by the one process that takes the lock, waited for by the others. */
async function sharedServer(state: string): Promise<string> {
  const urlFile = join(state, 'url');
  const errorFile = join(state, 'error');
  let starter = false;
  try {
    mkdirSync(join(state, 'lock'));
    starter = true;
  } catch {
    // another test file is starting it
  }
  if (starter) {
    try {
      const c = await startPgCluster();
      writeFileSync(join(state, 'cluster'), c.dir); // for the teardown, before anyone can use it
      writeFileSync(`${urlFile}.tmp`, c.url);
      renameSync(`${urlFile}.tmp`, urlFile);
    } catch (e) {
      writeFileSync(errorFile, String((e as Error).message));
      throw e;
    }
  }
  for (const started = Date.now(); Date.now() - started < 90_000; await sleep(50)) {
    if (existsSync(urlFile)) return readFileSync(urlFile, 'utf8');
    if (existsSync(errorFile)) throw new Error(readFileSync(errorFile, 'utf8'));
  }
  throw new Error('the shared PostgreSQL cluster did not start within 90 s');
}

/** The run's shared cluster's server URL (the 'postgres' test project's app cores make their databases there). */
export const sharedPgServerUrl = (): Promise<string> => sharedServer(inject('pgStateDir'));

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createPgTestDatabase(prefix: string): Promise<PgTestDatabase> {
  let own: PgCluster | undefined;
  let server = process.env.ASLM_PG_URL;
  if (!server) {
    let state: string | undefined;
    try {
      state = inject('pgStateDir');
    } catch {
      state = undefined; // run without the globalSetup
    }
    if (state) server = await sharedServer(state);
    else {
      own = await startPgCluster();
      server = own.url;
    }
  }
  const base: string = server;
  const name = `aslm_${prefix.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(base, name),
    async drop() {
      try {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      } finally {
        own?.stop();
      }
    },
  };
}

/** Every file of the migrations folder (the SQL and drizzle's journal), hashed: the template's name carries it. */
function migrationsHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${p.slice(dir.length)}\0`).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

/** Any key of pg_advisory_lock, on the server's admin database: the template is made under it. */
const TEMPLATE_LOCK = 0x746d706c; // 'tmpl'

/**
 * A database of `server` with every migration applied, made once per server and set of migrations (its name carries
 * their hash; made under an advisory lock, so the test files starting together make it once): the 'postgres' test
 * project's app cores start on a copy of it (`CREATE DATABASE … TEMPLATE`, helpers.ts), far cheaper than applying
 * the migrations to each fresh database. Migrated under another name and renamed when complete: a run killed
 * midway leaves no half-made template. Nothing ever connects to it after, as a template needs.
 */
export async function migratedTemplate(server: string): Promise<string> {
  const name = `aslm_template_${migrationsHash(pgMigrationsFolder())}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const made = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (made.rowCount === 0) {
      const wip = `${name}_wip`;
      await admin.query(`DROP DATABASE IF EXISTS ${wip} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${wip}`);
      const store = await openPgStore(withDatabase(server, wip), { max: 1 });
      await store.close();
      await admin.query(`ALTER DATABASE ${wip} RENAME TO ${name}`);
    }
  } finally {
    await admin.end(); // ends the session: its advisory lock with it
  }
  return name;
}
