// The import's phone worker: the same results as normalizePhone on the main thread, batches that are cancelled or
// outlive a failed worker still end (with what was done), and a worker that cannot start only costs time.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/domain/vocabulary';
import { normalizePhone, phoneMemoKey } from '../../../shared/people/phone';
import { createPhonePool, startPhoneWorker, type PhoneItem } from './phonePool';
import { CLAIM } from './phoneProtocol';

const CORPUS: PhoneItem[] = [
  ['+39 333 123 4567', 'IT', 'it'],
  ['0039 333 1234567', null, 'it'],
  ['333 1234567', 'Italia', 'it'],
  ['02 1234 5678', null, 'it'],
  ['06 12 34 56 78', 'FR', 'fr'],
  ['+33 6 12 34 56 78', 'France', 'fr'],
  ['0170 1234567', 'DE', 'de'],
  ['+49 30 123456', null, 'de'],
  ['079 123 45 67', 'CH', 'de'],
  ['07700 900123', 'GB', 'en'],
  ['12', 'IT', 'it'],
  ['not a number', 'IT', 'it'],
  ['+999 123', null, 'en'],
  ['333 1234567', 'FR', 'fr'],
  ['333 1234567', null, 'de'],
  ['  +39 (0)2 1234-5678 ', 'IT', 'it'],
  ['0664 1234567', 'AT', 'de'],
];
/** 5,000 numbers (three chunks of the pool) with repeats. */
const many = (): PhoneItem[] =>
  Array.from({ length: 5000 }, (_, i) => [
    `+39 3${String((i * 7919) % 4000).padStart(9, '4')}`,
    i % 3 ? 'IT' : null,
    (['it', 'en', 'fr', 'de'] as Language[])[i % 4]!,
  ]);

const expected = (items: PhoneItem[]) =>
  new Map(items.map(([p, c, l]) => [phoneMemoKey(p, c, l), normalizePhone(p, c, l)]));

describe('phone worker pool', () => {
  it('normalizes on the worker thread exactly as normalizePhone does (each distinct number once)', async () => {
    const logs: string[] = [];
    let replies: Int32Array | null = null;
    const pool = createPhonePool(
      (m) => logs.push(m),
      (d) => {
        replies = new Int32Array(d.replies);
        return startPhoneWorker(d);
      },
    );
    try {
      let answered = 0;
      for (const items of [CORPUS, many()]) {
        const b = pool.batch();
        for (const [p, c, l] of items) b.add(p, c, l);
        b.end();
        // Time for the worker to do them all (nothing left for the main thread to help with).
        const chunks = Math.ceil(new Set(items.map(([p, c, l]) => phoneMemoKey(p, c, l))).size / 2000);
        for (let t = 0; t < 100 && Atomics.load(replies!, 0) < answered + chunks; t++)
          await new Promise((r) => setTimeout(r, 50));
        answered += chunks;
        expect(Atomics.load(replies!, 0)).toBe(answered);
        const got = b.wait();
        expect(got).toEqual(expected(items));
        expect(got.size).toBe(new Set(items.map(([p, c, l]) => phoneMemoKey(p, c, l))).size);
      }
      const empty = pool.batch();
      expect(empty.wait().size).toBe(0);
      expect(logs).toEqual([]);
    } finally {
      pool.close();
    }
  });

  it('a cancelled batch ends without its work; batches after it are answered in full', async () => {
    const pool = createPhonePool(() => undefined);
    try {
      const stale = pool.batch();
      for (const [p, c, l] of many()) stale.add(p, c, l);
      stale.end();
      stale.cancel();
      const next = pool.batch();
      for (const [p, c, l] of CORPUS) next.add(p, c, l);
      expect(next.wait()).toEqual(expected(CORPUS));
      // The cancelled batch gives what it had (nothing: its chunks were answered after the cancel, or skipped).
      expect(stale.wait().size).toBe(0);
    } finally {
      pool.close();
    }
  });

  it('a worker that cannot start or dies: the waiting main thread normalizes the numbers itself; the failure is logged', async () => {
    const logs: string[] = [];
    const cannot = createPhonePool(
      (m) => logs.push(m),
      () => {
        throw new Error('no worker here');
      },
    );
    const b = cannot.batch();
    for (const [p, c, l] of CORPUS) b.add(p, c, l);
    expect(b.wait()).toEqual(expected(CORPUS));
    expect(logs).toEqual(['phone worker failed: numbers are normalized on the main thread']);
    cannot.close();

    logs.length = 0;
    const dies = createPhonePool(
      (m) => logs.push(m),
      () => new Worker('process.exit(3)', { eval: true }),
      300,
    );
    const d = dies.batch();
    for (const [p, c, l] of many()) d.add(p, c, l);
    d.end();
    await new Promise((r) => setTimeout(r, 300));
    expect(logs).toEqual(['phone worker failed: numbers are normalized on the main thread']);
    expect(d.wait()).toEqual(expected(many()));
    dies.close();
  });

  it('a worker that takes chunks and never answers is given up after the stall time: the batch ends without them', async () => {
    const logs: string[] = [];
    // It claims every chunk (so the main thread does not help with them) and answers nothing.
    const claimer = `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (m) => { Atomics.compareExchange(new Int32Array(m.claim), 0, ${CLAIM.FREE}, ${CLAIM.WORKER}); });`;
    const stalls = createPhonePool(
      (m) => logs.push(m),
      () => new Worker(claimer, { eval: true }),
      300,
    );
    const s = stalls.batch();
    for (const [p, c, l] of many()) s.add(p, c, l);
    s.end();
    await new Promise((r) => setTimeout(r, 500)); // the worker has taken them all
    const t = performance.now();
    expect(s.wait().size).toBe(0);
    expect(performance.now() - t).toBeGreaterThanOrEqual(250);
    expect(logs).toEqual(['phone worker failed: numbers are normalized on the main thread']);
    // Later batches are done on the main thread at once.
    const after = stalls.batch();
    for (const [p, c, l] of CORPUS) after.add(p, c, l);
    expect(after.wait()).toEqual(expected(CORPUS));
    stalls.close();
  });

  it('waiting helps: the main thread does the chunks the worker has not started (from the last one back)', () => {
    // A worker that starts late: everything queued is still free when the batch is waited for.
    const slow = `const { parentPort } = require('node:worker_threads'); const t = Date.now(); while (Date.now() - t < 400) {}
      parentPort.on('message', () => {});`;
    const pool = createPhonePool(
      () => undefined,
      () => new Worker(slow, { eval: true }),
      300,
    );
    const b = pool.batch();
    for (const [p, c, l] of many()) b.add(p, c, l);
    expect(b.wait()).toEqual(expected(many()));
    pool.close();
  });
});
