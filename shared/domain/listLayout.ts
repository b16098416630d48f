// The list screens' layout and order vocabulary, without zod: the list route imports these values, and the
// contract (shared/contract/lists.ts, leads.ts) builds its schemas on them — so the cold start carries no schema code.
export const SORT_KEYS = [
  'default',
  'name',
  'createdAt',
  'status',
  'source',
  'campaign',
  'contactAttempts',
  'daysFromCreation',
  'assignee',
  'sla',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * The columns of a lead list, in their default order (the manual's columns, then assignee, SLA and next step; then the
 * lead's site, shown only with several sites and "All sites" in view, docs/rules.md §11.8).
 */
export const LIST_COLUMNS = [
  'name',
  'createdAt',
  'status',
  'source',
  'campaign',
  'contactAttempts',
  'daysFromCreation',
  'assignee',
  'sla',
  'nextStep',
  'site',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
/** The name opens the lead: it cannot be hidden. */
export const REQUIRED_COLUMNS: readonly ListColumn[] = ['name'];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 600;

/** A person's list layout (shared/contract/lists.ts validates it). */
export interface ListPrefs {
  order: ListColumn[];
  hidden: ListColumn[];
  widths: Partial<Record<ListColumn, number>>;
  pageSize: (typeof PAGE_SIZES)[number];
}
export const DEFAULT_LIST_PREFS: ListPrefs = { order: [...LIST_COLUMNS], hidden: [], widths: {}, pageSize: 50 };

/** Every column exactly once (unknown order entries dropped, missing ones appended in the default order), the name never hidden. */
export function normalizeListPrefs(p: ListPrefs): ListPrefs {
  const order = [...new Set(p.order)];
  for (const c of LIST_COLUMNS) if (!order.includes(c)) order.push(c);
  const hidden = [...new Set(p.hidden)].filter((c) => !REQUIRED_COLUMNS.includes(c));
  return { order, hidden, widths: { ...p.widths }, pageSize: p.pageSize };
}
