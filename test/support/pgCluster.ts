// A throwaway PostgreSQL cluster for the tests: initdb into a temp folder, the server listening on 127.0.0.1 on a free
// port (its unix socket inside the same folder), trust authentication for the `postgres` role, no fsync. As root
// (initdb and postgres refuse to run as root) the binaries run as the `postgres` OS user, owner of the folder.
// The Debian package `postgresql` provides them (.ci/run installs it); ASLM_PG_BIN names another bin folder.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  dir: string;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): void;
}

/** Set to skip the PostgreSQL tests on a machine without PostgreSQL (CI never sets it). */
export const SKIP_PG = process.env.ASLM_SKIP_PG === '1';
export const SKIP_PG_MESSAGE = 'ASLM_SKIP_PG=1: the PostgreSQL tests are skipped';

/** The folder of initdb/pg_ctl: ASLM_PG_BIN if set, else `pg_config --bindir` or the highest /usr/lib/postgresql/N/bin. */
export function pgBinDir(): string {
  const candidates: string[] = [];
  if (process.env.ASLM_PG_BIN) candidates.push(process.env.ASLM_PG_BIN);
  else
    try {
      candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    } catch {
      // no pg_config on the PATH (it comes with libpq-dev): the Debian layout below
    }
  const root = '/usr/lib/postgresql';
  if (!process.env.ASLM_PG_BIN && existsSync(root))
    candidates.push(
      ...readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(root, v, 'bin')),
    );
  const found = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!found)
    throw new Error(
      'PostgreSQL not found (no initdb/pg_ctl in ASLM_PG_BIN, `pg_config --bindir` or /usr/lib/postgresql/*/bin): ' +
        'install the Debian package `postgresql` (.ci/run does), or set ASLM_SKIP_PG=1 to skip these tests',
    );
  return found;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root. */
function runPg(bin: string, args: string[], timeout = 60_000): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    execFileSync(cmd, argv, { stdio: 'pipe', timeout });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`${bin} failed: ${err.stderr?.toString() || err.stdout?.toString() || err.message}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb + pg_ctl start (≈ 1.5 s). The caller must call stop(). */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  // As root, under /tmp: the `postgres` user must reach the folder (TMPDIR may be inside root's own home).
  const dir = mkdtempSync(join(isRoot() && existsSync('/tmp') ? '/tmp' : tmpdir(), 'aslm-pg-'));
  try {
    if (isRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    // C.UTF-8: lower() and the regular expressions of the search (migration search) know every script.
    runPg(join(bin, 'initdb'), [
      ...['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      ...['-N', '--no-instructions'],
    ]);
    // The free port may be taken between the probe and the start: try again on another one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const opts = [
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
        '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      ].join(' ');
      try {
        runPg(join(bin, 'pg_ctl'), ['start', '-w', '-t', '30', '-D', data, '-l', join(dir, 'server.log'), '-o', opts]);
      } catch (e) {
        if (attempt < 3) continue;
        throw e;
      }
      let stopped = false;
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        dir,
        stop() {
          if (!stopped) stopPgCluster(dir);
          stopped = true;
        },
      };
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Stops the cluster started in `dir` by startPgCluster (from any process) and removes the folder. */
export function stopPgCluster(dir: string): void {
  try {
    if (existsSync(join(dir, 'data', 'postmaster.pid')))
      runPg(join(pgBinDir(), 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', join(dir, 'data')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
