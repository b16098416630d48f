// The AsyncStore over the better-sqlite3 connection (issue 15): the synchronous repositories answering promises, and
// `tx(fn)` serialized in-process.
//
// - One FIFO mutex per store. `tx` takes it, BEGIN IMMEDIATE, awaits `fn(repos)`, COMMIT (ROLLBACK when `fn` rejects),
//   then hands the mutex to the next waiter in arrival order.
// - A repository call through `store.repos` (outside any transaction) while another caller's transaction is open
//   waits for the mutex, so it never reads that transaction's uncommitted writes (one connection: SQLite would show
//   them). With the mutex free it runs at once (no extra turn).
// - Inside `fn`, `store.repos` is the transaction's own connection (same as `fn`'s argument): it runs at once and sees
//   the transaction's writes. `store.tx` inside `fn` is refused (TX_NESTED) instead of waiting for itself forever.
// - A raw `sqlite.transaction(…)()` of code still on the synchronous repositories, started from outside an open async
//   transaction (another call interleaved at one of its awaits), would become a savepoint of that transaction and share
//   its fate: it is refused with the same clear error. Run from inside `fn` (a hook of the transaction), it stays the
//   savepoint it always was.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';
import type { Store } from './db';
import { once } from './repos/prepared';
import { sqliteRepos, type AsyncRepos, type AsyncStore, type Repos } from './repos/index';

/** Runs a repository call now (answering its promise) or after the mutex frees (null: run now). */
type Gate = (call: () => unknown) => Promise<unknown>;

/** A repository's methods answering promises: an error thrown synchronously becomes the rejection. */
function asyncRepo(repo: object, gate: Gate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repo)) {
    if (typeof fn !== 'function') {
      out[name] = fn;
      continue;
    }
    const method = fn as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]): Promise<unknown> => gate(() => method.apply(repo, args));
  }
  return out;
}

function asyncRepos(repos: Repos, gate: Gate): AsyncRepos {
  return Object.fromEntries(
    Object.entries(repos).map(([area, repo]) => [area, asyncRepo(repo as object, gate)]),
  ) as unknown as AsyncRepos;
}

/** The call now: its value, or its error as the rejection. */
function now(call: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(call());
  } catch (e) {
    return Promise.reject(e);
  }
}

export class NestedTransactionError extends Error {
  constructor(what: string) {
    super(`TX_NESTED: ${what} while an asynchronous transaction of this store is open (use the transaction's repos)`);
    this.name = 'NestedTransactionError';
  }
}

/** The transaction a call runs in (its async context), while open. */
interface TxFrame {
  open: boolean;
}

export interface SqliteAsyncStore extends AsyncStore {
  readonly kind: 'sqlite';
  /** The connection underneath (readers, backups, search-index upkeep stay SQLite-only). */
  readonly sqlite: Database;
  /** Whether an asynchronous transaction holds the mutex now. */
  busy(): boolean;
}

/**
 * The AsyncStore of an open SQLite store. `close()` closes the connection once the queued transactions are done.
 * The store's `sqlite.transaction` is wrapped (see the file's head): one async store per connection.
 */
export function sqliteAsyncStore(store: Pick<Store, 'sqlite'>): SqliteAsyncStore {
  const { sqlite } = store;
  const frames = new AsyncLocalStorage<TxFrame>();
  const sync = sqliteRepos(sqlite);
  /** The mutex: `locked` while a transaction (or a read waiting for one) holds it; `waiters` in arrival order. */
  let locked = false;
  const waiters: (() => void)[] = [];
  /** The transaction holding the mutex, while its `fn` runs. */
  let current: TxFrame | null = null;
  const inOpenTx = () => frames.getStore()?.open === true;

  const acquire = (): Promise<void> => {
    if (!locked) {
      locked = true;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => waiters.push(resolve));
  };
  /** Hands the mutex to the next waiter (it stays locked for them) or frees it. */
  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else locked = false;
  };

  // Outside any transaction: run now when the mutex is free (a synchronous call: nothing can interleave), else wait
  // for it in arrival order, run alone, hand it on. Inside a transaction: its own connection, at once.
  const outside: Gate = (call) => {
    if (!locked || inOpenTx()) return now(call);
    return acquire().then(() => {
      try {
        return call();
      } finally {
        release();
      }
    });
  };
  const repos = asyncRepos(sync, outside);
  const txRepos = asyncRepos(sync, now);

  // A raw synchronous transaction from outside the open async one would nest into it (see the file's head).
  const plain = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = plain(fn);
    const guard =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        if (current?.open && !inOpenTx()) throw new NestedTransactionError('a synchronous transaction');
        return run(...args);
      };
    return Object.assign(guard(tx), {
      default: guard(tx.default),
      deferred: guard(tx.deferred),
      immediate: guard(tx.immediate),
      exclusive: guard(tx.exclusive),
    });
  }) as Database['transaction'];

  const begin = once(() => sqlite.prepare('BEGIN IMMEDIATE'));
  const commit = once(() => sqlite.prepare('COMMIT'));
  const rollback = once(() => sqlite.prepare('ROLLBACK'));
  let closed = false;
  const self: SqliteAsyncStore = {
    kind: 'sqlite',
    sqlite,
    repos,
    busy: () => locked,
    async tx<T>(fn: (r: AsyncRepos) => Promise<T>): Promise<T> {
      if (inOpenTx()) throw new NestedTransactionError('store.tx');
      if (closed) throw new Error('The store is closed');
      await acquire();
      const frame: TxFrame = { open: true };
      current = frame;
      try {
        return await frames.run(frame, async () => {
          begin().run();
          try {
            const value = await fn(txRepos);
            commit().run();
            return value;
          } catch (e) {
            // A failed COMMIT (or a statement error SQLite already rolled back) leaves no transaction to roll back.
            if (sqlite.inTransaction) rollback().run();
            throw e;
          }
        });
      } finally {
        frame.open = false;
        current = null;
        release();
      }
    },
    async close() {
      closed = true;
      await acquire(); // after every queued transaction
      sqlite.close();
    },
  };
  return self;
}
