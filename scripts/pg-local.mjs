// A local PostgreSQL server for the benchmark (`npm run bench -- --db postgres://…`), kept between runs so that the
// 1,000,000-lead database is built once:
//   node scripts/pg-local.mjs start   initdb (first time) into ASLM_PG_DIR (default /tmp/aslm-pg-local), start on
//                                     127.0.0.1:ASLM_PG_PORT (default 55432), create the database aslm_bench, print its URL
//   node scripts/pg-local.mjs stop
// Needs the PostgreSQL server binaries (Debian: `postgresql`; ASLM_PG_BIN names their folder). As root they run as
// the `postgres` OS user. Settings for a benchmark on one machine: shared_buffers 1GB, no fsync (a throwaway server).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.ASLM_PG_DIR ?? '/tmp/aslm-pg-local';
const port = Number(process.env.ASLM_PG_PORT ?? 55432);
const data = join(dir, 'data');
const isRoot = process.getuid?.() === 0;

function binDir() {
  if (process.env.ASLM_PG_BIN) return process.env.ASLM_PG_BIN;
  const root = '/usr/lib/postgresql';
  const v = existsSync(root)
    ? readdirSync(root)
        .filter((x) => /^\d+$/.test(x))
        .sort((a, b) => b - a)[0]
    : undefined;
  if (!v) throw new Error('PostgreSQL binaries not found: install `postgresql` or set ASLM_PG_BIN');
  return join(root, v, 'bin');
}
const run = (bin, args) =>
  execFileSync(
    isRoot ? 'runuser' : join(binDir(), bin),
    isRoot ? ['-u', 'postgres', '--', join(binDir(), bin), ...args] : args,
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );

const cmd = process.argv[2];
if (cmd === 'start') {
  if (!existsSync(data)) {
    mkdirSync(dir, { recursive: true });
    if (isRoot) {
      const id = (f) => Number(execFileSync('id', [f, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, id('-u'), id('-g'));
    }
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N']);
  }
  const opts = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
    '-c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=512MB -c effective_cache_size=4GB',
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c random_page_cost=1.1',
  ].join(' ');
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', opts]);
  const psql = (sql) => run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-At', '-c', sql]);
  if (!psql("SELECT 1 FROM pg_database WHERE datname = 'aslm_bench'").trim()) psql('CREATE DATABASE aslm_bench');
  console.log(`postgres://postgres@127.0.0.1:${port}/aslm_bench`);
} else if (cmd === 'stop') {
  run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
} else {
  console.error('usage: node scripts/pg-local.mjs start|stop');
  process.exit(1);
}
