// Where the PostgreSQL migrations are found: the source tree's folder, the packaged app's `pg-migrations/` beside the
// bundled main process (SQLite's are its `migrations/`), or ASLM_PG_MIGRATIONS.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pgMigrationsFolder } from './migrate';

describe('pgMigrationsFolder', () => {
  const dirs: string[] = [];
  const saved = process.env.ASLM_PG_MIGRATIONS;
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    if (saved === undefined) delete process.env.ASLM_PG_MIGRATIONS;
    else process.env.ASLM_PG_MIGRATIONS = saved;
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'aslm-pgmig-'));
    dirs.push(d);
    return d;
  };

  it.each([
    ['the source tree: migrations/ beside migrate.ts', false, 'migrations'],
    ['the bundle: pg-migrations/ beside main.cjs, never SQLite’s migrations/', true, 'pg-migrations'],
  ])('%s', (_name, bundled, expected) => {
    delete process.env.ASLM_PG_MIGRATIONS;
    const here = dir();
    mkdirSync(join(here, 'migrations'));
    if (bundled) mkdirSync(join(here, 'pg-migrations'));
    expect(pgMigrationsFolder(here)).toBe(join(here, expected));
  });

  it('ASLM_PG_MIGRATIONS wins', () => {
    const here = dir();
    mkdirSync(join(here, 'pg-migrations'));
    process.env.ASLM_PG_MIGRATIONS = '/somewhere/else';
    expect(pgMigrationsFolder(here)).toBe('/somewhere/else');
  });

  it('in the source tree: the folder beside migrate.ts', () => {
    delete process.env.ASLM_PG_MIGRATIONS;
    expect(pgMigrationsFolder()).toMatch(/electron[\\/]store[\\/]pg[\\/]migrations$/);
  });
});
