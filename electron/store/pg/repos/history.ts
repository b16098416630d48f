// The history table on PostgreSQL (electron/store/repos/history.ts): append-only, one row per change.
import type { HistoryChange, HistoryRepo, LeadHistoryRow } from '../../repos/history';
import type { Async } from '../../repos/index';
import { rows, run, type Queryable } from './query';

/**
 * The history lines as one INSERT … SELECT (ids in the given order, as SQLite's one INSERT per row): `lead` the SQL of
 * the lead id, `from` more FROM items (e.g. a CTE the lead comes from), `$p` … `$p+5` the user id, the user name and
 * the lines' at, field, old and new values as arrays (`historyParams`).
 */
export const historyInsertSql = (p: number, lead: string, customer: string, from = ''): string =>
  `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
    SELECT ${lead}, ${customer}, h.at, $${p}::int, $${p + 1}::text, h.field, h.old_value, h.new_value
    FROM ${from}unnest($${p + 2}::bigint[], $${p + 3}::text[], $${p + 4}::text[], $${p + 5}::text[])
      WITH ORDINALITY AS h(at, field, old_value, new_value, i)
    ORDER BY h.i`;
export const historyParams = (actor: { id: number | null; name: string }, changes: HistoryChange[]): unknown[] => [
  actor.id,
  actor.name,
  changes.map((h) => h.at),
  changes.map((h) => h.field),
  changes.map((h) => h.oldValue),
  changes.map((h) => h.newValue),
];

export function historyRepoPg(q: Queryable): Async<HistoryRepo> {
  return {
    async insert(leadId, customerId, actor, changes) {
      if (changes.length === 0) return;
      await run(q, historyInsertSql(3, '$1::int', '$2::int'), [leadId, customerId, ...historyParams(actor, changes)]);
    },
    ofLead: (leadId) =>
      rows<LeadHistoryRow>(
        q,
        `SELECT id, at, user_id AS "userId", user_name AS "userName", field, old_value AS "oldValue", new_value AS "newValue"
          FROM history WHERE lead_id = $1 ORDER BY id DESC`,
        [leadId],
      ),
  };
}
