// The core host: holds the app core for Electron's main and browser mode, and is what their transports
// dispatch to. It checks the database at start-up (PRAGMA quick_check) unless the last session closed it
// cleanly, unchanged and checked within a week (startupCheck.ts); a damaged or unopenable file
// starts the app in RECOVERY mode, where only the data-safety channels answer (status, backups,
// restore, export of the damaged file). Restore closes the core, swaps the file and reopens it. It
// also runs the daily backups. No Electron import: the save dialog is passed in as `chooseExportPath`.
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { contract } from '../../../shared/contract';
import { backupChannels, BACKUP_FILE, type ShellStatus } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/contract/errors';
import { createAppCore, type AppCore, type AppCoreOptions } from '../appCore';
import { isPgUrl } from '../../store/pg/migrate';
import { createPgCoreHost } from './pgHost';
import { startBackground } from '../background';
import { assertLocalDatabasePath } from '../../store/networkDrive';
import { createDispatcher, toErrorShape, type Dispatch } from '../dispatch';
import { backupHandlers } from '../handlers/backup';
import { checkExportTarget, exportSuggestion, listBackupsOut, type BackupApi } from './api';
import {
  BackupIntegrityError,
  backupDir,
  checkIntegrity,
  createBackup,
  dailyBackupDue,
  exportDatabase,
  exportRawFile,
  listBackups,
  migrateLegacyBackups,
  restoreBackup,
} from './backups';
import {
  fileStamp,
  mustCheck,
  readCheckState,
  statePath,
  walLeft,
  writeCheckState,
  type CheckReason,
  type CheckState,
} from './startupCheck';

export interface CoreHostOptions extends Omit<AppCoreOptions, 'backups'> {
  /** Sweeps, digest and watched folder while the core is open (startBackground). */
  background?: boolean;
  /** A backup when the newest is a day old: checked at start and every `backupCheckMs` (default 1 h). */
  dailyBackups?: boolean;
  backupCheckMs?: number;
  /** Electron: the save dialog; resolves to the chosen path or null (cancelled). */
  chooseExportPath?: (suggested: string) => Promise<string | null>;
  /** Called with each opened core (start-up and after a restore); may return a stop function. */
  onOpen?: (core: AppCore) => (() => void) | void;
}

export interface CoreHost extends BackupApi {
  dispatch: Dispatch;
  /** The open core, or null in recovery mode. */
  core(): AppCore | null;
  /** Why the last opening checked the file (null: skipped, the last session closed it cleanly). */
  startupCheck(): { reason: CheckReason; ran: boolean };
  log: (msg: string, err?: unknown) => void;
  close(): void;
}

const defaultLog = (msg: string, err?: unknown) => console.error(`[aslm] ${msg}`, err ?? '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createCoreHost(opts: CoreHostOptions): CoreHost {
  if (isPgUrl(opts.dbPath)) return createPgCoreHost(opts);
  const log = opts.log ?? defaultLog;
  const dbPath = resolve(opts.dbPath);
  const dir = backupDir(dbPath);
  try {
    migrateLegacyBackups(dbPath);
  } catch (e) {
    log("the backups of the shared backups/ folder could not be moved into the database's own", e);
  }
  let core: AppCore | null = null;
  let problem: ShellStatus['problem'] = null;
  const stops: (() => void)[] = [];
  let inflight = 0;
  // The start-up check's state (startupCheck.ts): what the next start needs to know.
  let lastOkAt = 0;
  let suspect = false;
  let lastCheck: { reason: CheckReason; ran: boolean } = { reason: null, ran: false };
  const saveState = (state: Omit<CheckState, 'lastOkAt' | 'suspect'>) => {
    try {
      writeCheckState(dbPath, { ...state, lastOkAt, suspect });
    } catch (e) {
      // Without a state the next start checks the file: never leave an old "clean" one behind.
      log('the start-up check state could not be written; the next start will check the database', e);
      try {
        rmSync(statePath(dbPath), { force: true });
      } catch {
        /* the check runs anyway when it cannot be read */
      }
    }
  };
  const UNCLEAN = { clean: false, size: 0, mtimeMs: 0 };
  // Backups, restore and export run one at a time (a restore never closes the file under a running backup).
  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.then(fn, fn);
    lock = run.catch(() => undefined);
    return run;
  };

  const status = (): ShellStatus => ({
    mode: core ? 'normal' : 'recovery',
    problem,
    dbPath,
    backupDir: dir,
    saveDialog: Boolean(opts.chooseExportPath),
    exportSuggestion: exportSuggestion(Date.now()),
  });

  function open(restored = false): void {
    problem = null;
    // A database on a network share is refused before anything touches it (docs/rules.md §11.7).
    try {
      assertLocalDatabasePath(opts.dbPath); // as given: on Linux resolve() makes `\\server\share` a local name
      assertLocalDatabasePath(dbPath);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problem = { kind: 'unopenable', detail: e.code, code: e.code, params: { path: opts.dbPath } };
      log(`the database is on a network drive (${dbPath}); it must be on this PC's own disk`);
      return;
    }
    if (existsSync(dbPath)) {
      const state = readCheckState(dbPath);
      lastOkAt = state?.lastOkAt ?? 0;
      suspect = state?.suspect ?? false;
      const reason: CheckReason = restored
        ? 'changed'
        : mustCheck(state, fileStamp(dbPath), walLeft(dbPath), Date.now());
      lastCheck = { reason, ran: reason !== null };
      saveState(UNCLEAN); // until this session closes the file cleanly
      if (reason !== null) {
        const check = checkIntegrity(dbPath);
        if (!check.ok) {
          problem = { kind: 'damaged', detail: check.detail.slice(0, 500) };
          log(`the database failed its start-up check (${check.detail}); starting in recovery mode`);
          return;
        }
        lastOkAt = Date.now();
        suspect = false;
        saveState(UNCLEAN);
      }
    } else {
      lastOkAt = Date.now(); // a new database: nothing to check yet
      suspect = false;
      lastCheck = { reason: null, ran: false };
    }
    try {
      core = createAppCore({ ...opts, dbPath, log, backups: api });
    } catch (e) {
      core = null;
      problem = { kind: 'unopenable', detail: String((e as Error)?.message ?? e).slice(0, 500) };
      log('the database could not be opened; starting in recovery mode', e);
      return;
    }
    const opened = core;
    if (restored) {
      // Nothing sent twice: what the backup holds as due and unsent may have gone out since; it waits for a manager.
      // Its transaction takes the store's turn now: the background's recovery and deliveries queue behind it.
      void opened.outbox.holdAfterRestore(opened.clock.now()).then(
        (held) => {
          if (held > 0)
            log(`restore: ${held} e-mail(s) due before the restore held for "send again" (Settings → E-mail)`);
        },
        (e: unknown) => log('holding the restored outbox failed', e),
      );
    }
    if (opts.background) stops.push(startBackground(opened));
    const off = opts.onOpen?.(opened);
    if (off) stops.push(off);
  }

  function shut(): void {
    for (const stop of stops.splice(0)) {
      try {
        stop();
      } catch (e) {
        log('stopping a job failed', e);
      }
    }
    if (core) {
      try {
        core.close();
        saveState({ clean: true, ...fileStamp(dbPath) });
      } catch (e) {
        log('closing the database failed', e);
      }
    }
    core = null;
  }

  async function drain(): Promise<void> {
    for (let waited = 0; inflight > 0 && waited < 10_000; waited += 20) await sleep(20);
  }

  const api: BackupApi = {
    status,
    list: (check) => listBackupsOut(dbPath, check),
    create: () =>
      exclusive(async () => {
        if (!core) throw new AppError('RECOVERY_MODE');
        const sqlite = core.store?.sqlite;
        if (!sqlite) throw new AppError('BACKUP_UNAVAILABLE_ON_POSTGRES');
        try {
          const b = await createBackup(sqlite, dir, Date.now());
          lastOkAt = Date.now(); // the copy, page for page, passed its check
          return { file: b.file, at: Math.round(b.at), size: b.size, check: 'ok' as const };
        } catch (e) {
          log('backup failed', e);
          // The copy of the open file is damaged: the next start checks the file itself.
          if (e instanceof BackupIntegrityError) {
            suspect = true;
            saveState(UNCLEAN);
          }
          throw new AppError('BACKUP_FAILED');
        }
      }),
    restore: (file) =>
      exclusive(async () => {
        const entry = BACKUP_FILE.test(file) ? listBackups(dir).find((b) => b.file === file) : undefined;
        if (!entry) throw new AppError('BACKUP_NOT_FOUND', { field: 'file', params: { file } });
        // Checked in full before anything is touched: a damaged copy leaves the running app as it was.
        if (!checkIntegrity(entry.path, true).ok)
          throw new AppError('BACKUP_DAMAGED', { field: 'file', params: { file } });
        await drain();
        // The readers' connections are closed before the file is replaced (Windows keeps an open file in place).
        await core?.readerPool?.close();
        shut();
        try {
          restoreBackup(dbPath, entry.path, true);
        } catch (e) {
          log('restore failed', e);
          open();
          throw new AppError('RESTORE_FAILED', { params: { file } });
        }
        open(true);
        log(`restored ${file} (${core ? 'opened' : 'still in recovery mode'})`);
        return status();
      }),
    exportTo: async (target) => {
      let path = target;
      if (path === null) {
        if (!opts.chooseExportPath) throw new AppError('EXPORT_TARGET_REQUIRED', { field: 'target' });
        path = await opts.chooseExportPath(exportSuggestion(Date.now()));
        if (!path) return { path: null, size: 0 };
      }
      const p = checkExportTarget(path, dbPath, target === null);
      return exclusive(async () => {
        try {
          if (core?.store) await exportDatabase(core.store.sqlite, p);
          else exportRawFile(dbPath, p); // recovery: the damaged file as it is, for support
        } catch (e) {
          log('export failed', e);
          throw new AppError('EXPORT_FAILED', { field: 'target' });
        }
        return { path: p, size: statSync(p).size };
      });
    },
  };

  const shellDispatch = createDispatcher(backupChannels, backupHandlers(api), {
    validateOutput: opts.validateOutput ?? false,
    log,
  });
  const dispatch: Dispatch = async (channel, input, ctx) => {
    const c = core;
    if (typeof channel === 'string' && Object.hasOwn(backupChannels, channel)) {
      // Served here, outside the in-flight count (a restore waits for the other calls, not for itself); with
      // the database open, the same permission check as every other channel (restore and export: manage).
      // In recovery mode nobody can be identified: whoever is at the desk may restore.
      let callCtx = ctx;
      if (c) {
        try {
          callCtx = await c.authenticate(channel, ctx); // sign-in (docs/rules.md §12): the session's user acts
          await c.people.authorize(channel, input, c.actor(callCtx));
        } catch (e) {
          return { ok: false, error: toErrorShape(e, log) };
        }
      }
      return shellDispatch(channel, input, callCtx);
    }
    if (!c) {
      const known = typeof channel === 'string' && Object.hasOwn(contract, channel);
      return { ok: false, error: { code: known ? 'RECOVERY_MODE' : 'UNKNOWN_CHANNEL' } };
    }
    inflight++;
    try {
      return await c.dispatch(channel, input, ctx);
    } finally {
      inflight--;
    }
  };

  open();
  let timer: ReturnType<typeof setInterval> | null = null;
  if (opts.dailyBackups) {
    const tick = () => {
      if (core && dailyBackupDue(dir, Date.now())) api.create().catch(() => undefined);
    };
    tick();
    timer = setInterval(tick, opts.backupCheckMs ?? 60 * 60 * 1000);
    timer.unref?.();
  }

  return {
    ...api,
    dispatch,
    log,
    core: () => core,
    startupCheck: () => lastCheck,
    close: () => {
      if (timer) clearInterval(timer);
      shut();
    },
  };
}
