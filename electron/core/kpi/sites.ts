// Which site's KPI figures a call gets (issue 15, docs/rules.md §11). One site: none (null: the figures and SQL of a
// one-site installation, no site in the replies). Several: a person working at one site gets that site's, whatever
// asked; a group-wide person (a group manager) the site asked for, else all sites (rolled up, with each site's).
import { AppError } from '../../../shared/contract/errors';
import type { Actor } from '../../../shared/domain/lead';
import type { AsyncStore } from '../../store/repos/index';

export interface KpiSites {
  /** null = all sites. */
  siteId: number | null;
  /** The person works at `siteId`: no choice. */
  fixed: boolean;
  list: { id: number; code: string; name: string }[];
}

/** `requested`: a site id, null = all sites, undefined = not said (all sites for a group-wide person). */
export async function kpiSites(
  store: AsyncStore,
  actor: Actor,
  requested: number | null | undefined,
): Promise<KpiSites | null> {
  const list = await store.repos.kpiReport.sites();
  if (list.length <= 1) {
    if (typeof requested === 'number' && !list.some((s) => s.id === requested))
      throw new AppError('SITE_UNKNOWN', { field: 'siteId' });
    return null;
  }
  const own = actor.id === null ? null : await store.repos.kpiReport.userSite(actor.id);
  if (own !== null) return { siteId: own, fixed: true, list };
  if (typeof requested === 'number' && !list.some((s) => s.id === requested))
    throw new AppError('SITE_UNKNOWN', { field: 'siteId' });
  return { siteId: requested ?? null, fixed: false, list };
}
