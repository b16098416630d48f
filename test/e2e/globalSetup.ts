// Before the e2e run: start building the 250,000-lead database of scale.e2e.ts in the background (low priority,
// so the other tests keep their pace), unless a bench database is given or the file is already there.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALE_DB, SCALE_LOG } from './scaleDb';

const here = dirname(fileURLToPath(import.meta.url));

export default async function globalSetup(): Promise<(() => void) | undefined> {
  if (process.env.BENCH_DB || existsSync(resolve(here, '../../bench-results/bench-250000.sqlite'))) return undefined;
  if (existsSync(SCALE_DB)) return undefined;
  mkdirSync(dirname(SCALE_DB), { recursive: true });
  const log = openSync(SCALE_LOG, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(here, 'scaleDb.ts'), SCALE_DB], {
    cwd: resolve(here, '../..'),
    stdio: ['ignore', log, log],
  });
  try {
    if (child.pid) setPriority(child.pid, 15);
  } catch {
    // Not allowed on this system: it runs at normal priority.
  }
  // The scale test tells a build under way by its `.part` file: wait until it is there (≈ 1–2 s).
  for (let i = 0; i < 150 && !existsSync(`${SCALE_DB}.part`) && child.exitCode === null; i++)
    await new Promise((r) => setTimeout(r, 200));
  // Teardown: a run stopped early (or one filtered without the scale test) does not leave the build running.
  return () => {
    if (child.exitCode === null) child.kill();
  };
}
