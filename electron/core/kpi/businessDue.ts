// leads.business_due_at: the "within 1 business day" deadline of the first contact, stored so that the
// KPI queries and their click-through stay in SQL. Set when a lead is inserted, recomputed when the
// opening hours, holidays or zone change, and back-filled for any row that has none (NULL).
import type { RuleSettings } from '../../../shared/domain/settings';
import { businessDeadlineCalculator } from '../../../shared/rules/kpi/businessDeadline';
import type { AsyncStore } from '../../store/repos/index';
import type { TxRepos } from '../leadService';

type Hours = Pick<RuleSettings, 'openingHours' | 'holidays' | 'timeZone'>;
const hoursKey = (s: Hours) => JSON.stringify([s.timeZone, s.openingHours, s.holidays]);

let cached: { key: string; fn: (t: number) => number } | null = null;
/** The business-day deadline of a lead assigned at `assignedAt` (cached per opening-hours settings). */
export function businessDueAt(assignedAt: number, s: Hours): number {
  const key = hoursKey(s);
  if (!cached || cached.key !== key) cached = { key, fn: businessDeadlineCalculator(s) };
  return cached.fn(assignedAt);
}

/** Fills business_due_at where it is NULL (rows written by code that does not set it). Returns the count. */
export async function backfillBusinessDue(store: AsyncStore, s: Hours): Promise<number> {
  const rows = await store.repos.kpi.assignedAts(true);
  if (rows.length === 0) return 0;
  await store.tx(async (r) => {
    for (const row of rows) await r.kpi.setBusinessDue(row.id, businessDueAt(row.a, s));
  });
  return rows.length;
}

/**
 * Recomputes every lead's deadline when the settings it depends on change (inside the settings' transaction).
 * `loaded`: when the settings can be read (`settings.ready`; until then a change recomputes every deadline).
 */
export function watchBusinessDue(
  onRulesChanged: (fn: (rules: RuleSettings, r: TxRepos) => Promise<void>) => void,
  current: () => RuleSettings,
  loaded: Promise<void>,
  /** The leads left alone (their site has its own figures, docs/rules.md §11.8). */
  skip: (tx: TxRepos) => Promise<ReadonlySet<number>> = async () => new Set(),
): void {
  let key: string | null = null;
  void loaded.then(
    () => (key ??= hoursKey(current())),
    () => undefined,
  );
  onRulesChanged(async (rules, tx) => {
    const next = hoursKey(rules);
    if (next === key) return;
    const left = await skip(tx);
    for (const r of await tx.kpi.assignedAts(false))
      if (!left.has(r.id)) await tx.kpi.setBusinessDue(r.id, businessDueAt(r.a, rules));
    key = next; // once written (a failed write leaves the old key: the next change recomputes)
  });
}
