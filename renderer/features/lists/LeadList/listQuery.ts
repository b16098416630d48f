// A list's query, without React: the address's state (#/list/<view>?q=…&sort=…&dir=…&page=…&who=…) and the
// leads.list input it makes — shared by the list (useListUrlState, useLeadList) and the start-up reads (app/boot.ts),
// so that the first page read at start-up is exactly the one the list asks for.
import type { Input } from '../../../../shared/contract';
import { SORT_KEYS, type SortKey } from '../../../../shared/domain/listLayout';
import type { ListView } from '../../../../shared/domain/vocabulary';

export interface ListUrlState {
  q: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  who: string;
}
export const DEFAULT_URL_STATE: ListUrlState = { q: '', sort: 'default', dir: 'asc', page: 0, who: 'all' };

export function parseListQuery(p: URLSearchParams): ListUrlState {
  const sort = p.get('sort') ?? '';
  const page = Number(p.get('page') ?? '1');
  const who = p.get('who') ?? 'all';
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'default',
    dir: p.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page - 1 : 0,
    who: who === 'mine' || who === 'queue' || /^u:\d+$/.test(who) ? who : 'all',
  };
}

/** The query part for a state: only what differs from the defaults (pages counted from 1, as shown). */
export function listQueryString(s: ListUrlState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.sort !== 'default') p.set('sort', s.sort);
  if (s.dir !== 'asc') p.set('dir', s.dir);
  if (s.page > 0) p.set('page', String(s.page + 1));
  if (s.who !== 'all') p.set('who', s.who);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** What a list asks the core for: the address's state, the person's page size, the assignee filter's query. */
export interface ListState {
  search: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
  assigneeId?: number;
  unassigned?: boolean;
}

export function listInput(view: ListView, state: ListState): Input<'leads.list'> {
  return {
    view,
    search: state.search || undefined,
    sort: state.sort,
    dir: state.dir,
    page: state.page,
    pageSize: state.pageSize,
    assigneeId: state.assigneeId,
    unassigned: state.unassigned,
  };
}
