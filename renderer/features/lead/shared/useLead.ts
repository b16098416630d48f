// Loads a lead's detail; keeps the core's `now` (detail.now + time elapsed since) for the rules.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { LeadDetail } from '../../../../shared/contract/models';
import { invoke } from '../../../platform';

export interface LeadState {
  detail: LeadDetail | null;
  error: AppErrorShape | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Replace the detail with the fresh one an action returned. */
  setDetail(d: LeadDetail): void;
  /** The core's clock, as of now: detail.now plus the time elapsed since it was read. */
  coreNow(): number;
}

export function useLead(id: number): LeadState {
  const [detail, setDetailState] = useState<LeadDetail | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const readAt = useRef(Date.now());
  const seq = useRef(0);
  const setDetail = useCallback((d: LeadDetail) => {
    readAt.current = Date.now();
    setDetailState(d);
    setError(null);
  }, []);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    const r = await invoke('leads.get', { id });
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.ok) setDetail(r.value);
    else {
      setError(r.error);
      setDetailState(null);
    }
  }, [id, setDetail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const coreNow = useCallback(() => (detail ? detail.now + (Date.now() - readAt.current) : Date.now()), [detail]);
  return { detail, error, loading, reload, setDetail, coreNow };
}
