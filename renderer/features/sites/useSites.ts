// The sites and what the person at the desk sees (docs/rules.md §11), loaded from the core once per page.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { invoke } from '../../platform';

export type SitesInfo = Output<'sites.list'>;

let shared: Promise<SitesInfo | null> | null = null;
const load = (): Promise<SitesInfo | null> =>
  (shared ??= invoke('sites.list', {}).then((r) => (r.ok ? r.value : null)));

/** The sites (null until loaded); `reload` after a change. */
export function useSites(): { info: SitesInfo | null; reload(): Promise<void> } {
  const [info, setInfo] = useState<SitesInfo | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((v) => {
      if (live) setInfo(v);
    });
    return () => {
      live = false;
    };
  }, []);
  const reload = useCallback(async () => {
    shared = null;
    setInfo(await load());
  }, []);
  return { info, reload };
}
