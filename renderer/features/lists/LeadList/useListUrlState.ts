// The list's state lives in the address: #/list/<view>?q=…&sort=…&dir=…&page=…&who=… — so it survives opening a
// lead and coming back (link, Back button, reload). Changes replace the current history entry (typing a search
// does not fill the history); a navigation to the view's bare address starts from the defaults again.
import { useCallback, useEffect, useState } from 'react';
import { SORT_KEYS, type SortKey } from '../../../../shared/domain/listLayout';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { currentQuery } from '../../../app/router';

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

export function useListUrlState(view: ListView): [ListUrlState, (patch: Partial<ListUrlState>) => void] {
  const [state, setState] = useState<ListUrlState>(() => parseListQuery(currentQuery()));
  useEffect(() => {
    const on = () => setState(parseListQuery(currentQuery()));
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  const update = useCallback(
    (patch: Partial<ListUrlState>) => {
      setState((s) => {
        const next = { ...s, ...patch };
        const hash = `#/list/${encodeURIComponent(view)}${listQueryString(next)}`;
        if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
        return next;
      });
    },
    [view],
  );
  return [state, update];
}
