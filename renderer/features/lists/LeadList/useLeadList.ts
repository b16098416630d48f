// Loads one page of a list view from the core; re-queries when view, search, sort or page change, and when the
// core reports a change to leads (live updates, docs/rules.md §12).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPage, SortKey } from '../../../../shared/contract/leads';
import type { AppErrorShape } from '../../../../shared/contract';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { invoke } from '../../../platform';
import { listChanged, useLiveRefresh } from '../../../app/live';

export interface ListState {
  search: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
  assigneeId?: number;
  unassigned?: boolean;
}

/** `enabled` false: wait (the person's page size or who "mine" is is not known yet). */
export function useLeadList(view: ListView, state: ListState, enabled = true) {
  const [data, setData] = useState<ListPage | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    const r = await invoke('leads.list', {
      view,
      search: state.search || undefined,
      sort: state.sort,
      dir: state.dir,
      page: state.page,
      pageSize: state.pageSize,
      assigneeId: state.assigneeId,
      unassigned: state.unassigned,
    });
    if (mine !== seq.current) return; // a newer query superseded this one
    setLoading(false);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [view, state.search, state.sort, state.dir, state.page, state.pageSize, state.assigneeId, state.unassigned]);
  useEffect(() => {
    if (enabled) void load();
  }, [load, enabled]);
  // Another desk (or a sweep) changed leads: the same page, search, sort and filter are read again.
  useLiveRefresh(listChanged, () => {
    if (enabled) void load();
  });
  return { data, error, loading, reload: load };
}
