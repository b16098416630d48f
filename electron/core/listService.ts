// The read side of the leads on the AsyncStore (issue 15): the list views of docs/rules.md §5 (filter, sort, search and
// page: electron/store/repos/leadList.ts), each answer with its moment, and the lead page (`detail`).
import type { ListView } from '../../shared/domain/vocabulary';
import type { GlobalSearchResult, ListPage, ListQuery } from '../../shared/contract/leads';
import type { LeadDetail } from '../../shared/contract/models';
import { AppError } from '../../shared/contract/errors';
import { availableActions, lostDueAt, sla1DueAt, sla1State, sla2DueAt, sla2State } from '../../shared/rules';
import type { AsyncStore } from '../store/repos/index';
import type { Clock } from './clock';
import type { SettingsService } from './settingsService';
import type { SiteService } from './sites/siteService';

export { VIEW_WHERE, ftsQuery, numberQuery } from '../store/repos/leadList';

/** `site`: one site's leads (the acting person's scope, sites/siteService.ts); absent or null = every site. */
export interface ListService {
  list(q: ListQuery, site?: number | null): Promise<ListPage>;
  counts(site?: number | null): Promise<Record<ListView, number>>;
  /** Every lead matching what was typed in the header, grouped by status: each group's count and its `limit` most recently assigned leads. */
  globalSearch(q: string, limit: number, site?: number | null): Promise<GlobalSearchResult>;
  /** The SQL and parameters of a page, for the benchmark's raw comparison. */
  sql(q: ListQuery, site?: number | null): Promise<{ rows: string; count: string; params: unknown[] }>;
  /** The count of a query without the cache (for the benchmark's "after a write" figure). */
  uncachedCount(q: ListQuery, site?: number | null): Promise<number>;
  /**
   * The lead page: the lead, its contacts, history, vehicle, names and SLA state (NOT_FOUND when there is none); the
   * lead's site when there are several.
   */
  detail(id: number): Promise<LeadDetail>;
}

export function createListService(
  store: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  sites: Pick<SiteService, 'leadSite' | 'multi'>,
): ListService {
  const repo = store.repos.leadList;
  const { leads, contacts, history } = store.repos;
  // The rows carry their lead's site only when there are several (one site: the replies of before, §11.8).
  const noSite = <R extends { siteId?: number }>(rows: R[]): R[] => rows.map(({ siteId: _s, ...r }) => r as R);
  return {
    async detail(id) {
      const lead = await leads.get(id);
      if (!lead) throw new AppError('NOT_FOUND', { params: { id } });
      const now = clock.now();
      const s = settings.rules();
      const name = async (uid: number | null) => (uid === null ? null : ((await leads.userName(uid)) ?? null));
      const num = async (lid: number | null) => (lid === null ? null : ((await leads.number(lid)) ?? null));
      // Independent reads: one wave (PostgreSQL sends them together; SQLite answers each at once).
      const [vehicle, contactRows, historyRows, assigneeName, masterLeadNumber, followUpLeadNumber, siteId] =
        await Promise.all([
          lead.vin ? leads.vehicle(lead.vin).then((v) => v ?? null) : null,
          contacts.ofLead(id),
          history.ofLead(id),
          name(lead.assigneeId),
          num(lead.masterLeadId),
          num(lead.followUpLeadId),
          sites.leadSite(id),
        ]);
      return {
        lead: siteId === undefined ? lead : { ...lead, siteId },
        contacts: contactRows,
        history: historyRows,
        vehicle,
        vinUnknown: lead.vin !== null && vehicle === null,
        assigneeName,
        masterLeadNumber,
        followUpLeadNumber,
        actions: availableActions(lead),
        sla: {
          sla1: sla1State(lead, now, s),
          sla1DueAt: sla1DueAt(lead.assignedAt, s),
          sla2: sla2State(lead, now, s),
          sla2DueAt: sla2DueAt(lead.assignedAt, s),
          lostAt: lead.status === 'assigned' ? lostDueAt(lead.assignedAt, s) : null,
        },
        now,
      };
    },
    list: async (q, site) => {
      const [page, multi] = await Promise.all([repo.list(q, site), sites.multi()]);
      return { ...page, rows: multi ? page.rows : noSite(page.rows), at: clock.now() };
    },
    counts: (site) => repo.counts(site),
    globalSearch: async (q, limit, site) => {
      const [found, multi] = await Promise.all([repo.globalSearch(q, limit, site), sites.multi()]);
      const groups = multi ? found.groups : found.groups.map((g) => ({ ...g, rows: noSite(g.rows) }));
      return { ...found, groups, at: clock.now() };
    },
    sql: (q, site) => repo.sql(q, site),
    uncachedCount: (q, site) => repo.uncachedCount(q, site),
  };
}
