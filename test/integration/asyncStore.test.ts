// The AsyncStore contract, the same tests on both stores (issue 15): SQLite's (electron/store/sqliteAsync.ts, one
// connection, transactions serialized in-process) and PostgreSQL's (electron/store/pg/asyncStore.ts, a pool,
// transactions side by side). One transaction per `tx`, committed or rolled back as a whole; nothing uncommitted
// seen from outside; a nested `tx` refused; the transaction's own writes seen inside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/store/db';
import { pgAsyncStore } from '../../electron/store/pg/asyncStore';
import { openPgStore } from '../../electron/store/pg/migrate';
import type { AsyncRepos, AsyncStore } from '../../electron/store/repos/index';
import { NestedTransactionError, sqliteAsyncStore } from '../../electron/store/sqliteAsync';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase } from '../support/pgDatabase';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const put = (r: AsyncRepos, key: string, v: unknown) => r.settings.upsert(key, v, NOW);

interface Opened {
  store: AsyncStore;
  close(): Promise<void>;
}
const stores: { name: 'sqlite' | 'postgres'; open(): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'aslm-asyncstore-'));
      const store = sqliteAsyncStore(openStore(join(dir, 'a.sqlite')));
      return {
        store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      if (SKIP_PG) throw new Error(SKIP_PG_MESSAGE);
      const db = await createPgTestDatabase('asyncstore');
      const store = pgAsyncStore(await openPgStore(db.url, { max: 4 }));
      return {
        store,
        close: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

describe.each(stores)('the AsyncStore on $name', ({ name, open }) => {
  let opened: Opened;
  let store: AsyncStore;
  let n = 0;
  /** A key no other test wrote. */
  const key = () => `test.k${++n}`;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened?.close());

  it('is the store it says', () => expect(store.kind).toBe(name));

  it.each([
    { label: 'fn resolves: committed, its value answered', fail: false },
    { label: 'fn throws after two writes: both rolled back, the same error', fail: true },
  ])('$label', async ({ fail }) => {
    const [a, b] = [key(), key()];
    const run = store.tx(async (r) => {
      await put(r, a, 1);
      await sleep(5); // another turn of the event loop inside the transaction
      await put(r, b, 2);
      if (fail) throw new RangeError('nope');
      return 'done';
    });
    if (fail) await expect(run).rejects.toBeInstanceOf(RangeError);
    else await expect(run).resolves.toBe('done');
    const after = [await store.repos.settings.value(a), await store.repos.settings.value(b)];
    expect(after).toEqual(fail ? [undefined, undefined] : ['1', '2']);
  });

  it('a read from outside while a transaction is open never sees its uncommitted write', async () => {
    const k = key();
    await put(store.repos, k, 'before');
    let startOutside!: () => void;
    const outside = new Promise<void>((r) => (startOutside = r)).then(() => store.repos.settings.value(k));
    await expect(
      store.tx(async (r) => {
        await put(r, k, 'uncommitted');
        startOutside();
        await sleep(20);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outside).toBe('"before"');
    expect(await store.repos.settings.value(k)).toBe('"before"');
  });

  it("inside the transaction, its own repositories and the store's see its writes", async () => {
    const k = key();
    await store.tx(async (r) => {
      await put(r, k, 'mine');
      expect(await r.settings.value(k)).toBe('"mine"');
      expect(await store.repos.settings.value(k)).toBe('"mine"'); // a hook calling the store's repositories
    });
  });

  it('a nested tx is refused at once, the outer transaction goes on and commits', async () => {
    const k = key();
    await store.tx(async (r) => {
      await expect(store.tx(async () => 'inner')).rejects.toBeInstanceOf(NestedTransactionError);
      await put(r, k, 'outer');
    });
    expect(await store.repos.settings.value(k)).toBe('"outer"');
  });

  it('transactions started together all commit, each counter value given once', async () => {
    const counter = `test:counter:${name}`;
    const values = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.tx(async (r) => {
          const v = await r.leads.nextSeq(counter);
          await sleep(2);
          return v;
        }),
      ),
    );
    expect([...values].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await store.repos.leads.nextSeq(counter)).toBe(7);
  });
});
