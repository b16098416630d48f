// The PostgreSQL databases of the app cores that the 'postgres' test project opens (openTestApp in
// test/integration/helpers.ts, pgTestDbPath): copies of the run's migrated template (pgDatabase.ts migratedTemplate).
// openTestApp is synchronous, and a synchronous statement costs a child process (≈ 0.3 s); so a few databases are
// made ahead, asynchronously, before each test (pgStoreSetup.ts), handed out at once, and dropped in the background
// after use (all settled at the file's end). A test that opens more than those waits for a child process.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

/** The server (ASLM_PG_URL) and template (ASLM_PG_TEMPLATE) given by pgStoreSetup.ts, or by hand. */
const server = (): string => {
  const url = process.env.ASLM_PG_URL;
  if (!url) throw new Error('ASLM_TEST_STORE=pg needs ASLM_PG_URL');
  return url;
};
const createSql = (name: string): string => {
  const template = process.env.ASLM_PG_TEMPLATE;
  return `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`;
};
const dropSql = (name: string): string => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One SQL statement on the server's admin database, synchronously (a child process). */
function adminSync(sql: string): void {
  const script = `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),(e)=>{console.error(e.message);process.exit(1)})`;
  const r = spawnSync(process.execPath, ['-e', script, server(), sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PostgreSQL: ${sql}: ${r.stderr}`);
}

let admin: Promise<pg.Client> | undefined;
/** The last statement queued on the admin connection: each waits for the one before (one query at a time). */
let queue: Promise<unknown> = Promise.resolve();
/** One statement on this process's admin connection (opened on first use, ended by settleAppDatabases). */
function adminQuery(sql: string): Promise<void> {
  admin ??= (async () => {
    const c = new pg.Client({ connectionString: server() });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  })();
  const client = admin;
  const run = queue.then(async () => void (await (await client).query(sql)));
  queue = run.catch(() => undefined);
  return run;
}

let made = 0;
const newName = () => `aslm_app_${process.pid}_${Date.now().toString(36)}_${++made}`;
/** Databases made ahead, not handed out yet. */
const spare: string[] = [];
/** Databases handed out for the whole file (pgTestDbPath in helpers.ts): dropped at its end. */
const forTheFile: string[] = [];
/** The drops under way. */
const dropping = new Set<Promise<void>>();

/** Makes databases ahead until `n` are spare. */
export async function topUpAppDatabases(n: number): Promise<void> {
  while (spare.length < n) {
    const name = newName();
    await adminQuery(createSql(name));
    spare.push(name);
  }
}

/** A fresh database (its URL): a spare one, else made now (synchronously); `forTheFile`: dropped at the file's end. */
export function takeAppDatabase(forTheFileToo = false): string {
  let name = spare.shift();
  if (!name) {
    name = newName();
    adminSync(createSql(name));
  }
  if (forTheFileToo) forTheFile.push(name);
  return withDatabase(server(), name);
}

/** Drops a database of takeAppDatabase, in the background when this process has its admin connection. */
export function dropAppDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!admin) return adminSync(dropSql(name));
  const p = adminQuery(dropSql(name)).catch(() => undefined);
  dropping.add(p);
  void p.finally(() => dropping.delete(p));
}

/** The file's end: the drops under way finished, the spare and the file's databases dropped, the connection ended. */
export async function settleAppDatabases(): Promise<void> {
  await Promise.all(dropping);
  for (const name of [...spare.splice(0), ...forTheFile.splice(0)]) await adminQuery(dropSql(name));
  const c = admin;
  admin = undefined;
  if (c) await (await c).end();
}
