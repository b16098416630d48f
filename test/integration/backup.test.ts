// Backups on a real database: online backup while open, rotation to 14, integrity check, restore, export.
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/core/appCore';
import { backupDir, checkIntegrity, createBackup, dailyBackupDue, DAY_MS, exportDatabase, listBackups, restoreBackup } from '../../electron/core/backup/backups';
import { baseLead, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp | null = null;
afterEach(() => { app?.close(); app = null; });

const count = (p: string) => { const d = new Database(p, { readonly: true }); try { return (d.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n; } finally { d.close(); } };

describe('backups', () => {
  it('makes a consistent online copy, keeps the newest 14, and restores a chosen one', async () => {
    app = openTestApp();
    const { core, dbPath } = app;
    const dir = backupDir(dbPath);
    expect(dailyBackupDue(dir, core.clock.now())).toBe(true);
    await ok(core, 'leads.create', baseLead());
    const first = await createBackup(core.store.sqlite, dir, core.clock.now());
    expect(checkIntegrity(first.path, true)).toEqual({ ok: true, detail: 'ok' });
    expect(count(first.path)).toBe(1);
    expect(dailyBackupDue(dir, Date.now())).toBe(false);

    for (let i = 1; i <= 15; i++) await createBackup(core.store.sqlite, dir, core.clock.now() + i * DAY_MS);
    const list = listBackups(dir);
    expect(list).toHaveLength(14);
    expect(list.some((b) => b.file === first.file)).toBe(false); // the oldest rotated out

    await ok(core, 'leads.create', baseLead({ lastName: 'Bianchi', email: 'b@example.it' }));
    const chosen = list[list.length - 1]!; // one lead in it
    expect(count(dbPath)).toBe(2);
    core.close();
    restoreBackup(dbPath, chosen.path);
    expect(existsSync(`${dbPath}.before-restore`)).toBe(true);
    const reopened = createAppCore({ dbPath, clock: core.clock, log: () => undefined });
    expect((reopened.store.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(1);
    const target = join(app.dir, 'export', 'copy.sqlite');
    await exportDatabase(reopened.store.sqlite, target);
    expect(checkIntegrity(target).ok).toBe(true);
    expect(count(target)).toBe(1);
    reopened.close();
    app.core = { ...core, close: () => undefined };
  });

  it('refuses a damaged backup or a file outside the backup folder, and sees a damaged database', async () => {
    app = openTestApp();
    const t = app;
    const { core, dbPath } = t;
    const dir = backupDir(dbPath);
    const good = await createBackup(core.store.sqlite, dir, core.clock.now());
    const bad = join(dir, 'aslm-20200101T000000000Z.sqlite');
    const bytes = readFileSync(good.path);
    bytes.fill(0x41, 100, bytes.length); // header kept, pages garbage
    writeFileSync(bad, bytes);
    expect(checkIntegrity(bad).ok).toBe(false);
    core.close();
    t.core = { ...core, close: () => undefined };
    expect(() => restoreBackup(dbPath, bad)).toThrow(/damaged/);
    expect(() => restoreBackup(dbPath, join(t.dir, 'elsewhere.sqlite'))).toThrow(/not a backup/);
    expect(checkIntegrity(dbPath).ok).toBe(true);
    expect(checkIntegrity(join(t.dir, 'missing.sqlite')).ok).toBe(false);
  });
});
