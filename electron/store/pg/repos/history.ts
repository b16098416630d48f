// The history table on PostgreSQL (electron/store/repos/history.ts): append-only, one row per change.
import type { HistoryRepo, LeadHistoryRow } from '../../repos/history';
import type { Async } from '../../repos/index';
import { rows, run, type Queryable } from './query';

export function historyRepoPg(q: Queryable): Async<HistoryRepo> {
  return {
    async insert(leadId, customerId, actor, changes) {
      if (changes.length === 0) return;
      // One statement for the rows (ids in the given order, as SQLite's one INSERT per row).
      await run(
        q,
        `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
          SELECT $1, $2, at, $3, $4, field, old_value, new_value
          FROM unnest($5::bigint[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS h(at, field, old_value, new_value, i)
          ORDER BY i`,
        [
          leadId,
          customerId,
          actor.id,
          actor.name,
          changes.map((h) => h.at),
          changes.map((h) => h.field),
          changes.map((h) => h.oldValue),
          changes.map((h) => h.newValue),
        ],
      );
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
