import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './db';
import { NestedTransactionError, sqliteAsyncStore, type SqliteAsyncStore } from './sqliteAsync';
import type { AsyncRepos } from './repos/index';

let dir: string;
let raw: Store;
let store: SqliteAsyncStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslm-async-'));
  raw = openStore(join(dir, 'a.db'));
  store = sqliteAsyncStore(raw);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A setting's stored value, read straight from the connection (what is in the file or the open transaction). */
const value = (key: string) => raw.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
const put = (r: AsyncRepos, key: string, v: unknown) => r.settings.upsert(key, v, 1);

describe('the SQLite AsyncStore: one transaction per tx, committed or rolled back', () => {
  it.each([
    {
      name: 'fn resolves: committed, its value answered',
      fn: async (r: AsyncRepos) => {
        await put(r, 'k', 'a');
        await put(r, 'k2', 'b');
        return 'done';
      },
      answer: 'done',
      after: { k: '"a"', k2: '"b"' },
    },
    {
      name: 'fn throws after writing: rolled back, the same error rejected',
      fn: async (r: AsyncRepos) => {
        await put(r, 'k', 'a');
        throw new RangeError('nope');
      },
      error: RangeError,
      after: { k: undefined, k2: undefined },
    },
    {
      name: 'a repository throws synchronously (NOT NULL): a rejection, the earlier write rolled back',
      fn: async (r: AsyncRepos) => {
        await put(r, 'k', 'a');
        await put(r, null as unknown as string, 'x');
      },
      error: Error,
      after: { k: undefined, k2: undefined },
    },
    {
      name: 'fn awaits a timer between writes: both committed together',
      fn: async (r: AsyncRepos) => {
        await put(r, 'k', 'a');
        await sleep(5);
        await put(r, 'k2', 'b');
        return 1;
      },
      answer: 1,
      after: { k: '"a"', k2: '"b"' },
    },
  ])('$name', async ({ fn, answer, error, after }) => {
    const p = store.tx<unknown>(fn);
    if (error) await expect(p).rejects.toBeInstanceOf(error);
    else await expect(p).resolves.toBe(answer);
    expect({ k: value('k'), k2: value('k2') }).toEqual(after);
    expect(raw.sqlite.inTransaction).toBe(false);
    expect(store.busy()).toBe(false);
  });

  it('a repository error outside a transaction is a rejection, not a throw', async () => {
    let p: Promise<unknown> | undefined;
    expect(() => (p = store.repos.settings.upsert(null as unknown as string, 1, 1))).not.toThrow();
    await expect(p).rejects.toThrow(/NOT NULL/);
  });

  it('two concurrent transactions with an await inside run one after the other (no lost update)', async () => {
    await store.tx((r) => put(r, 'n', 0));
    const log: string[] = [];
    const bump = (who: string) =>
      store.tx(async (r) => {
        log.push(`${who} begin`);
        const n = JSON.parse((await r.settings.value('n'))!) as number;
        await sleep(10);
        await put(r, 'n', n + 1);
        log.push(`${who} end`);
        return n;
      });
    const answers = await Promise.all([bump('A'), bump('B'), bump('C')]);
    expect(answers).toEqual([0, 1, 2]);
    expect(log).toEqual(['A begin', 'A end', 'B begin', 'B end', 'C begin', 'C end']);
    expect(value('n')).toBe('3');
  });

  it('a failed transaction hands the mutex on: the next one runs and commits', async () => {
    const first = store.tx(async (r) => {
      await put(r, 'k', 'a');
      await sleep(5);
      throw new Error('first fails');
    });
    const second = store.tx(async (r) => {
      expect(await r.settings.value('k')).toBeUndefined();
      await put(r, 'k2', 'b');
    });
    await expect(first).rejects.toThrow('first fails');
    await second;
    expect({ k: value('k'), k2: value('k2') }).toEqual({ k: undefined, k2: '"b"' });
  });

  it.each([
    { name: 'committed', fail: false, seen: '"new"' },
    { name: 'rolled back', fail: true, seen: '"old"' },
  ])('a read outside waits for the open transaction ($name) and never sees its uncommitted write', async (c) => {
    await store.tx((r) => put(r, 'k', 'old'));
    const order: string[] = [];
    const tx = store.tx(async (r) => {
      await put(r, 'k', 'new');
      await sleep(20);
      order.push('tx done');
      if (c.fail) throw new Error('rollback');
    });
    await sleep(1); // the transaction has written and is waiting on its timer
    expect(value('k')).toBe('"new"'); // the connection itself shows it (one connection)…
    const read = store.repos.settings.value('k').then((v) => {
      order.push('read');
      return v;
    });
    await tx.catch(() => undefined);
    expect(await read).toBe(c.seen); // …the read through the store waited for the end of the transaction
    expect(order).toEqual(['tx done', 'read']);
  });

  it('a read with the mutex free answers at once (no wait for anything)', async () => {
    await store.tx((r) => put(r, 'k', 'a'));
    expect(store.busy()).toBe(false);
    expect(await store.repos.settings.value('k')).toBe('"a"');
  });

  it("store.repos inside the transaction is the transaction's connection: it sees its writes, does not wait", async () => {
    const seen = await store.tx(async (r) => {
      await put(r, 'k', 'inside');
      return store.repos.settings.value('k');
    });
    expect(seen).toBe('"inside"');
  });

  it('a nested tx is refused at once (no deadlock); the outer one decides what happens', async () => {
    const kept = await store.tx(async (r) => {
      await put(r, 'k', 'a');
      const nested = store.tx((r2) => put(r2, 'k2', 'b'));
      await expect(nested).rejects.toBeInstanceOf(NestedTransactionError);
      await expect(nested).rejects.toThrow(/TX_NESTED/);
      return 'outer';
    });
    expect(kept).toBe('outer');
    expect({ k: value('k'), k2: value('k2') }).toEqual({ k: '"a"', k2: undefined });
    // Propagated, it rolls the outer one back.
    await expect(store.tx(async (r) => (await put(r, 'k3', 'c'), store.tx(async () => 1)))).rejects.toThrow(
      /TX_NESTED/,
    );
    expect(value('k3')).toBeUndefined();
  });

  it('a tx started after the outer one ended, from a task the outer one started, runs normally', async () => {
    let later: Promise<unknown> | undefined;
    await store.tx(async (r) => {
      await put(r, 'k', 'a');
      later = sleep(5).then(() => store.tx((r2) => put(r2, 'k2', 'b')));
    });
    await later;
    expect(value('k2')).toBe('"b"');
  });

  it('a raw synchronous transaction interleaved with an open one is refused; from inside, it is a savepoint', async () => {
    const tx = store.tx(async (r) => {
      await put(r, 'k', 'a');
      raw.sqlite.transaction(() => raw.sqlite.prepare("INSERT INTO settings VALUES ('in', '1', 1)").run())();
      await sleep(10);
    });
    await sleep(1);
    expect(() =>
      raw.sqlite.transaction(() => raw.sqlite.prepare("INSERT INTO settings VALUES ('out', '1', 1)").run())(),
    ).toThrow(NestedTransactionError);
    await tx;
    expect({ in: value('in'), out: value('out') }).toEqual({ in: '1', out: undefined });
    // With no async transaction open, the raw transactions work as before.
    raw.sqlite.transaction(() => raw.sqlite.prepare("INSERT INTO settings VALUES ('out', '2', 1)").run())();
    expect(value('out')).toBe('2');
  });

  it('close waits for the queued transactions', async () => {
    const tx = store.tx(async (r) => {
      await sleep(10);
      await put(r, 'k', 'a');
    });
    const closing = store.close();
    await tx;
    await closing;
    expect(raw.sqlite.open).toBe(false);
    raw = openStore(join(dir, 'a.db'));
    expect(value('k')).toBe('"a"');
    store = sqliteAsyncStore(raw);
  });
});
