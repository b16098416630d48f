// Sites (docs/rules.md §11.8): a lead's stored deadlines (SLA 1 and 2, the business-day one) follow the rule figures
// of its site — the site's own, else the group's. Written again when the figures that apply change.
import type { RuleSettings } from '../../../shared/domain/settings';
import { sla1DueAt, sla2DueAt } from '../../../shared/rules/sla';
import type { AsyncRepos } from '../../store/repos/index';
import { businessDueAt } from '../kpi/businessDue';
import type { SiteService } from './siteService';

type Row = { id: number; a: number };

/** Writes the deadlines of `rows` (id, assignment time) computed with `rules`. */
export async function writeDeadlines(r: AsyncRepos, rows: readonly Row[], rules: RuleSettings): Promise<void> {
  for (const x of rows) {
    await r.leads.setSlaDue({ d1: sla1DueAt(x.a, rules), d2: sla2DueAt(x.a, rules), id: x.id });
    await r.kpi.setBusinessDue(x.id, businessDueAt(x.a, rules));
  }
}

/** The leads whose site has its own rule figures: a change of the group's leaves their deadlines alone. */
export async function leadsWithOwnRules(sites: SiteService, r: AsyncRepos): Promise<Set<number>> {
  const out = new Set<number>();
  for (const s of await sites.sitesWithOwnRules()) for (const x of await r.sites.assignedAtsAt(s)) out.add(x.id);
  return out;
}
