// The watched folder (optional setting `import.watchFolder`): a file dropped there is imported and
// moved to done/ (imported, even partly) or failed/ (unreadable), with `<name>.report.json` beside it.
// A file is taken only once its size has stayed the same between two scans (still being copied otherwise).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { watchFolderSchema, type WatchFolderSettings } from '../../../shared/contract/import';
import { AppError } from '../../../shared/contract/errors';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/domain/lead';
import type { Clock } from '../clock';
import type { SettingsService } from '../settingsService';
import type { ImportService } from './importService';

export interface WatchResult {
  file: string;
  ok: boolean;
  movedTo: string;
  imported: number;
  error?: string;
}
export interface WatchFolder {
  settings(): WatchFolderSettings;
  set(v: WatchFolderSettings): Promise<WatchFolderSettings>;
  /** One pass over the folder. `settle: false` takes files at once (tests, "scan now"). */
  scan(opts?: { settle?: boolean }): Promise<WatchResult[]>;
  /** Starts polling at the configured interval; returns the stop function. */
  start(): () => void;
}

const ACCEPTED = new Set(['.csv', '.txt', '.tsv', '.xlsx']);

export function createWatchFolder(
  importer: ImportService,
  settings: SettingsService,
  clock: Clock,
  log: (m: string, e?: unknown) => void,
  actor: () => Actor | Promise<Actor> = () => SYSTEM_ACTOR,
): WatchFolder {
  const sizes = new Map<string, number>();
  let running = false;

  const uniqueTarget = (dir: string, name: string) => {
    let target = join(dir, name);
    for (let i = 2; existsSync(target); i++)
      target = join(dir, `${basename(name, extname(name))} (${i})${extname(name)}`);
    return target;
  };

  const w: WatchFolder = {
    settings: () => settings.get('import.watchFolder'),
    async set(v) {
      const parsed = watchFolderSchema.parse(v);
      if (parsed.enabled && (!parsed.path || !existsSync(parsed.path) || !statSync(parsed.path).isDirectory())) {
        throw new AppError('IMPORT_FOLDER_NOT_FOUND', { field: 'path' });
      }
      await settings.set('import.watchFolder', parsed);
      return parsed;
    },
    async scan(opts = {}) {
      const cfg = w.settings();
      if (!cfg.path || !existsSync(cfg.path) || running) return [];
      running = true;
      const out: WatchResult[] = [];
      try {
        for (const name of readdirSync(cfg.path)) {
          const full = join(cfg.path, name);
          if (!ACCEPTED.has(extname(name).toLowerCase()) || name.startsWith('.') || name.startsWith('~$')) continue;
          let st;
          try {
            st = statSync(full);
          } catch {
            continue;
          }
          if (!st.isFile()) continue;
          if (opts.settle !== false) {
            const prev = sizes.get(full);
            sizes.set(full, st.size);
            if (prev !== st.size) continue;
          }
          sizes.delete(full);
          let report: unknown;
          let rejectedCsv: string | null = null;
          let ok = true;
          let imported = 0;
          let error: string | undefined;
          try {
            const r = await importer.commit(
              { name, data: readFileSync(full) },
              { preset: cfg.preset, duplicateDefault: cfg.duplicateDefault, decisions: [] },
              await actor(),
            );
            report = r;
            imported = r.imported;
            if (r.rejected.length > 0)
              rejectedCsv = (await importer.rejectedCsv({ name, data: readFileSync(full) }, { preset: cfg.preset }))
                .content;
          } catch (e) {
            ok = false;
            error = e instanceof AppError ? e.code : 'INTERNAL';
            if (!(e instanceof AppError)) log(`watched folder: import of ${name} failed`, e);
            report = {
              fileName: name,
              at: clock.now(),
              error: e instanceof AppError ? e.toJSON() : { code: 'INTERNAL' },
            };
          }
          const dir = join(cfg.path, ok ? 'done' : 'failed');
          mkdirSync(dir, { recursive: true });
          const target = uniqueTarget(dir, name);
          renameSync(full, target);
          writeFileSync(`${target}.report.json`, JSON.stringify(report, null, 2));
          // The rejected rows as a file beside it, to correct and drop again.
          if (rejectedCsv) writeFileSync(`${target}.rejected.csv`, `\ufeff${rejectedCsv}`);
          out.push({ file: name, ok, movedTo: target, imported, ...(error ? { error } : {}) });
        }
      } finally {
        running = false;
      }
      return out;
    },
    start() {
      let timer: NodeJS.Timeout | null = null;
      let stopped = false;
      const tick = async () => {
        if (stopped) return;
        const cfg = w.settings();
        if (cfg.enabled) await w.scan().catch((e) => log('watched folder scan failed', e));
        if (!stopped) timer = setTimeout(tick, cfg.intervalSeconds * 1000);
      };
      timer = setTimeout(tick, 1000);
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      };
    },
  };
  return w;
}
