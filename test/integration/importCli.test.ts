// `npm run aslm -- import FILE`: the report, and the exit code (non-zero only when nothing could be read).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HQ_HEADERS, csv, hqRow, person, pngFile } from '../fixtures/importCorpus';
import { testDbPath } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'aslm-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(TSX, ['electron/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

// Each call a tsx process (seconds each on a busy machine).
describe('aslm import', { timeout: 180_000 }, () => {
  const db = testDbPath(dir, 'cli.sqlite');
  const file = join(dir, 'hq.csv');
  writeFileSync(file, csv([HQ_HEADERS, hqRow(person(1)), hqRow(person(2)), hqRow({ ...person(3), vin: 'BAD' })], ';'));

  it('imports, prints the report with rejected lines, and is idempotent', () => {
    const r = run('import', file, '--json', '--db', db);
    expect(r.status, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep).toMatchObject({ ok: true, imported: 2, already: 0, skippedDuplicates: 0 });
    expect(rep.rejected).toEqual([
      expect.objectContaining({ line: 4, code: 'VIN_INVALID', reason: expect.stringContaining('VIN') }),
    ]);
    const again = run('import', file, '--db', db, '--lang', 'it');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('hq.csv: 0 importati');
    expect(again.stdout).toContain('2 già importati');
    expect(again.stdout).toContain('Riga 4: Il VIN non è valido');
  });

  it('exits non-zero when nothing could be read', () => {
    const png = join(dir, 'x.csv');
    writeFileSync(png, pngFile());
    const r = run('import', png, '--json', '--db', db);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
    expect(run('import', join(dir, 'missing.csv'), '--db', db).status).toBe(1);
    expect(run('import', file, '--preset', 'Nope', '--db', db).status).toBe(1);
    expect(run('import', '--db', db).status).toBe(2);
  });
});
