// Readers: worker threads, each with its own read-only connection, that answer the long reads (readChannels.ts) so
// that My day over thousands of open leads or a search never holds up another desk's call on the main connection,
// the only writer (docs/rules.md §12.3). Used by the host, where several desks call
// at once. A reader that is not ready, has died or is closing is not used: the main core answers instead.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply } from '../../../shared/contract/errors';
import type { ReaderMessage, ReaderRequest, ReaderWorkerData } from './readChannels';

export interface ReaderPool {
  /** The reply of a reader, or null when no reader can take the call (the caller answers it itself). */
  dispatch(channel: string, input: unknown, ctx: ReaderRequest['ctx'], now: number): Promise<Reply<unknown> | null>;
  /** How many readers are ready (for tests and Settings). */
  ready(): number;
  /** How many calls the readers have answered since the start. */
  served(): number;
  /** Resolves when every reader has started (or failed to). */
  started(): Promise<void>;
  close(): Promise<void>;
}

/** Set by scripts/build-electron.mjs in the bundled main process (the worker is bundled beside it). */
declare const __ASLM_BUNDLE__: boolean | undefined;

function startWorker(workerData: ReaderWorkerData): Worker {
  if (typeof __ASLM_BUNDLE__ !== 'undefined')
    return new Worker(join(__dirname, 'readerWorker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), {
      workerData,
    });
  const file = fileURLToPath(new URL('./readerWorker.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
  });
}

interface Reader {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  pending: Map<number, (r: Reply<unknown> | null) => void>;
}

export function createReaderPool(opts: {
  size: number;
  data: ReaderWorkerData;
  log: (msg: string, err?: unknown) => void;
}): ReaderPool {
  let nextId = 1;
  let served = 0;
  let closing = false;
  const readers: Reader[] = [];
  const starts: Promise<void>[] = [];
  for (let i = 0; i < opts.size; i++) {
    const worker = startWorker(opts.data);
    const r: Reader = { worker, ready: false, dead: false, pending: new Map() };
    readers.push(r);
    let onStart: () => void = () => undefined;
    starts.push(new Promise<void>((ok) => (onStart = ok)));
    const fail = (why: string, err?: unknown) => {
      if (r.dead) return;
      r.dead = true;
      r.ready = false;
      if (!closing) opts.log(`reader ${i + 1} stopped (${why}); the main connection answers its calls`, err);
      // Calls it had taken are answered by the main core (a read, so asking it again is harmless).
      for (const done of r.pending.values()) done(null);
      r.pending.clear();
      onStart();
    };
    worker.on('message', (m: ReaderMessage) => {
      if (m.type === 'ready') {
        r.ready = true;
        onStart();
      } else if (m.type === 'reply') {
        const done = r.pending.get(m.id);
        r.pending.delete(m.id);
        served++;
        done?.(m.reply as Reply<unknown>);
      } else fail('could not open the database', m.error);
    });
    worker.on('error', (e) => fail('error', e));
    worker.on('exit', (code) => fail(`exit ${code}`));
  }
  return {
    dispatch(channel, input, ctx, now) {
      if (closing) return Promise.resolve(null);
      // The least busy ready reader.
      let best: Reader | null = null;
      for (const r of readers) if (r.ready && (!best || r.pending.size < best.pending.size)) best = r;
      if (!best) return Promise.resolve(null);
      const id = nextId++;
      const r = best;
      return new Promise((done) => {
        r.pending.set(id, done);
        r.worker.postMessage({ id, channel, input, ctx, now } satisfies ReaderRequest);
      });
    },
    ready: () => readers.filter((r) => r.ready).length,
    served: () => served,
    started: () => Promise.all(starts).then(() => undefined),
    async close() {
      closing = true;
      await Promise.all(readers.map((r) => r.worker.terminate().catch(() => 0)));
      for (const r of readers) for (const done of r.pending.values()) done(null);
    },
  };
}
