// The history table: append-only (a trigger refuses updates and deletes but the erasure's scrub), one row per change.
import type { LeadDetail } from '../../../shared/contract/models';
import { once, type Sqlite } from './prepared';

export interface HistoryChange {
  at: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}
export type LeadHistoryRow = LeadDetail['history'][number];

export interface HistoryRepo {
  /** One row per change, by the actor, for the lead and/or the customer. */
  insert(
    leadId: number | null,
    customerId: number | null,
    actor: { id: number | null; name: string },
    rows: HistoryChange[],
  ): void;
  /** The lead's history, newest first. */
  ofLead(leadId: number): LeadHistoryRow[];
}

export function historyRepo(sqlite: Sqlite): HistoryRepo {
  const insert = once(() =>
    sqlite.prepare<[number | null, number | null, number, number | null, string, string, string | null, string | null]>(
      'INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  );
  const ofLead = once(() =>
    sqlite.prepare<[number], LeadHistoryRow>(
      `SELECT id, at, user_id AS userId, user_name AS userName, field, old_value AS oldValue, new_value AS newValue
       FROM history WHERE lead_id = ? ORDER BY id DESC`,
    ),
  );
  return {
    insert(leadId, customerId, actor, rows) {
      if (rows.length === 0) return;
      const st = insert();
      for (const h of rows) st.run(leadId, customerId, h.at, actor.id, actor.name, h.field, h.oldValue, h.newValue);
    },
    ofLead: (leadId) => ofLead().all(leadId),
  };
}
