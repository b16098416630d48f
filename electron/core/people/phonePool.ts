// Phone numbers of a file import normalized on the second core: libphonenumber takes ≈ 1 s for 50,000 numbers, which
// a worker thread (phoneWorker.ts) does while the main thread reads the file and writes the database. The result is
// only a cache for customer linking (customerService.assignCustomers normalizes whatever it lacks itself), so a
// worker that cannot start or fails costs time, never a wrong link.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../shared/domain/vocabulary';
import { phoneMemoKey, type NormalizedPhone } from '../../../shared/people/phone';

/** A number to normalize: as `normalizePhone(phone, country, language)`. */
export type PhoneItem = [phone: string, country: string | null, language: Language];
export interface PhoneRequest { batch: number; slot: number; chunk: number; items: PhoneItem[] }
export interface PhoneReply { batch: number; chunk: number; skipped: boolean; out: ([e164: string | null, valid: boolean] | null)[] }
export interface PhoneWorkerData { cancelled: SharedArrayBuffer }

export interface PhoneBatch {
  /** Queues a number (a repeat of an earlier one is dropped); the worker starts on each chunk at once. */
  add(phone: string, country: string | null, language: Language): void;
  /** No more numbers: the last chunk goes to the worker. */
  end(): void;
  /** The numbers normalized so far once every chunk is answered (by `phoneMemoKey`); partial if the worker failed. */
  done(): Promise<ReadonlyMap<string, NormalizedPhone | null>>;
  /** Nobody will wait for it: the worker skips what it has not started yet. */
  cancel(): void;
}
export interface PhonePool {
  batch(): PhoneBatch;
  close(): void;
}

/** Set by scripts/build-electron.mjs in the bundled main process (the worker is bundled beside it). */
declare const __ASLM_BUNDLE__: boolean | undefined;

/** The worker: the bundled file beside main.cjs (outside the asar archive), else the TypeScript source through tsx. */
function startWorker(workerData: PhoneWorkerData): Worker {
  if (typeof __ASLM_BUNDLE__ !== 'undefined') {
    return new Worker(join(__dirname, 'phoneWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), { workerData });
  }
  const file = fileURLToPath(new URL('./phoneWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, { eval: true, workerData });
}

const SLOTS = 1024;
/** Numbers per message: small enough that the first ones are done while the file is still being read. */
const CHUNK = 2000;

export function createPhonePool(log: (msg: string, err?: unknown) => void, start: (d: PhoneWorkerData) => Worker = startWorker): PhonePool {
  const cancelled = new SharedArrayBuffer(SLOTS * 4);
  const flags = new Int32Array(cancelled);
  let worker: Worker | null = null;
  let broken = false;
  let nextBatch = 1;
  /** Per batch: its open chunks' keys, and what to do once all are answered. */
  const open = new Map<number, { chunks: Map<number, string[]>; map: Map<string, NormalizedPhone | null>; settle: () => void }>();
  let busy = 0;

  const fail = (err: unknown) => {
    if (broken) return;
    broken = true;
    log('phone worker failed: numbers are normalized on the main thread', err);
    for (const b of [...open.values()]) { b.chunks.clear(); b.settle(); }
    void worker?.terminate();
    worker = null;
  };
  const ensure = (): Worker | null => {
    if (worker || broken) return worker;
    try {
      worker = start({ cancelled });
    } catch (e) {
      fail(e);
      return null;
    }
    worker.unref(); // never keeps the CLI or a test alive
    worker.on('message', (r: PhoneReply) => {
      const b = open.get(r.batch);
      const keys = b?.chunks.get(r.chunk);
      if (!b || !keys) return;
      b.chunks.delete(r.chunk);
      if (!r.skipped) r.out.forEach((o, i) => b.map.set(keys[i]!, o === null ? null : { e164: o[0], valid: o[1] }));
      if (--busy === 0) worker?.unref();
      if (b.chunks.size === 0) b.settle();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0 || open.size > 0) fail(new Error(`phone worker exited (${code})`)); worker = null; });
    return worker;
  };

  return {
    batch() {
      const id = nextBatch++;
      const slot = id % SLOTS;
      Atomics.store(flags, slot, 0);
      const seen = new Set<string>();
      const map = new Map<string, NormalizedPhone | null>();
      let chunk = 0;
      let pending: { keys: string[]; items: PhoneItem[] } = { keys: [], items: [] };
      let resolve!: () => void;
      const settled = new Promise<void>((r) => { resolve = r; });
      const entry = { chunks: new Map<number, string[]>(), map, settle: () => { open.delete(id); resolve(); } };
      open.set(id, entry);
      const post = () => {
        if (pending.items.length === 0) return;
        const w = ensure();
        if (w) {
          entry.chunks.set(chunk, pending.keys);
          if (busy++ === 0) w.ref(); // a batch being waited for keeps the process alive
          w.postMessage({ batch: id, slot, chunk: chunk++, items: pending.items } satisfies PhoneRequest);
        }
        pending = { keys: [], items: [] };
      };
      return {
        add(phone, country, language) {
          const k = phoneMemoKey(phone, country, language);
          if (seen.has(k)) return;
          seen.add(k);
          pending.keys.push(k);
          pending.items.push([phone, country, language]);
          if (pending.items.length === CHUNK) post();
        },
        end: () => post(),
        async done() {
          post();
          if (entry.chunks.size === 0) entry.settle();
          await settled;
          return map;
        },
        cancel() {
          Atomics.store(flags, slot, id);
          pending = { keys: [], items: [] };
          if (entry.chunks.size === 0) entry.settle();
        },
      };
    },
    close() {
      for (const b of [...open.values()]) { b.chunks.clear(); b.settle(); }
      void worker?.terminate();
      worker = null;
      broken = true;
    },
  };
}
