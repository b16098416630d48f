// The CLI `import` (scheduled tasks) while the app writes: both wait for the write lock instead of failing with
// "database is locked" (docs/rules.md §11.7). Real SQLite file, the CLI in real child processes.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bigHqFile } from '../fixtures/importCorpus';
import { baseLead, ok, openTestApp, versionOf } from './helpers';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
interface Run {
  status: number;
  stdout: string;
  stderr: string;
}
const runCli = (args: string[], env: Record<string, string> = {}) =>
  new Promise<Run>((resolve) => {
    execFile(
      TSX,
      ['electron/cli/main.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env }, maxBuffer: 64 << 20 },
      (e, stdout, stderr) => resolve({ status: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

const app = openTestApp(Date.now());
afterAll(() => app.close());

describe('the write lock between the app and the CLI import', () => {
  it('four CLI imports complete while the app writes every 100 ms, and every app write succeeds', async () => {
    const { core } = app;
    const { lead } = await ok(core, 'leads.create', baseLead());
    const ROWS = 3000;
    const files = [0, 1, 2, 3].map((k) => {
      const f = join(app.dir, `batch${k}.csv`);
      writeFileSync(f, bigHqFile(ROWS, 10_000 + k * ROWS));
      return f;
    });
    const writes: { ok: boolean; ms: number; error?: string }[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const t0 = performance.now();
        const r = await core.dispatch(
          'leads.edit',
          { id: lead.id, version: await versionOf(core, lead.id), input: { city: `Torino ${i}` } },
          { transport: 'test' },
        );
        writes.push({ ok: r.ok, ms: performance.now() - t0, ...(r.ok ? {} : { error: JSON.stringify(r.error) }) });
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const runs: Run[] = [];
    for (const f of files) runs.push(await runCli(['import', f, '--json', '--db', app.dbPath]));
    stop = true;
    await writer;
    for (const r of runs) {
      expect(r.status, r.stderr + r.stdout.slice(0, 500)).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, imported: ROWS, rejected: [] });
    }
    expect(writes.filter((w) => !w.ok)).toEqual([]);
    expect(writes.length).toBeGreaterThan(10);
    const n = core.store.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number };
    expect(n.n).toBe(1 + 4 * ROWS);
  }, 180_000);

  it('gives DATABASE_BUSY, translated, when the lock is held longer than the limit', async () => {
    const f = join(app.dir, 'held.csv');
    writeFileSync(f, bigHqFile(10, 90_000));
    const holder = new Database(app.dbPath);
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const t0 = Date.now();
      const r = await runCli(['import', f, '--json', '--db', app.dbPath], { ASLM_BUSY_LIMIT_MS: '1500' });
      expect(r.status, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({
        ok: false,
        error: { code: 'DATABASE_BUSY', message: expect.stringContaining('busy') },
      });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
      const fr = await runCli(['import', f, '--db', app.dbPath, '--lang', 'fr'], { ASLM_BUSY_LIMIT_MS: '800' });
      expect(fr.status).toBe(1);
      expect(fr.stderr).toContain('occupée');
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    const again = await runCli(['import', f, '--json', '--db', app.dbPath]);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, imported: 10 });
  }, 60_000);

  it("an app action that waited past SQLite's wait is refused with DATABASE_BUSY, not INTERNAL", async () => {
    process.env.ASLM_BUSY_LIMIT_MS = '300'; // read when the file is opened: busy_timeout 300 ms
    const short = openTestApp(Date.now());
    delete process.env.ASLM_BUSY_LIMIT_MS;
    try {
      const { lead } = await ok(short.core, 'leads.create', baseLead());
      const holder = new Database(short.dbPath);
      holder.prepare('BEGIN IMMEDIATE').run();
      const t0 = Date.now();
      const r = await short.core.dispatch(
        'leads.edit',
        { id: lead.id, version: lead.version, input: { city: 'Asti' } },
        { transport: 'test' },
      );
      holder.prepare('ROLLBACK').run();
      holder.close();
      expect(r).toEqual({ ok: false, error: { code: 'DATABASE_BUSY' } });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
      const retry = await short.core.dispatch(
        'leads.edit',
        { id: lead.id, version: lead.version, input: { city: 'Asti' } },
        { transport: 'test' },
      );
      expect(retry.ok).toBe(true);
    } finally {
      short.close();
    }
  });
});
