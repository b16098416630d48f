// Loads one page of a list view from the core; re-queries when view, search, sort or page change, and when the
// core reports a change to leads (live updates, docs/rules.md §12). The first page at start-up is the one read by
// app/boot.ts (the same input): no second round trip.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPage } from '../../../../shared/contract/leads';
import type { AppErrorShape } from '../../../../shared/contract';
import type { ListView } from '../../../../shared/domain/vocabulary';
import { peekBoot } from '../../../app/boot';
import { invoke } from '../../../platform';
import { listChanged, useLiveRefresh } from '../../../app/live';
import { listInput, type ListState } from './listQuery';

export type { ListState } from './listQuery';

/** `enabled` false: wait (the person's page size or who "mine" is is not known yet). */
export function useLeadList(view: ListView, state: ListState, enabled = true) {
  const [data, setData] = useState<ListPage | null>(() =>
    enabled ? (peekBoot('leads.list', listInput(view, state)) ?? null) : null,
  );
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  // Answered at start-up: the first load is already done.
  const skipFirst = useRef(data !== null);
  const { search, sort, dir, page, pageSize, assigneeId, unassigned } = state;
  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    const r = await invoke(
      'leads.list',
      listInput(view, { search, sort, dir, page, pageSize, assigneeId, unassigned }),
    );
    if (mine !== seq.current) return; // a newer query superseded this one
    setLoading(false);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [view, search, sort, dir, page, pageSize, assigneeId, unassigned]);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    if (enabled) void load();
  }, [load, enabled]);
  // Another desk (or a sweep) changed leads: the same page, search, sort and filter are read again.
  useLiveRefresh(listChanged, () => {
    if (enabled) void load();
  });
  return { data, error, loading, reload: load };
}
