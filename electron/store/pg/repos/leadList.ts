// The list views on PostgreSQL (electron/store/repos/leadList.ts on SQLite): the same filters, orders, search and
// pages. The planner picks the indexes of migration 0001 itself (no INDEXED BY): the views' partial indexes hold the
// default orders, lower(…) stands for COLLATE NOCASE in the orders by name and assignee (as those indexes say it),
// the search runs on leads_search's tsvector (migration 0003, search.ts). Rows and counts as SQLite's repository
// answers them; the Queryable must read int8 as numbers (openPgStore's pool, pgTypes).
import { STATUSES, type ListView, type Status } from '../../../../shared/domain/vocabulary';
import { listQuery, type ListQuery, type ListRow, type SortKey } from '../../../../shared/contract/leads';
import type { Async } from '../../repos/index';
// The views' open set, whole counts (kept by the same triggers), SLA deadline and its sort key: SQLite's, same text.
import {
  ftsQuery,
  listOrder,
  numberQuery,
  OPEN,
  siteWhere,
  SLA_DUE,
  viewCount,
  type LeadListRepo,
} from '../../repos/leadList';
import {
  GLOBAL_SEARCH_RANKED_SQL,
  globalSearchRankedSql,
  globalSearchWordSql,
  searchIdsInViewSql,
  searchWord,
  searchWordSql,
  tsqueryFromFts,
} from '../search';
import type { Queryable } from '../tx';
import { PG_ROW_SELECT, num } from './sql';

/** SQLite's VIEW_WHERE with PostgreSQL's types (v_in_progress is an integer column here too; frozen a boolean). */
export const PG_VIEW_WHERE: Record<ListView, string> = {
  // Without SQLite's repeated open statuses: the planner multiplies the two conditions' selectivities (152 leads
  // expected of 36,538 Not Managed at 1,000,000: a bitmap scan and a sort of them all, 87 ms by name), and it proves
  // `status = 'assigned'` implies the open leads' partial indexes' `status IN (…)` by itself.
  assigned: "l.status = 'assigned'",
  not_managed: "l.status = 'assigned' AND l.contact_attempts = 0",
  in_progress: `${OPEN} AND l.v_in_progress = 1`,
  closed_sale: 'l.v_closed_sale = 1',
  closed_no_sale: 'l.close_reason IS NOT NULL',
  lost: "l.status = 'lost'",
};
/** SQLite's SORT_SQL, COLLATE NOCASE as lower(…): the expressions of migration 0001's sort indexes. */
const SORT_SQL: Record<Exclude<SortKey, 'default'>, string> = {
  name: 'lower(l.last_name) {d}, lower(l.first_name) {d}',
  createdAt: 'l.created_at {d}',
  status: 'l.status {d}',
  source: 'l.source {d}',
  campaign: 'l.campaign {d}',
  contactAttempts: 'l.contact_attempts {d}',
  daysFromCreation: 'l.created_at {r}',
  assignee: 'lower(coalesce(l.assignee_name, {a})) {d}',
  sla: `coalesce(${SLA_DUE}, {n}) {d}`,
};
const NO_ASSIGNEE = { ASC: 'chr(1114111)', DESC: "''" };

type Untimed<T> = Omit<T, 'at'>;
/** The list row with the lead's site, as SQLite's (the list service drops it when there is one site). */
const ROW_SELECT = `${PG_ROW_SELECT}, l.site_id AS "siteId"`;

export function leadListRepoPg(db: Queryable): Async<LeadListRepo> {
  function build(input: ListQuery, site: number | null = null) {
    const q = listQuery.parse(input);
    // In Progress in its default order: v_in_progress = 1 alone (it implies an open status). Said with the open
    // statuses too, the planner takes the two conditions as independent, expects ~4,000 of 44,000 leads at 1,000,000
    // and sorts them all instead of walking leads_v_in_progress (page 100: 58 ms). The other orders keep them: the
    // open leads' sort indexes (0001) are partial on those statuses.
    const where = [q.view === 'in_progress' && q.sort === 'default' ? 'l.v_in_progress = 1' : PG_VIEW_WHERE[q.view]];
    const params: unknown[] = [];
    const bind = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const match = q.search ? ftsQuery(q.search) : null;
    if (q.search && !match) where.push('false');
    const tsqText = match ? tsqueryFromFts(match) : '';
    const tsq = match ? bind(tsqText) : '';
    const filtered = Boolean(q.assigneeId || q.unassigned);
    if (q.assigneeId && q.unassigned) where.push(`(l.assignee_id = ${bind(q.assigneeId)} OR l.assignee_id IS NULL)`);
    else if (q.assigneeId) where.push(`l.assignee_id = ${bind(q.assigneeId)}`);
    else if (q.unassigned) where.push('l.assignee_id IS NULL');
    // Nothing but the view (and the search): its count is the trigger-kept one, a search's leads_search's alone.
    const plain = where.length === 1;
    // One site's leads (docs/rules.md §11): filtered on the leads, counted by the site's trigger-kept rows when whole.
    if (site !== null) where.push(siteWhere(site));
    const order = listOrder(q, SORT_SQL, NO_ASSIGNEE);
    const whereSql = where.join(' AND ');
    // A search's count without a filter: of one prefix word, leads_search_words' view index (migration 0008,
    // index-only, its own parameter; a site's: its site index, 0011); else (several words, phones, numbers, column
    // filters) leads_search's (a site's: its site_id, 0011).
    const word = match && !filtered && plain ? searchWord(tsqText) : null;
    // The view's matches (leads_search's view bits, migration 0005; a site's one word: leads_search_words' site index),
    // or each lead's document probed on the walk.
    const matchSql = !match
      ? ''
      : site !== null && word
        ? `l.id IN (${searchWordSql(word, `substring(${tsq}::text, 2, length(${tsq}::text) - 4)`, q.view, 'id', site)})`
        : `l.id IN (${searchIdsInViewSql(q.view, tsq, site)})`;
    const probeSql = match ? `(SELECT s.doc FROM leads_search s WHERE s.id = l.id) @@ aslm_search_query(${tsq})` : '';
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    const page = (cond: string) =>
      `SELECT ${ROW_SELECT} FROM (SELECT l.id FROM leads l WHERE ${[whereSql, cond].filter(Boolean).join(' AND ')}
        ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) p
        JOIN leads l ON l.id = p.id LEFT JOIN users u ON u.id = l.assignee_id ORDER BY ${order}`;
    return {
      q,
      match: Boolean(match),
      // The page's ids first (from an index when the order has one), then just those rows: of the matches…
      rows: page(matchSql),
      // …or walking the view's index in its default order, each lead's document probed, until the page is full (as
      // SQLite does): for a common prefix, a few hundred probes instead of tens of thousands of matches.
      walk: match && q.sort === 'default' && !filtered ? page(probeSql) : null,
      // A whole view's count is one row of the trigger-kept counts; a search's without a filter, leads_search's alone.
      count:
        plain && !match
          ? viewCount(q.view, site)
          : match && !filtered && plain
            ? `SELECT count(*) AS n FROM (${searchIdsInViewSql(q.view, tsq, site)}) m`
            : `SELECT count(*) AS n FROM leads l WHERE ${[whereSql, matchSql].filter(Boolean).join(' AND ')}`,
      params,
      site,
      // The count as run (of the word, else count and params).
      counted: word
        ? { sql: `SELECT count(*) AS n FROM (${searchWordSql(word, '$1', q.view, 'id', site)}) m`, params: [word] }
        : null,
    };
  }
  const countOf = async (sql: string, params: unknown[]) => num((await db.query(sql, params)).rows[0]?.n);
  const toRows = (rows: ListRow[]): ListRow[] => rows.map((r) => ({ ...r, frozen: Boolean(r.frozen) }));

  const rowsByIds = `SELECT ${ROW_SELECT} FROM leads l LEFT JOIN users u ON u.id = l.assignee_id
    WHERE l.id = ANY($1::int[]) ORDER BY l.assigned_at DESC, l.id DESC`;

  return {
    async globalSearch(raw, limit, site = null): Promise<Untimed<ReturnType<LeadListRepo['globalSearch']>>> {
      const q = raw.normalize('NFKC').trim();
      if (!/\d/.test(q) && [...q].length < 3) return { q: raw, total: 0, groups: [], tooShort: q.length > 0 };
      const match = q.length >= 2 ? ftsQuery(q) : /^\d$/.test(q) ? numberQuery(q) : null;
      if (!match) return { q: raw, total: 0, groups: [] };
      const tsq = tsqueryFromFts(match);
      const word = searchWord(tsq);
      // One site's (docs/rules.md §11): the same on the search tables' site_id (migration 0011).
      const ranked = word
        ? db.query(globalSearchWordSql(word, site), [word, limit])
        : db.query(site === null ? GLOBAL_SEARCH_RANKED_SQL : globalSearchRankedSql(site), [tsq, limit]);
      const hits = (await ranked).rows as {
        id: number;
        status: Status;
        n: number;
      }[];
      const ids = hits.map((r) => r.id);
      const rows = ids.length === 0 ? [] : toRows((await db.query(rowsByIds, [ids])).rows as ListRow[]);
      const counts = new Map(hits.map((r) => [r.status, num(r.n)]));
      const groups = STATUSES.filter((s) => counts.has(s)).map((status) => ({
        status,
        count: counts.get(status)!,
        rows: rows.filter((r) => r.status === status),
      }));
      return { q: raw, total: groups.reduce((a, g) => a + g.count, 0), groups };
    },
    async sql(input, site = null) {
      const b = build(input, site);
      return { rows: b.rows, count: b.count, params: [...b.params, b.q.pageSize, b.q.page * b.q.pageSize] };
    },
    async uncachedCount(input, site = null) {
      const b = build(input, site);
      return b.counted ? countOf(b.counted.sql, b.counted.params) : countOf(b.count, b.params);
    },
    // No count cache here: a whole view's count is one row of the trigger-kept counts; a filtered or searched one is
    // counted again (several cores write the database: there is no cheap "nothing changed" token as SQLite's).
    async list(input, site = null) {
      const b = build(input, site);
      const pageParams = [...b.params, b.q.pageSize, b.q.page * b.q.pageSize];
      if (!b.match) {
        const [rows, total] = await Promise.all([db.query(b.rows, pageParams), countOf(b.count, b.params)]);
        return { rows: toRows(rows.rows as ListRow[]), total, page: b.q.page, pageSize: b.q.pageSize };
      }
      // A search: its count first, then the page by the cheaper way. Walking the view's index probes about
      // (page end) × (view's leads) / (matches) documents; reading the matches costs about as many lookups as there
      // are matches.
      const c = b.counted ?? { sql: b.count, params: b.params };
      const counted = (await db.query(`SELECT (${c.sql}) AS n, (${viewCount(b.q.view, b.site)}) AS v`, c.params))
        .rows[0] as {
        n: unknown;
        v: unknown;
      };
      const total = num(counted.n);
      const probes = ((b.q.page + 1) * b.q.pageSize * num(counted.v)) / Math.max(total, 1);
      const rows = total === 0 ? [] : (await db.query(b.walk && probes < total ? b.walk : b.rows, pageParams)).rows;
      return { rows: toRows(rows as ListRow[]), total, page: b.q.page, pageSize: b.q.pageSize };
    },
    async counts(site = null) {
      const views = Object.keys(PG_VIEW_WHERE) as ListView[];
      // One round trip: each view's count a column.
      const row = (await db.query(`SELECT ${views.map((v) => `(${viewCount(v, site)}) AS ${v}`).join(', ')}`)).rows[0];
      return Object.fromEntries(views.map((v) => [v, num(row?.[v])])) as Record<ListView, number>;
    },
  };
}
