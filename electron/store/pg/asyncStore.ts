// The PostgreSQL AsyncStore (issue 15): the same contract as SQLite's (../sqliteAsync.ts), on a pool.
// - `repos`: each call on the pool, its own statement, reading committed data only.
// - `tx(fn)`: one pooled connection, BEGIN … COMMIT (ROLLBACK when `fn` rejects, a broken connection not returned to
//   the pool — tx.ts). Transactions of several requests, or of several app cores, run side by side: PostgreSQL
//   isolates them (read committed; conflicting writes wait for each other's row locks), where SQLite serializes.
// - Inside `fn`, `store.repos` is the transaction's connection too (a hook calling the store's repositories sees the
//   transaction's writes, as on SQLite); `store.tx` inside `fn` is refused (TX_NESTED) — on a pool it would take a
//   second connection and could wait forever for the first's locks.
import { AsyncLocalStorage } from 'node:async_hooks';
import { NestedTransactionError } from '../sqliteAsync';
import type { AsyncRepos, AsyncStore } from '../repos/index';
import type { PgStore } from './migrate';
import { pgReadRepos } from './repos/readSide';
import { pgWriteRepos } from './repos/index';
import { withTransaction, type Queryable } from './tx';

/** Every repository on one connection (the pool, or a transaction's client). */
export function pgRepos(q: Queryable): AsyncRepos {
  return { ...pgWriteRepos(q), ...pgReadRepos(q) };
}

export interface PgAsyncStore extends AsyncStore {
  readonly kind: 'postgres';
  readonly pg: PgStore;
  /** The connection of the transaction open in the calling async context (null: none), e.g. for its pg_notify. */
  openTransaction(): Queryable | null;
}

export function pgAsyncStore(store: PgStore): PgAsyncStore {
  const frames = new AsyncLocalStorage<{ repos: AsyncRepos; client: Queryable; open: boolean }>();
  const onPool = pgRepos(store.pool);
  // `store.repos` follows the transaction of the calling async context, if one is open.
  const repos = new Proxy(onPool, {
    get(target, area: keyof AsyncRepos) {
      const frame = frames.getStore();
      return (frame?.open ? frame.repos : target)[area];
    },
  });
  return {
    kind: 'postgres',
    pg: store,
    repos,
    openTransaction() {
      const frame = frames.getStore();
      return frame?.open ? frame.client : null;
    },
    tx<T>(fn: (r: AsyncRepos) => Promise<T>): Promise<T> {
      if (frames.getStore()?.open) return Promise.reject(new NestedTransactionError('tx'));
      return withTransaction(store.pool, async (client) => {
        const frame = { repos: pgRepos(client), client, open: true };
        try {
          return await frames.run(frame, () => fn(frame.repos));
        } finally {
          frame.open = false;
        }
      });
    },
    close: () => store.close(),
  };
}
