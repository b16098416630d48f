// Which site's KPI figures a call gets (issue 15, docs/rules.md §11). One site: none (null: the figures and SQL of a
// one-site installation, no site in the replies). Several: a person working at one site gets that site's, whatever
// asked; a group-wide person (a group manager) the site asked for (null: all sites, rolled up with each site's), else
// the header's choice (sites/siteService.ts scope).
import type { Actor } from '../../../shared/domain/lead';
import type { SiteRow } from '../../store/repos/sites';
import type { SiteService } from '../sites/siteService';

export interface KpiSites {
  /** null = all sites. */
  siteId: number | null;
  /** The person works at `siteId`: no choice. */
  fixed: boolean;
  list: SiteRow[];
}

/** `requested`: a site id, null = all sites, undefined = not said (the person's header choice). */
export async function kpiSites(
  sites: SiteService,
  actor: Actor,
  requested: number | null | undefined,
): Promise<KpiSites | null> {
  if (typeof requested === 'number') await sites.ensure(requested);
  if (!(await sites.multi())) return null;
  const list = await sites.list();
  const own = await sites.ownSite(actor);
  if (own !== null) return { siteId: own, fixed: true, list };
  return { siteId: requested === undefined ? await sites.scope(actor) : requested, fixed: false, list };
}
