// Channels of the list screens' personal layout: which columns, in which order and width, and the page size —
// remembered per person (like the language), not per PC.
import { z } from 'zod';

/** The columns of a lead list, in their default order (the manual's columns, then assignee, SLA and next step). */
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
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
/** The name opens the lead: it cannot be hidden. */
export const REQUIRED_COLUMNS: readonly ListColumn[] = ['name'];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 600;

const column = z.enum(LIST_COLUMNS);
export const listPrefsSchema = z.object({
  order: z
    .array(column)
    .max(40)
    .default([...LIST_COLUMNS]),
  hidden: z.array(column).max(40).default([]),
  /** Widths in CSS pixels set by dragging a header's edge; a column without one sizes to its content. */
  widths: z.partialRecord(column, z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH)).default({}),
  pageSize: z
    .union(
      PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>, z.ZodLiteral<200>],
    )
    .default(50),
});
export type ListPrefs = z.infer<typeof listPrefsSchema>;
export const DEFAULT_LIST_PREFS: ListPrefs = { order: [...LIST_COLUMNS], hidden: [], widths: {}, pageSize: 50 };

/** Every column exactly once (unknown order entries dropped, missing ones appended in the default order), the name never hidden. */
export function normalizeListPrefs(p: ListPrefs): ListPrefs {
  const order = [...new Set(p.order)];
  for (const c of LIST_COLUMNS) if (!order.includes(c)) order.push(c);
  const hidden = [...new Set(p.hidden)].filter((c) => !REQUIRED_COLUMNS.includes(c));
  return { order, hidden, widths: { ...p.widths }, pageSize: p.pageSize };
}

export const listChannels = {
  /** The layout of the person at the desk (the defaults until they change it). */
  'desk.listPrefs.get': { input: z.object({}).default({}), output: listPrefsSchema },
  /** Saves the layout of the person at the desk; answers it normalized. */
  'desk.listPrefs.set': { input: listPrefsSchema, output: listPrefsSchema },
};
