// The sites and what the person at the desk sees (docs/rules.md §11), loaded from the core once per page.
import { useCallback, useEffect, useMemo, useState } from 'react';
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

export type SiteOfLead = SitesInfo['sites'][number];

/**
 * The sites by id where each lead's site is shown (docs/rules.md §11.8), else null. With several sites only, and —
 * unless `anyScope` (the lead page names its site whatever is in view) — only with "All sites" in view: the leads
 * listed are then of several sites; with one site in view they all are of it.
 */
export function sitesShown(info: SitesInfo | null, anyScope = false): Map<number, SiteOfLead> | null {
  if (!info?.multi || (!anyScope && info.scope.siteId !== null)) return null;
  return new Map(info.sites.map((s) => [s.id, s]));
}

/** `sitesShown` of the sites loaded once per page (null until loaded). */
export function useSitesShown(anyScope = false): Map<number, SiteOfLead> | null {
  const { info } = useSites();
  return useMemo(() => sitesShown(info, anyScope), [info, anyScope]);
}
