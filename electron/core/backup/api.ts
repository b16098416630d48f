// What the backup channels need (BackupApi), the export-target check, and the plain implementation for
// a core started on its own (tests, CLI): list, back up and export work; restore needs the core host
// (host.ts), which can close and reopen the database.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { BackupEntryOut, ShellStatus } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/contract/errors';
import type { Store } from '../../store/db';
import { backupDir, checkIntegrity, createBackup, exportDatabase, listBackups, migrateLegacyBackups } from './backups';

export interface BackupApi {
  status(): ShellStatus;
  list(check: boolean): { dir: string; backups: BackupEntryOut[] };
  create(): Promise<BackupEntryOut>;
  restore(file: string): Promise<ShellStatus>;
  /** target null: ask where (Electron's save dialog); the reply's path is null when the user cancels. */
  exportTo(target: string | null): Promise<{ path: string | null; size: number }>;
}

export function listBackupsOut(dbPath: string, check: boolean): { dir: string; backups: BackupEntryOut[] } {
  const dir = backupDir(dbPath);
  return {
    dir,
    backups: listBackups(dir).map((b) => ({
      file: b.file,
      at: Math.round(b.at),
      size: b.size,
      check: check ? (checkIntegrity(b.path).ok ? ('ok' as const) : ('damaged' as const)) : null,
    })),
  };
}

export function exportSuggestion(now: number): string {
  return join(homedir(), `aslm-export-${new Date(now).toISOString().slice(0, 10)}.sqlite`);
}

const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

/**
 * An export target must be an absolute path that is not the database itself (nor its journal, nor the
 * backup folder). An existing file is replaced only when the user confirmed it in the save dialog.
 */
export function checkExportTarget(target: string, dbPath: string, allowExisting: boolean): string {
  const raw = target.trim();
  if (!raw || !isAbsolute(raw) || raw.includes('\0')) throw new AppError('EXPORT_TARGET_INVALID', { field: 'target' });
  const p = resolve(raw);
  const db = resolve(dbPath);
  const reserved = [db, `${db}-wal`, `${db}-shm`, `${db}.before-restore`, `${db}.restoring`];
  // The whole backup area (every database's folder), not only this database's.
  const dir = dirname(backupDir(db));
  if (
    reserved.some((r) => same(r, p)) ||
    same(dir, p) ||
    (process.platform === 'win32' ? p.toLowerCase() : p).startsWith(
      (process.platform === 'win32' ? dir.toLowerCase() : dir) + sep,
    )
  ) {
    throw new AppError('EXPORT_TARGET_INVALID', { field: 'target' });
  }
  if (existsSync(p) && (!allowExisting || statSync(p).isDirectory()))
    throw new AppError('EXPORT_TARGET_EXISTS', { field: 'target' });
  return p;
}

/** Backups of a core started without a host: everything but restore. */
export function standaloneBackupApi(store: Store, log: (msg: string, err?: unknown) => void): BackupApi {
  try {
    migrateLegacyBackups(resolve(store.path));
  } catch (e) {
    log("the backups of the shared backups/ folder could not be moved into the database's own", e);
  }
  return {
    status: () => ({
      mode: 'normal',
      problem: null,
      dbPath: resolve(store.path),
      backupDir: backupDir(resolve(store.path)),
      saveDialog: false,
      exportSuggestion: exportSuggestion(Date.now()),
    }),
    list: (check) => listBackupsOut(store.path, check),
    create: async () => {
      try {
        const b = await createBackup(store.sqlite, backupDir(store.path), Date.now());
        return { file: b.file, at: Math.round(b.at), size: b.size, check: 'ok' };
      } catch (e) {
        log('backup failed', e);
        throw new AppError('BACKUP_FAILED');
      }
    },
    restore: async () => {
      throw new AppError('RESTORE_UNAVAILABLE');
    },
    exportTo: async (target) => {
      if (target === null) throw new AppError('EXPORT_TARGET_REQUIRED', { field: 'target' });
      const p = checkExportTarget(target, store.path, false);
      try {
        await exportDatabase(store.sqlite, p);
      } catch (e) {
        log('export failed', e);
        throw new AppError('EXPORT_FAILED', { field: 'target' });
      }
      return { path: p, size: statSync(p).size };
    },
  };
}

/** The server's address without its password (shown in the data screen). */
export function redactedPgUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://';
  }
}

/**
 * A core on PostgreSQL: the database is the server's (its own backups, pg_dump); the app's file backups, restore and
 * export are SQLite's. The state answers (normal, the server's address); the rest a typed, translated refusal.
 */
export function postgresBackupApi(url: string): BackupApi {
  const refuse = () => new AppError('BACKUP_UNAVAILABLE_ON_POSTGRES');
  return {
    status: () => ({
      mode: 'normal',
      problem: null,
      dbPath: redactedPgUrl(url),
      backupDir: '',
      saveDialog: false,
      exportSuggestion: '',
    }),
    list: () => {
      throw refuse();
    },
    create: () => Promise.reject(refuse()),
    restore: () => Promise.reject(refuse()),
    exportTo: () => Promise.reject(refuse()),
  };
}
