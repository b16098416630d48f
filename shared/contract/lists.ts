// Channels of the list screens' personal layout: which columns, in which order and width, and the page size —
// remembered per person (like the language), not per PC.
import { z } from 'zod';

import {
  DEFAULT_LIST_PREFS,
  LIST_COLUMNS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  PAGE_SIZES,
  REQUIRED_COLUMNS,
  normalizeListPrefs,
  type ListColumn,
  type ListPrefs,
} from '../domain/listLayout';

export {
  DEFAULT_LIST_PREFS,
  LIST_COLUMNS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  PAGE_SIZES,
  REQUIRED_COLUMNS,
  normalizeListPrefs,
};
export type { ListColumn, ListPrefs };

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
export const listChannels = {
  /** The layout of the person at the desk (the defaults until they change it). */
  'desk.listPrefs.get': { input: z.object({}).default({}), output: listPrefsSchema },
  /** Saves the layout of the person at the desk; answers it normalized. */
  'desk.listPrefs.set': { input: listPrefsSchema, output: listPrefsSchema },
};
