// The list's state lives in the address: #/list/<view>?q=…&sort=…&dir=…&page=…&who=… — so it survives opening a
// lead and coming back (link, Back button, reload). Changes replace the current history entry (typing a search
// does not fill the history); a navigation to the view's bare address starts from the defaults again.
import { useCallback, useEffect, useState } from 'react';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { currentQuery } from '../../../app/router';
import { listQueryString, parseListQuery, type ListUrlState } from './listQuery';

export { DEFAULT_URL_STATE, listQueryString, parseListQuery, type ListUrlState } from './listQuery';

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
