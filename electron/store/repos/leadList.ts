// The list views of docs/rules.md §5: filter, sort, search (FTS5) and page, in SQL (electron/core/listService.ts
// adds the moment of the answer).
import type { Statement } from 'better-sqlite3';
import { STATUSES, type ListView, type Status } from '../../../shared/domain/vocabulary';
import {
  listQuery,
  type GlobalSearchResult,
  type ListPage,
  type ListQuery,
  type ListRow,
  type SortKey,
} from '../../../shared/contract/leads';
import { reverseTail } from '../searchDoc';
import type { Sqlite } from './prepared';

/** The WHERE clause of each view (the manual's list view definitions). */
/**
 * The open leads (said again in each open view: the condition of the open-lead sort indexes, migration 0019, which
 * SQLite uses only when the query says it word for word).
 */
/** The open statuses (SQL shared with the PostgreSQL repository: the same text in both dialects). */
export const OPEN = "l.status IN ('assigned', 'appointment')";
export const VIEW_WHERE: Record<ListView, string> = {
  assigned: `${OPEN} AND l.status = 'assigned'`,
  not_managed: `${OPEN} AND l.status = 'assigned' AND l.contact_attempts = 0`,
  // = (status assigned with ≥ 1 attempt) or (appointment not yet final): a virtual column (migration 0002)
  in_progress: `${OPEN} AND l.v_in_progress = 1`,
  // = status closed_sale or appointment (the manual's Closed In Sale list shows Appointment Taken too)
  closed_sale: 'l.v_closed_sale = 1',
  closed_no_sale: 'l.close_reason IS NOT NULL',
  lost: "l.status = 'lost'",
};
export const OPEN_VIEWS = new Set<ListView>(['assigned', 'not_managed', 'in_progress']);
/**
 * Every view's whole count is kept by triggers in the same transaction as each write (migrations 0007 and 0017):
 * the views that are a set of statuses sum lead_day_counts, the others read lead_view_counts — instead of counting
 * up to 130,000 index entries again after every write of any desk.
 */
const STATUS_VIEWS: Partial<Record<ListView, string>> = {
  assigned: "'assigned'",
  closed_sale: "'closed_sale', 'appointment'",
  lost: "'lost'",
};
/**
 * A view's whole count: every site's (the rows of each site summed: one per site in lead_view_counts), or one site's
 * (`site`: an integer, written into the SQL; site_id is the last column of both keys, migration 0020).
 */
export const viewCount = (view: ListView, site?: number | null): string => {
  const statuses = STATUS_VIEWS[view];
  const bySite = site == null ? '' : ` AND site_id = ${Math.trunc(site)}`;
  return statuses
    ? `SELECT coalesce(sum(n), 0) AS n FROM lead_day_counts WHERE status IN (${statuses})${bySite}`
    : `SELECT coalesce(sum(n), 0) AS n FROM lead_view_counts WHERE view = '${view}'${bySite}`;
};

export const SLA_DUE =
  'CASE WHEN l.first_contact_at IS NULL THEN l.sla1_due_at WHEN l.qualified_at IS NULL THEN l.sla2_due_at END';
const SORT_SQL: Record<Exclude<SortKey, 'default'>, string> = {
  name: 'l.last_name COLLATE NOCASE {d}, l.first_name COLLATE NOCASE {d}',
  createdAt: 'l.created_at {d}',
  status: 'l.status {d}',
  source: 'l.source {d}',
  campaign: 'l.campaign {d}',
  contactAttempts: 'l.contact_attempts {d}',
  daysFromCreation: 'l.created_at {r}',
  // The assignee's name kept on the lead (migration 0015), the leads without one last in either direction: one key
  // per direction, as the two indexes hold them.
  assignee: 'coalesce(l.assignee_name, {a}) COLLATE NOCASE {d}',
  // = (SLA_DUE) IS NULL, SLA_DUE {d}: the leads without a deadline last (by id), as one key per direction so that the
  // expression indexes of migration 0014 hold the order (a closed list's page: 0.2–1 s at 250,000 leads → 20–70 ms).
  sla: `coalesce(${SLA_DUE}, {n}) {d}`,
};
/** The key of the leads without an SLA deadline: after every date, in either direction (timestamps are ≥ 0). */
export const NO_SLA = { ASC: '9007199254740991', DESC: '-9007199254740991' };

/**
 * A list query's ORDER BY: the view's default (HQ-driven first, then by assignment: open views oldest first, closed
 * ones newest first) or a column's order with the id last; `sortSql` and `noAssignee`: the dialect's (PostgreSQL
 * writes COLLATE NOCASE as lower(…) and the highest character with chr()).
 */
export function listOrder(
  q: { view: ListView; sort: SortKey; dir?: 'asc' | 'desc' },
  sortSql: Record<Exclude<SortKey, 'default'>, string>,
  noAssignee: { ASC: string; DESC: string },
): string {
  if (q.sort === 'default') {
    const d = OPEN_VIEWS.has(q.view) ? 'ASC' : 'DESC';
    const flip = q.dir === 'desc' ? (d === 'ASC' ? 'DESC' : 'ASC') : d;
    return `l.type_rank ASC, l.assigned_at ${flip}, l.id ${flip}`;
  }
  const d = q.dir === 'desc' ? 'DESC' : 'ASC';
  const r = q.dir === 'desc' ? 'ASC' : 'DESC';
  return `${sortSql[q.sort].replaceAll('{d}', d).replaceAll('{r}', r).replaceAll('{n}', NO_SLA[d]).replaceAll('{a}', noAssignee[d])}, l.id ${d}`;
}

/**
 * The open leads' index for each order (migration 0019) by direction: an open view's page in that order walks it and
 * reads the view's condition from it. (Days from creation sorts by date one way and by lead the other: none fits.)
 */
const OPEN_SORT_INDEX: Partial<Record<SortKey, { ASC: string; DESC: string }>> = {
  name: { ASC: 'leads_open_sort_name', DESC: 'leads_open_sort_name' },
  createdAt: { ASC: 'leads_open_sort_created', DESC: 'leads_open_sort_created' },
  contactAttempts: { ASC: 'leads_open_sort_attempts', DESC: 'leads_open_sort_attempts' },
  sla: { ASC: 'leads_open_sort_sla', DESC: 'leads_open_sort_sla_desc' },
  assignee: { ASC: 'leads_open_sort_assignee', DESC: 'leads_open_sort_assignee_desc' },
};
/** In Progress as its columns say it (the virtual column v_in_progress is read from the table, not from an index). */
const IN_PROGRESS_COLUMNS = `l.status IN ('assigned', 'appointment') AND ((l.status = 'assigned' AND l.contact_attempts > 0) OR (l.status = 'appointment' AND l.frozen = 0))`;
/** The key of the leads without an assignee: after every name in either direction. */
const NO_ASSIGNEE = { ASC: 'char(1114111)', DESC: "''" };

/**
 * An FTS5 query from what the user typed: every word must match as a prefix, in any field. A query
 * that looks like a phone number is matched on the phone digits: as typed from the start, or as the end of
 * the stored number without the query's leading zeros (the reversed tail of migration 0009), so that the
 * national format "01521 730826" and the last digits "730826" find "+49 1521 730826". A query that looks like
 * a lead number ("702", "2026-702", "ASL-2026-000702") also matches the number with its zeros.
 */
export function ftsQuery(raw: string): string | null {
  const q = raw.normalize('NFKC').trim();
  if (!q) return null;
  const number = numberQuery(q);
  // Clearly a lead number ("ASL-702", "2026-702"): just that (its words would match every lead of the year).
  if (number && /\D/.test(q.replace(/^[+\s]+/, '')) && !/^[+\d][\d\s\-./()]{7,}$/.test(q)) return number;
  if (/^[+\d][\d\s\-./()]{3,}$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    if (!digits) return number;
    // The end of the stored number: the query without its trunk zeros; in international format (+ or 00) also
    // without a 1-3 digit country code, so that "+49 1521 730826" finds "01521 730826".
    const tails = new Set<string>();
    const tail = digits.replace(/^0+/, '');
    if (tail) tails.add(tail);
    if (/^(\+|00)/.test(q))
      for (let k = 1; k <= 3 && tail.length - k >= 6; k++) tails.add(tail.slice(k).replace(/^0+/, ''));
    const phone = `phone : (${[`"${digits}"*`, ...[...tails].map((t) => `"r${reverseTail(t)}"*`)].join(' OR ')})`;
    return number ? `(${phone}) OR (${number})` : phone;
  }
  const tokens = q
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (tokens.length === 0) return null;
  const words = tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
  return number ? `(${words}) OR (${number})` : words;
}

/** The lead number part of a query: `ASL-<year>-<6 digits>` (shared/rules/newLead.ts leadNumber) typed in part. */
export function numberQuery(q: string): string | null {
  const m = /^(?:asl)?[\s\-]*(?:(\d{4})[\s\-]+)?0*(\d{1,6})$/i.exec(q);
  if (!m) return null;
  const seq = `number : "${m[2]!.padStart(6, '0')}"`;
  return m[1] ? `number : "${m[1]}" AND ${seq}` : seq;
}

/** A list row's columns, with the lead's site (the list service drops it when there is one site, docs/rules.md §11.8). */
const ROW_SELECT = `l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.created_at AS createdAt,
  l.assigned_at AS assignedAt, l.status, l.frozen, l.lead_type AS leadType, l.source, l.campaign,
  l.contact_attempts AS contactAttempts, l.assignee_id AS assigneeId, u.name AS assigneeName,
  l.first_contact_at AS firstContactAt, l.qualified_at AS qualifiedAt, l.sla1_due_at AS sla1DueAt, l.sla2_due_at AS sla2DueAt, l.site_id AS siteId`;

/** A list answer without its moment (`at`, the service's clock). */
type Untimed<T> = Omit<T, 'at'>;
/**
 * `site`: one site's leads only (docs/rules.md §11); absent or null = every site, the SQL of before (one-site
 * installations never pass one).
 */
export interface LeadListRepo {
  list(q: ListQuery, site?: number | null): Untimed<ListPage>;
  counts(site?: number | null): Record<ListView, number>;
  /** Every lead matching what was typed in the header, grouped by status: each group's count and its `limit` most recently assigned leads. */
  globalSearch(q: string, limit: number, site?: number | null): Untimed<GlobalSearchResult>;
  /** The SQL and parameters of a page, for the benchmark's raw comparison. */
  sql(q: ListQuery, site?: number | null): { rows: string; count: string; params: unknown[] };
  /** The count of a query without the cache (for the benchmark's "after a write" figure). */
  uncachedCount(q: ListQuery, site?: number | null): number;
}

/** A site's condition on the leads (an integer written into the SQL: the statement is prepared once per site). */
export const siteWhere = (site: number): string => `l.site_id = ${Math.trunc(site)}`;

export function leadListRepo(sqlite: Sqlite): LeadListRepo {
  const cache = new Map<string, Statement<unknown[]>>();
  const prep = (sql: string): Statement<unknown[]> => {
    let s = cache.get(sql);
    if (!s) {
      s = sqlite.prepare<unknown[]>(sql);
      cache.set(sql, s);
    }
    return s;
  };

  function build(input: ListQuery, site: number | null = null) {
    const q = listQuery.parse(input);
    const where = [VIEW_WHERE[q.view]];
    const params: unknown[] = [];
    const match = q.search ? ftsQuery(q.search) : null;
    if (q.search && !match) where.push('0');
    if (match) {
      where.push('l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)');
      params.push(match);
    }
    if (q.assigneeId && q.unassigned) {
      where.push('(l.assignee_id = ? OR l.assignee_id IS NULL)');
      params.push(q.assigneeId);
    } else if (q.assigneeId) {
      where.push('l.assignee_id = ?');
      params.push(q.assigneeId);
    } else if (q.unassigned) where.push('l.assignee_id IS NULL');
    // The whole view (of every site, or of the one site): its count is the trigger-kept one.
    const wholeView = where.length === 1;
    if (site !== null) where.push(siteWhere(site));
    const order = listOrder(q, SORT_SQL, NO_ASSIGNEE);
    const whereSql = where.join(' AND ');
    const join = 'LEFT JOIN users u ON u.id = l.assignee_id';
    // The view's own partial index already holds the default order: make SQLite read just that.
    const viewIndex = q.sort === 'default' && !q.assigneeId && !q.unassigned;
    // The view's index for its default order, or the one turned the other way (migration 0018); one site's: the
    // view's index per site (0021), else the whole view's would be walked, each lead read for its site.
    const viewIdx = `leads_${site !== null ? 'site_' : ''}v_${q.view}${q.dir === 'desc' ? '_flip' : ''}`;
    const from = viewIndex && !match ? `leads l INDEXED BY ${viewIdx}` : 'leads l';
    // A search in the default order walks the view's index and probes the full-text index per lead (rowid
    // lookups), stopping at the page: 5–6 ms instead of ~30 ms for a common prefix matching 23,000 leads of
    // 250,000, and faster for rare ones too. The count still starts from the full-text matches.
    // An open view in another order: the open leads' index for that order (migration 0019), when nothing else narrows.
    const openSort =
      q.sort !== 'default' && OPEN_VIEWS.has(q.view) && !match && !q.assigneeId && !q.unassigned
        ? OPEN_SORT_INDEX[q.sort]?.[q.dir === 'desc' ? 'DESC' : 'ASC']
        : undefined;
    const pageFrom = viewIndex
      ? `leads l INDEXED BY ${viewIdx}`
      : openSort
        ? `leads l INDEXED BY ${openSort}`
        : 'leads l';
    const pageWhere = openSort && q.view === 'in_progress' ? IN_PROGRESS_COLUMNS : whereSql;
    return {
      q,
      // Page the ids first (index only), then read just those rows: page 100 costs no more than page 1.
      rows: `SELECT ${ROW_SELECT} FROM leads l ${join} WHERE l.id IN (SELECT l.id FROM ${pageFrom} WHERE ${pageWhere} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
      count: wholeView ? viewCount(q.view, site) : `SELECT count(*) AS n FROM ${from} WHERE ${whereSql}`,
      params,
    };
  }

  // Counts are exact and cached until the next write to the database (by this connection —
  // total_changes() — or by another process — PRAGMA data_version).
  const changes = sqlite.prepare('SELECT total_changes() AS n');
  const countCache = new Map<string, { token: string; n: number }>();
  const writeToken = () => `${(changes.get() as { n: number }).n}:${sqlite.pragma('data_version', { simple: true })}`;
  const cachedCount = (sql: string, params: unknown[]): number => {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const token = writeToken();
    const hit = countCache.get(key);
    if (hit && hit.token === token) return hit.n;
    const n = (prep(sql).get(...params) as { n: number }).n;
    if (countCache.size > 500) countCache.clear();
    countCache.set(key, { token, n });
    return n;
  };

  // One pass over the full-text matches: each lead's rank within its status and its status's count (window
  // functions over the lead ids only), then the rows of the few leads shown.
  const searchRanked = `SELECT id, status, n FROM (SELECT l.id, l.status, count(*) OVER (PARTITION BY l.status) AS n,
    row_number() OVER (PARTITION BY l.status ORDER BY l.assigned_at DESC, l.id DESC) AS rn
    FROM leads l WHERE l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?){site}) WHERE rn <= ?`;

  return {
    globalSearch(raw, limit, site = null) {
      const q = raw.normalize('NFKC').trim();
      // Words of one or two letters are too broad ("ma" matches ~228,000 of 250,000 leads, ~420 ms to count):
      // answer at once and let the search box ask for a third letter. Digits stay (lead number 1-9, 12…).
      if (!/\d/.test(q) && [...q].length < 3) return { q: raw, total: 0, groups: [], tooShort: q.length > 0 };
      const match = q.length >= 2 ? ftsQuery(q) : /^\d$/.test(q) ? numberQuery(q) : null;
      if (!match) return { q: raw, total: 0, groups: [] };
      const ranked = prep(searchRanked.replace('{site}', site === null ? '' : ` AND ${siteWhere(site)}`)).all(
        match,
        limit,
      ) as { id: number; status: Status; n: number }[];
      const ids = ranked.map((r) => r.id);
      const rows =
        ids.length === 0
          ? []
          : (prep(`SELECT ${ROW_SELECT} FROM leads l LEFT JOIN users u ON u.id = l.assignee_id
        WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.assigned_at DESC, l.id DESC`).all(
              JSON.stringify(ids),
            ) as (Omit<ListRow, 'frozen'> & { frozen: number })[]);
      const counts = new Map(ranked.map((r) => [r.status, r.n]));
      const groups = STATUSES.filter((s) => counts.has(s)).map((status) => ({
        status,
        count: counts.get(status)!,
        rows: rows.filter((r) => r.status === status).map((r) => ({ ...r, frozen: r.frozen === 1 })),
      }));
      return { q: raw, total: groups.reduce((a, g) => a + g.count, 0), groups };
    },
    sql(input, site = null) {
      const b = build(input, site);
      return { rows: b.rows, count: b.count, params: [...b.params, b.q.pageSize, b.q.page * b.q.pageSize] };
    },
    uncachedCount(input, site = null) {
      const b = build(input, site);
      return (prep(b.count).get(...b.params) as { n: number }).n;
    },
    list(input, site = null) {
      const b = build(input, site);
      const rows = prep(b.rows).all(...b.params, b.q.pageSize, b.q.page * b.q.pageSize) as (Omit<ListRow, 'frozen'> & {
        frozen: number;
      })[];
      const total = cachedCount(b.count, b.params);
      return {
        rows: rows.map((r) => ({ ...r, frozen: r.frozen === 1 })),
        total,
        page: b.q.page,
        pageSize: b.q.pageSize,
      };
    },
    counts(site = null) {
      const out = {} as Record<ListView, number>;
      for (const view of Object.keys(VIEW_WHERE) as ListView[]) out[view] = cachedCount(viewCount(view, site), []);
      return out;
    },
  };
}
