// A list's query, without React: the address's state (#/list/<view>?q=…&sort=…&dir=…&page=…&who=…) read and written;
// the leads.list input it makes is shared with the core's start-up reads (shared/contract/listQuery.ts).
import { SORT_KEYS, type SortKey } from '../../../../shared/domain/listLayout';
import type { ListUrlState } from '../../../../shared/contract/listQuery';

export {
  DEFAULT_URL_STATE,
  firstPageInput,
  listInput,
  type ListState,
  type ListUrlState,
} from '../../../../shared/contract/listQuery';

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
