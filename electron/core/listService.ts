// The list views of docs/rules.md §5 (filter, sort, search and page: electron/store/repos/leadList.ts), each answer
// with its moment.
import type { ListView } from '../../shared/domain/vocabulary';
import type { GlobalSearchResult, ListPage, ListQuery } from '../../shared/contract/leads';
import type { AsyncStore } from '../store/repos/index';
import type { Clock } from './clock';

export { VIEW_WHERE, ftsQuery, numberQuery } from '../store/repos/leadList';

export interface ListService {
  list(q: ListQuery): Promise<ListPage>;
  counts(): Promise<Record<ListView, number>>;
  /** Every lead matching what was typed in the header, grouped by status: each group's count and its `limit` most recently assigned leads. */
  globalSearch(q: string, limit: number): Promise<GlobalSearchResult>;
  /** The SQL and parameters of a page, for the benchmark's raw comparison. */
  sql(q: ListQuery): Promise<{ rows: string; count: string; params: unknown[] }>;
  /** The count of a query without the cache (for the benchmark's "after a write" figure). */
  uncachedCount(q: ListQuery): Promise<number>;
}

export function createListService(store: AsyncStore, clock: Clock): ListService {
  const repo = store.repos.leadList;
  return {
    list: async (q) => ({ ...(await repo.list(q)), at: clock.now() }),
    counts: () => repo.counts(),
    globalSearch: async (q, limit) => ({ ...(await repo.globalSearch(q, limit)), at: clock.now() }),
    sql: (q) => repo.sql(q),
    uncachedCount: (q) => repo.uncachedCount(q),
  };
}
