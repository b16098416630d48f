// Import files read off the main thread (issue #17): an XLSX (a few kilobytes can unzip into hundreds of megabytes)
// or a large CSV is read by a worker thread (tableWorker.ts) with a bounded heap and time, so the core keeps
// answering while it reads and a file beyond the limits (readTable.ts TABLE_LIMITS) is refused with a clear error
// without weighing on the main process. A CSV of a few megabytes (the 50,000-row HQ export is 6 MB) is read in
// place: it parses in a fraction of a second, and handing its rows back from a worker would cost more than that.
// In the packaged app the worker is dist/electron/tableWorker.cjs, unpacked from the asar; from the sources (browser
// mode, CLI, tests) it runs the TypeScript through tsx (as the phone worker: people/phonePool.ts).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/contract/errors';
import type { ErrorCode } from '../../../shared/rules/errors';
import {
  TABLE_LIMITS,
  isZip,
  readTable,
  unreadable,
  xlsxDeclaredSize,
  type ImportTable,
  type TableLimits,
} from './readTable';

export interface TableWorkerData {
  name: string;
  data: Uint8Array;
  limits: TableLimits;
}
export type TableWorkerReply =
  | { ok: true; table: ImportTable }
  | { ok: false; code: ErrorCode; params: Record<string, string | number> }
  | { ok: false; code: null; message: string };

/** A CSV up to this size is read on the main thread. */
export const IN_PLACE_CSV_BYTES = 8 * 1024 * 1024;
/** The worker's heap (a file that unzips beyond it is refused as too big) and its time. */
const WORKER_HEAP_MB = 1536;
const WORKER_MS = 120_000;

/** Set by scripts/build-electron.mjs in the bundled main process (the worker is bundled beside it). */
declare const __ASLM_BUNDLE__: boolean | undefined;

/** The worker: the bundled file beside main.cjs (outside the asar archive), else the TypeScript source through tsx. */
export function startTableWorker(workerData: TableWorkerData): Worker {
  const transferList = [workerData.data.buffer as ArrayBuffer];
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (typeof __ASLM_BUNDLE__ !== 'undefined') {
    return new Worker(join(__dirname, 'tableWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), {
      workerData,
      transferList,
      resourceLimits,
    });
  }
  const file = fileURLToPath(new URL('./tableWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
    transferList,
    resourceLimits,
  });
}

export interface ReadOptions {
  limits?: TableLimits;
  log?: (msg: string, err?: unknown) => void;
  start?: (d: TableWorkerData) => Worker;
  timeoutMs?: number;
}

/** Reads an import file (readTable), off the main thread unless it is a small CSV. Throws IMPORT_UNREADABLE. */
export async function readImportTable(name: string, data: Uint8Array, opts: ReadOptions = {}): Promise<ImportTable> {
  const limits = opts.limits ?? TABLE_LIMITS;
  if (data.byteLength > limits.maxFileBytes) throw unreadable('too_big', { max: limits.maxFileBytes });
  const zip = isZip(data);
  if (!zip && data.byteLength <= IN_PLACE_CSV_BYTES) return readTable(name, data, limits);
  if (zip) {
    // Refused before any unzipping when the zip says so (a lying directory meets the worker's heap limit).
    const size = xlsxDeclaredSize(data);
    if (size !== null && size > limits.maxXlsxBytes) throw unreadable('too_big', { max: limits.maxXlsxBytes });
  }
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[aslm] ${m}`, e ?? ''));
  // The worker gets its own copy (transferred, not copied again): the caller keeps its bytes (hash, commit).
  const copy = new Uint8Array(data);
  let worker: Worker;
  try {
    worker = (opts.start ?? startTableWorker)({ name, data: copy, limits });
  } catch (e) {
    log('the table worker could not start: the file is read on the main thread', e);
    return readTable(name, data, limits);
  }
  return new Promise<ImportTable>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(unreadable('too_big', { max: limits.maxXlsxBytes }))),
      opts.timeoutMs ?? WORKER_MS,
    );
    worker.on('message', (m: TableWorkerReply) =>
      finish(() => {
        if (m.ok) resolve(m.table);
        else if (m.code !== null) reject(new AppError(m.code, { params: m.params }));
        // Not the file's own error (exceljs and the reader raise IMPORT_UNREADABLE): a string or buffer beyond V8's sizes.
        else
          reject(
            /string length|allocation|memory/i.test(m.message)
              ? unreadable('too_big', { max: limits.maxXlsxBytes })
              : new Error(m.message),
          );
      }),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(unreadable('too_big', { max: limits.maxXlsxBytes }));
          return;
        }
        // The worker itself failed (not the file): read it here rather than not at all.
        log('the table worker failed: the file is read on the main thread', e);
        readTable(name, data, limits).then(resolve, reject);
      }),
    );
    worker.on('exit', (code) =>
      finish(() => {
        log(`the table worker exited (${code}) without an answer: the file is read on the main thread`);
        readTable(name, data, limits).then(resolve, reject);
      }),
    );
  });
}
