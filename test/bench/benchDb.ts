// The benchmark database: the demo generator's leads "as of" `now` (used by bench.ts and desks.ts).
import { rmSync } from 'node:fs';
import { createAppCore } from '../../electron/core/appCore';
import { generateDemo } from '../../electron/core/demo/generate';

/** Builds a fresh database of `leads` demo leads at `dbPath`; returns the seconds it took. */
export async function buildBenchDb(dbPath: string, leads: number, now: number): Promise<number> {
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
  const core = createAppCore({ dbPath, clock: { now: () => now }, timeZone: 'Europe/Rome' });
  const t = performance.now();
  await generateDemo(core.data, core.settings, {
    leads,
    now,
    seed: 42,
    onProgress: (n) => {
      if (n % 50_000 === 0 || n === leads) process.stderr.write(`  generated ${n} leads\n`);
    },
  });
  const seconds = (performance.now() - t) / 1000;
  core.store!.sqlite.pragma('optimize');
  core.close();
  return seconds;
}
