// Phone numbers of a file import normalized on the second core: libphonenumber takes ≈ 1 s for 50,000 numbers, which
// a worker thread (phoneWorker.ts) does while the main thread reads the file and checks it against the database.
// The import's transaction takes the results synchronously (`wait`) when it links the new rows to their customers,
// and only if there are new rows. The result is only a cache for customer linking (customerService.assignCustomers
// normalizes whatever it lacks itself), so a worker that cannot start, dies or stalls costs time, never a wrong link.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../shared/domain/vocabulary';
import { phoneMemoKey, type NormalizedPhone } from '../../../shared/people/phone';
import { SLOTS, type PhoneItem, type PhoneReply, type PhoneRequest, type PhoneWorkerData } from './phoneProtocol';

export type { PhoneItem } from './phoneProtocol';

export interface PhoneBatch {
  /** Queues a number (a repeat of an earlier one is dropped); the worker starts on each chunk at once. */
  add(phone: string, country: string | null, language: Language): void;
  /** No more numbers: the last chunk goes to the worker. */
  end(): void;
  /**
   * Blocks until the worker has answered every chunk and returns the numbers (by `phoneMemoKey`); partial when the
   * worker failed or made no progress for a while (the caller normalizes what is missing).
   */
  wait(): ReadonlyMap<string, NormalizedPhone | null>;
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
  const transferList = [workerData.port];
  if (typeof __ASLM_BUNDLE__ !== 'undefined') {
    return new Worker(join(__dirname, 'phoneWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), { workerData, transferList });
  }
  const file = fileURLToPath(new URL('./phoneWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, { eval: true, workerData, transferList });
}

/** Numbers per message: small enough that the first ones are done while the file is still being read. */
const CHUNK = 2000;
/** A worker that answers nothing for this long is given up (a chunk takes ≈ 50 ms). */
const STALL_MS = 3000;

export function createPhonePool(log: (msg: string, err?: unknown) => void, start: (d: PhoneWorkerData) => Worker = startWorker, stallMs = STALL_MS): PhonePool {
  const shared = new SharedArrayBuffer((SLOTS + 1) * 4);
  const flags = new Int32Array(shared);
  let worker: Worker | null = null;
  let replies: MessagePort | null = null;
  let broken = false;
  let nextBatch = 1;
  /** Per open batch: its unanswered chunks' keys and where the answers go. */
  const open = new Map<number, { chunks: Map<number, string[]>; map: Map<string, NormalizedPhone | null> }>();

  const stop = () => {
    broken = true;
    open.clear();
    void worker?.terminate();
    replies?.close();
    worker = null;
    replies = null;
  };
  const fail = (err: unknown) => {
    if (broken) return;
    log('phone worker failed: numbers are normalized on the main thread', err);
    stop();
  };
  /** Takes the replies already sent (no waiting). */
  const drain = () => {
    for (let m = replies && receiveMessageOnPort(replies); m; m = replies && receiveMessageOnPort(replies)) {
      const r = m.message as PhoneReply;
      const b = open.get(r.batch);
      const keys = b?.chunks.get(r.chunk);
      if (!b || !keys) continue;
      b.chunks.delete(r.chunk);
      if (!r.skipped) r.out.forEach((o, i) => b.map.set(keys[i]!, o === null ? null : { e164: o[0], valid: o[1] }));
      if (b.chunks.size === 0) open.delete(r.batch);
    }
  };
  const ensure = (): Worker | null => {
    if (worker || broken) return worker;
    const { port1, port2 } = new MessageChannel();
    try {
      worker = start({ shared, port: port2 });
    } catch (e) {
      port1.close();
      fail(e);
      return null;
    }
    replies = port1;
    worker.unref(); // never keeps the CLI or a test alive: whoever needs the numbers waits for them (`wait`)
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!broken) fail(new Error(`phone worker exited (${code})`)); });
    return worker;
  };

  return {
    batch() {
      const id = nextBatch++;
      const slot = id % SLOTS;
      Atomics.store(flags, slot, 0);
      const seen = new Set<string>();
      const entry = { chunks: new Map<number, string[]>(), map: new Map<string, NormalizedPhone | null>() };
      open.set(id, entry);
      let chunk = 0;
      let pending: { keys: string[]; items: PhoneItem[] } = { keys: [], items: [] };
      const post = () => {
        const w = pending.items.length > 0 ? ensure() : null;
        if (w) {
          entry.chunks.set(chunk, pending.keys);
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
        end: post,
        wait() {
          post();
          let count = Atomics.load(flags, SLOTS);
          let idle = 0;
          for (;;) {
            drain();
            if (entry.chunks.size === 0 || broken) break;
            Atomics.wait(flags, SLOTS, count, 50);
            const now = Atomics.load(flags, SLOTS);
            if (now !== count) { count = now; idle = 0; continue; }
            idle += 50;
            if (idle >= stallMs) { fail(new Error(`phone worker answered nothing for ${stallMs} ms`)); break; }
          }
          open.delete(id);
          return entry.map;
        },
        cancel() {
          Atomics.store(flags, slot, id);
          pending = { keys: [], items: [] };
          entry.chunks.clear(); // its late answers are dropped (`drain`), and `wait` returns what it has
          open.delete(id);
          drain();
        },
      };
    },
    close: stop,
  };
}
