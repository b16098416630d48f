// The one schema of every time and calendar day of the contract: instants within years 2000–2100
// (shared/domain/timeBounds.ts) and real calendar days. A value outside is refused with a field error whose
// code is the zod issue's message (DATE_OUT_OF_RANGE, DATE_INVALID: see electron/core/dispatch.ts).
import { z } from 'zod';
import { MAX_INSTANT, MIN_INSTANT, dayProblem } from '../domain/timeBounds';

/** An instant (ms since the epoch) the desk handles. */
export const instant = z
  .number()
  .min(MIN_INSTANT, { error: 'DATE_OUT_OF_RANGE' })
  .max(MAX_INSTANT, { error: 'DATE_OUT_OF_RANGE' })
  .int();

/** A local calendar day "YYYY-MM-DD" that exists, within the years the desk handles. */
export const calendarDay = z.string().superRefine((s, ctx) => {
  const p = dayProblem(s);
  if (p) ctx.addIssue({ code: 'custom', message: p });
});
