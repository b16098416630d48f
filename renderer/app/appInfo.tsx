// What the core says about itself (mode, lead count, current user), plus the view counts.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../shared/contract';
import { invoke } from '../platform';
import { listChanged, useLiveRefresh } from './live';
import { peekBoot } from './boot';

type Info = Output<'app.info'>;
type Counts = Output<'leads.counts'>['counts'];
interface Ctx {
  info: Info | null;
  counts: Counts | null;
  refresh(): Promise<void>;
}
const InfoCtx = createContext<Ctx>({ info: null, counts: null, refresh: async () => undefined });

export function AppInfoProvider({ children }: { children: ReactNode }) {
  // Read at start-up (app/boot.ts): no first refresh.
  const [booted] = useState(() => ({ info: peekBoot('app.info', {}), counts: peekBoot('leads.counts', {}) }));
  const [info, setInfo] = useState<Info | null>(booted.info ?? null);
  const [counts, setCounts] = useState<Counts | null>(booted.counts?.counts ?? null);
  const refresh = useCallback(async () => {
    const [i, c] = await Promise.all([invoke('app.info', {}), invoke('leads.counts', {})]);
    if (i.ok) setInfo(i.value);
    if (c.ok) setCounts(c.value.counts);
  }, []);
  useEffect(() => {
    if (!booted.info || !booted.counts) void refresh();
    const id = setInterval(() => void refresh(), 60_000);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(id);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, booted]);
  // The View menu's counts follow the changes committed on any desk (live updates, docs/rules.md §12).
  useLiveRefresh(
    (m) => listChanged(m) || m.type === 'settings.changed',
    () => void refresh(),
  );
  return <InfoCtx.Provider value={{ info, counts, refresh }}>{children}</InfoCtx.Provider>;
}
export const useAppInfo = () => useContext(InfoCtx);
