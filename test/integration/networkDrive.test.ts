// A database path on a network share is refused with DATABASE_ON_NETWORK_DRIVE (docs/rules.md §11.7): by the app
// core, by the core host (recovery screen with the reason) and by the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/core/appCore';
import { createCoreHost } from '../../electron/core/backup/host';
import { AppError } from '../../shared/contract/errors';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const UNC = '//nas01/aslm/aslm.sqlite';

describe('a database on a network drive', () => {
  it('is refused by the app core and the core host, before anything is written', () => {
    let err: unknown;
    try {
      createAppCore({ dbPath: UNC, log: () => undefined });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'DATABASE_ON_NETWORK_DRIVE', params: { path: UNC } });
    const host = createCoreHost({ dbPath: '\\\\nas01\\aslm\\aslm.sqlite', mode: 'browser', log: () => undefined });
    try {
      expect(host.core()).toBeNull();
      expect(host.status()).toMatchObject({
        mode: 'recovery',
        problem: { code: 'DATABASE_ON_NETWORK_DRIVE', params: { path: '\\\\nas01\\aslm\\aslm.sqlite' } },
      });
    } finally {
      host.close();
    }
    expect(existsSync('//nas01')).toBe(false);
    expect(existsSync('\\\\nas01\\aslm\\aslm.sqlite')).toBe(false); // not made locally under that name either
  });

  it('is refused by the CLI with the reason in words', () => {
    const r = spawnSync(TSX, ['electron/cli/main.ts', 'kpi', '--json', '--db', UNC], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("The database must be on this PC's own disk, not on a network drive: //nas01/aslm");
    expect(r.stderr).toContain('(DATABASE_ON_NETWORK_DRIVE)');
  });
});
