// Phone numbers of a file import normalized on the second core: libphonenumber takes ≈ 1 s for 50,000 numbers, which
// a worker thread (phoneWorker.ts) does while the main thread reads the file and checks it against the database.
// The import's transaction takes the results synchronously (`wait`) when it links the new rows to their customers,
// and only if there are new rows; while it waits, the main thread does the chunks the worker has not started. The result is only a cache for customer linking (customerService.assignCustomers
// normalizes whatever it lacks itself), so a worker that cannot start, dies or stalls costs time, never a wrong link.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../shared/domain/vocabulary';
import { normalizePhone, phoneMemoKey, type NormalizedPhone } from '../../../shared/people/phone';
import { CLAIM, type PhoneItem, type PhoneReply, type PhoneRequest, type PhoneWorkerData } from './phoneProtocol';

export type { PhoneItem } from './phoneProtocol';

export interface PhoneBatch {
  /** Queues a number (a repeat of an earlier one is dropped); the worker starts on each chunk at once. */
  add(phone: string, country: string | null, language: Language): void;
  /** No more numbers: the last chunk goes to the worker. */
  end(): void;
  /**
   * Returns the numbers (by `phoneMemoKey`): the chunks the worker has not started are normalized here meanwhile,
   * then it blocks until the worker has answered the others; partial when the worker failed or made no progress for
   * a while (the caller normalizes what is missing).
   */
  wait(): ReadonlyMap<string, NormalizedPhone | null>;
  /** Nobody will wait for it: the worker skips what it has not started yet. */
  cancel(): void;
}
export interface PhonePool {
  /** Starts the worker ahead of a batch (its start-up overlaps reading the file). */
  warm(): void;
  batch(): PhoneBatch;
  close(): void;
}

/** Set by scripts/build-electron.mjs in the bundled main process (the worker is bundled beside it). */
declare const __ASLM_BUNDLE__: boolean | undefined;

/** The worker: the bundled file beside main.cjs (outside the asar archive), else the TypeScript source through tsx. */
export function startPhoneWorker(workerData: PhoneWorkerData): Worker {
  const transferList = [workerData.port];
  if (typeof __ASLM_BUNDLE__ !== 'undefined') {
    return new Worker(join(__dirname, 'phoneWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), {
      workerData,
      transferList,
    });
  }
  const file = fileURLToPath(new URL('./phoneWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
    transferList,
  });
}

/** Numbers per message: small enough that the first ones are done while the file is still being read. */
const CHUNK = 2000;
/** A worker that answers nothing for this long is given up (a chunk takes ≈ 50 ms). */
const STALL_MS = 3000;

export function createPhonePool(
  log: (msg: string, err?: unknown) => void,
  start: (d: PhoneWorkerData) => Worker = startPhoneWorker,
  stallMs = STALL_MS,
): PhonePool {
  const replyCount = new SharedArrayBuffer(4);
  const count = new Int32Array(replyCount);
  let worker: Worker | null = null;
  let replies: MessagePort | null = null;
  let broken = false;
  let nextBatch = 1;
  type Chunk = { keys: string[]; items: PhoneItem[]; claim: Int32Array };
  /** Per open batch: its chunks not answered yet, and where the answers go. */
  const open = new Map<number, { chunks: Map<number, Chunk>; map: Map<string, NormalizedPhone | null> }>();

  const stop = () => {
    broken = true;
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
  const put = (map: Map<string, NormalizedPhone | null>, keys: string[], out: PhoneReply['out']) => {
    for (let i = 0; i < keys.length; i++) {
      const o = out[i];
      map.set(keys[i]!, o === null || o === undefined ? null : { e164: o[0], valid: o[1] });
    }
  };
  /** Takes the replies already sent (no waiting). */
  const drain = () => {
    for (let m = replies && receiveMessageOnPort(replies); m; m = replies && receiveMessageOnPort(replies)) {
      const r = m.message as PhoneReply;
      const b = open.get(r.batch);
      const c = b?.chunks.get(r.chunk);
      if (!b || !c) continue;
      b.chunks.delete(r.chunk);
      put(b.map, c.keys, r.out);
    }
  };
  const ensure = (): Worker | null => {
    if (worker || broken) return worker;
    const { port1, port2 } = new MessageChannel();
    try {
      worker = start({ replies: replyCount, port: port2 });
    } catch (e) {
      port1.close();
      fail(e);
      return null;
    }
    replies = port1;
    worker.unref(); // never keeps the CLI or a test alive: whoever needs the numbers waits for them (`wait`)
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!broken) fail(new Error(`phone worker exited (${code})`));
    });
    return worker;
  };

  return {
    warm: () => {
      ensure();
    },
    batch() {
      const id = nextBatch++;
      const seen = new Set<string>();
      const entry = { chunks: new Map<number, Chunk>(), map: new Map<string, NormalizedPhone | null>() };
      open.set(id, entry);
      let next = 0;
      let pending: { keys: string[]; items: PhoneItem[] } = { keys: [], items: [] };
      const post = () => {
        if (pending.items.length === 0) return;
        const claim = new SharedArrayBuffer(4);
        const c: Chunk = { ...pending, claim: new Int32Array(claim) };
        entry.chunks.set(next, c);
        ensure()?.postMessage({ batch: id, chunk: next, claim, items: c.items } satisfies PhoneRequest);
        next++;
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
          drain();
          // Help: the chunks the worker has not started are done here, from the last one back (it goes forward).
          for (const [n, c] of [...entry.chunks].reverse()) {
            if (Atomics.compareExchange(c.claim, 0, CLAIM.FREE, CLAIM.MAIN) !== CLAIM.FREE) continue;
            put(
              entry.map,
              c.keys,
              c.items.map(([p, co, l]) => {
                const r = normalizePhone(p, co, l);
                return r === null ? null : [r.e164, r.valid];
              }),
            );
            entry.chunks.delete(n);
          }
          // Then the worker's: the answers of the chunks it took.
          let seenCount = Atomics.load(count, 0);
          let idle = 0;
          for (;;) {
            drain();
            if (entry.chunks.size === 0 || broken) break;
            Atomics.wait(count, 0, seenCount, 50);
            const now = Atomics.load(count, 0);
            if (now !== seenCount) {
              seenCount = now;
              idle = 0;
              continue;
            }
            idle += 50;
            if (idle >= stallMs) {
              fail(new Error(`phone worker answered nothing for ${stallMs} ms`));
              break;
            }
          }
          open.delete(id);
          return entry.map;
        },
        cancel() {
          for (const c of entry.chunks.values()) Atomics.compareExchange(c.claim, 0, CLAIM.FREE, CLAIM.CANCELLED);
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
