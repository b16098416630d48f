// Database backups with SQLite's online backup API (better-sqlite3 `db.backup`), no Electron import:
// daily copies beside the database (14 kept) in a folder of their own per database file
// (`backups/<file name>/`: two databases in one folder never share their backups), integrity check, restore of a
// chosen copy, export.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const KEEP_BACKUPS = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^aslm-(\d{8}T\d{6}(?:\d{3})?Z)\.sqlite$/;

export interface BackupEntry {
  file: string;
  path: string;
  at: number;
  size: number;
}

/** The database file name whose backups were once kept in `backups/` itself (before one folder per database). */
export const DEFAULT_DB_FILE = 'aslm.sqlite';

/** The backups of the database at `dbPath`: `backups/<its file name>/` beside it. */
export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups', basename(dbPath));
}

/**
 * Backups made before there was one folder per database lie in `backups/` itself: they are moved into the default
 * database's folder (`backups/aslm.sqlite/`), where they are listed and restorable as before. Other databases start
 * with a folder of their own. Returns how many were moved.
 */
export function migrateLegacyBackups(dbPath: string): number {
  if (basename(dbPath) !== DEFAULT_DB_FILE) return 0;
  const legacy = join(dirname(dbPath), 'backups');
  if (!existsSync(legacy)) return 0;
  const old = readdirSync(legacy).filter((f) => NAME.test(f) && statSync(join(legacy, f)).isFile());
  if (old.length === 0) return 0;
  const dir = backupDir(dbPath);
  mkdirSync(dir, { recursive: true });
  let moved = 0;
  for (const f of old) {
    if (existsSync(join(dir, f))) continue;
    renameSync(join(legacy, f), join(dir, f)); // a rename keeps the time the copy was made (what lists sort and show)
    moved++;
  }
  return moved;
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Backups, newest first. */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .map((file) => {
      const path = join(dir, file);
      const st = statSync(path);
      return { file, path, at: st.mtimeMs, size: st.size };
    })
    .sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

/** `PRAGMA quick_check` (or full integrity_check) on a file opened read-only; 'ok' or the first problems. */
export function checkIntegrity(path: string, full = false): { ok: boolean; detail: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const msgs = rows.map((r) => String(Object.values(r)[0]));
    return { ok: msgs.length === 1 && msgs[0] === 'ok', detail: msgs.slice(0, 5).join('; ') };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  } finally {
    db?.close();
  }
}

/** A backup's copy failed its integrity check: the open database itself may be damaged. */
export class BackupIntegrityError extends Error {}

/** Online backup of the open database into `dir`, then keeps the newest `keep`. Returns the new file. */
export async function createBackup(
  sqlite: Database.Database,
  dir: string,
  now: number,
  keep = KEEP_BACKUPS,
): Promise<BackupEntry> {
  mkdirSync(dir, { recursive: true });
  const file = `aslm-${stamp(now)}.sqlite`;
  const tmp = join(dir, `${file}.partial`);
  rmSync(tmp, { force: true });
  await sqlite.backup(tmp);
  const check = checkIntegrity(tmp);
  if (!check.ok) {
    rmSync(tmp, { force: true });
    throw new BackupIntegrityError(`backup failed its integrity check: ${check.detail}`);
  }
  renameSync(tmp, join(dir, file));
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
  const made = listBackups(dir).find((b) => b.file === file);
  if (!made) throw new Error('backup vanished');
  return made;
}

/** Exports a consistent copy of the open database to `target` (online backup). */
export async function exportDatabase(sqlite: Database.Database, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  try {
    await sqlite.backup(tmp);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Copies the database file as it is on disk (and its write-ahead log), for a damaged file that cannot be opened. */
export function exportRawFile(dbPath: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(dbPath, target);
  rmSync(`${target}-wal`, { force: true });
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${target}-wal`);
}

/**
 * Replaces the (closed) database at `dbPath` with the chosen backup, after checking the backup.
 * The current file is kept as `<db>.before-restore` so a wrong choice can be undone by hand.
 */
export function restoreBackup(dbPath: string, backupPath: string, alreadyChecked = false): void {
  const dir = backupDir(dbPath);
  if (dirname(backupPath) !== dir || !NAME.test(basename(backupPath))) throw new Error('not a backup of this database');
  const check = alreadyChecked ? { ok: true, detail: 'ok' } : checkIntegrity(backupPath, true);
  if (!check.ok) throw new Error(`the backup is damaged: ${check.detail}`);
  const staged = `${dbPath}.restoring`;
  copyFileSync(backupPath, staged);
  if (existsSync(dbPath)) copyFileSync(dbPath, `${dbPath}.before-restore`);
  // A damaged or uncheckpointed file keeps its write-ahead log beside the kept copy (SQLite reads them as a pair).
  rmSync(`${dbPath}.before-restore-wal`, { force: true });
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${dbPath}.before-restore-wal`);
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(staged, dbPath);
}

/** Whether the daily backup is due: none yet, or the newest is a day old. */
export function dailyBackupDue(dir: string, now: number): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now - newest.at >= DAY_MS;
}
