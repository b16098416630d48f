// Backups on a real database: online backup while open, rotation to 14, integrity check, restore, export.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import {
  backupDir,
  checkIntegrity,
  createBackup,
  dailyBackupDue,
  DAY_MS,
  exportDatabase,
  listBackups,
  migrateLegacyBackups,
  restoreBackup,
} from '../../electron/core/backup/backups';
import { createCoreHost } from '../../electron/core/backup/host';
import { baseLead, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const count = (p: string) => {
  const d = new Database(p, { readonly: true });
  try {
    return (d.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('backups', () => {
  it('two databases in one folder have their own backups: separate lists, each restores only its own', async () => {
    app = openTestApp();
    const { dir } = app;
    const other = join(dir, 'branch-office.sqlite');
    const hosts = [
      createCoreHost({ dbPath: app.dbPath, clock: app.core.clock, log: () => undefined }),
      createCoreHost({ dbPath: other, clock: app.core.clock, log: () => undefined }),
    ];
    try {
      const [a, b] = hosts as [ReturnType<typeof createCoreHost>, ReturnType<typeof createCoreHost>];
      await ok(a.core()!, 'leads.create', baseLead());
      const ba = await a.create();
      const bb = await b.create();
      expect(backupDir(app.dbPath)).not.toBe(backupDir(other));
      expect(a.list(false).backups.map((x) => x.file)).toEqual([ba.file]);
      expect(b.list(false).backups.map((x) => x.file)).toEqual([bb.file]);
      expect(a.status().backupDir).not.toBe(b.status().backupDir);
      expect(count(join(backupDir(app.dbPath), ba.file))).toBe(1);
      expect(count(join(backupDir(other), bb.file))).toBe(0);
      // One's backup is not the other's to restore (same file name pattern, other folder).
      await expect(b.restore(ba.file)).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
      expect((await b.restore(bb.file)).mode).toBe('normal');
      expect(a.core()!.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 1 });
    } finally {
      for (const h of hosts) h.close();
    }
    app.core = { ...app.core, close: () => undefined };
  });

  it('backups of the default database kept in the shared backups/ folder (before one folder per database) are moved into its own and stay restorable', async () => {
    app = openTestApp();
    const { dir, dbPath } = app;
    expect(dbPath.endsWith('aslm.sqlite')).toBe(true);
    await ok(app.core, 'leads.create', baseLead());
    const legacy = join(dir, 'backups');
    mkdirSync(legacy, { recursive: true });
    const old = await createBackup(app.core.store.sqlite, legacy, app.core.clock.now());
    utimesSync(old.path, new Date('2026-02-01T10:00:00Z'), new Date('2026-02-01T10:00:00Z'));
    writeFileSync(join(legacy, 'notes.txt'), 'not a backup');
    // Another database of the folder does not take them.
    expect(migrateLegacyBackups(join(dir, 'other.sqlite'))).toBe(0);
    app.core.close();
    app.core = { ...app.core, close: () => undefined };
    const h = createCoreHost({ dbPath, clock: testClock(Date.parse('2026-03-02T09:00:00Z')), log: () => undefined });
    try {
      const listed = h.list(true).backups;
      expect(listed).toEqual([
        expect.objectContaining({ file: old.file, at: Date.parse('2026-02-01T10:00:00Z'), check: 'ok' }),
      ]);
      expect(readdirSync(legacy).filter((f) => /^aslm-\d{8}T\d+Z\.sqlite$/.test(f))).toEqual([]); // moved (other files stay)
      expect(readdirSync(legacy)).toContain('notes.txt');
      await ok(h.core()!, 'leads.create', baseLead({ lastName: 'Bianchi', email: 'b@example.it' }));
      expect((await h.restore(old.file)).mode).toBe('normal');
      expect(h.core()!.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 1 });
      expect(migrateLegacyBackups(dbPath)).toBe(0); // once
    } finally {
      h.close();
    }
  });

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
    expect((reopened.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(1);
    const target = join(app.dir, 'export', 'copy.sqlite');
    await exportDatabase(reopened.store!.sqlite, target);
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
