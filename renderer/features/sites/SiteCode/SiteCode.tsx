// A lead's site where every site's leads are listed together (docs/rules.md §11.8): its short code, its name as the
// element's title. A plain element (no component): a list page shows it on each of its 50–200 rows.
import type { SiteOfLead } from '../useSites';

/** `sites`: useSitesShown's (null: nothing to show); a site not known (just added elsewhere): its id. */
export function siteCode(siteId: number | undefined, sites: Map<number, SiteOfLead> | null) {
  if (!sites || siteId === undefined) return null;
  const s = sites.get(siteId);
  return (
    <span title={s?.name} data-site-id={siteId} style={CODE}>
      {s?.code ?? String(siteId)}
    </span>
  );
}

const CODE = { whiteSpace: 'nowrap' } as const;
