// A lead's creation and a lead action's writes on PostgreSQL (electron/store/repos/leads.ts `insertNew`, `change`),
// each ONE statement — a round trip each on a dealer group's network, where SQLite's are in-process calls: the lead
// inserted or updated with RETURNING (the lead as stored: only BEFORE triggers change a lead's own row, and RETURNING
// gives their result), the contact and the history lines inserted in the same statement's CTEs.
import type { Lead } from '../../../../shared/domain/lead';
import { rowToLead } from '../../leadRow';
import type { Async } from '../../repos/index';
import type { LeadChange, LeadsRepo } from '../../repos/leads';
import { contactsRepoPg } from './contacts';
import { historyInsertSql, historyParams, historyRepoPg } from './history';
import { checkColumn, PG_LEAD_SELECT, row, type Queryable } from './query';

/**
 * The columns a lead's contacts are counted under (`contact_kpi_hours`, migrations 0007, 0010): an update of one of
 * them moves the lead's contacts in its AFTER trigger, which in a single statement would also see (and move) the
 * contact this statement inserts. Such a change (never an action's today) runs as separate statements, in order.
 */
const CONTACT_GROUP_COLUMNS = new Set(['assigned_at', 'assignee_id', 'campaign', 'source', 'lead_type', 'site_id']);

const CONTACT_COLUMNS = 'lead_id, at, user_id, direction, channel, outcome, verbatim, answer';
const contactParams = (c: NonNullable<LeadChange['contact']>): unknown[] => [
  c.at,
  c.userId,
  c.direction,
  c.channel,
  c.outcome,
  c.verbatim,
  c.answer,
];
/** The contact's insert from the lead of `from` (`$p` … `$p+6`: contactParams). */
const contactInsertSql = (p: number, from: string) =>
  `INSERT INTO contacts (${CONTACT_COLUMNS}) SELECT ${from}.id, $${p}::bigint, $${p + 1}::int, $${p + 2}::text,
    $${p + 3}::text, $${p + 4}::text, $${p + 5}::text, $${p + 6}::text FROM ${from}`;

export function leadWritesPg(q: Queryable): Pick<Async<LeadsRepo>, 'insertNew' | 'change'> {
  const lead = async (sql: string, params: unknown[]): Promise<Lead | undefined> => {
    const r = await row<Record<string, unknown>>(q, sql, params);
    return r ? rowToLead(r) : undefined;
  };
  return {
    async insertNew(cols, actor, lines) {
      const keys = Object.keys(cols).map(checkColumn);
      const n = keys.length;
      const created = await lead(
        `WITH l AS (INSERT INTO leads (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})
            RETURNING ${PG_LEAD_SELECT}),
          hist AS (${historyInsertSql(n + 1, 'l.id', 'NULL::int', 'l, ')})
        SELECT * FROM l`,
        [...keys.map((k) => cols[k]), ...historyParams(actor, lines)],
      );
      return created!;
    },
    async change(c) {
      const keys = Object.keys(c.cols).map(checkColumn);
      if (c.contact && keys.some((k) => CONTACT_GROUP_COLUMNS.has(k))) return inOrder(q, c, keys);
      const n = keys.length;
      // The lead: updated at the expected version (no row: not at it, nothing else written), or as it is.
      const target =
        n > 0
          ? `UPDATE leads SET ${keys.map((k, i) => `${k} = $${i + 1}`).join(', ')}, version = version + 1
              WHERE id = $${n + 1} AND version = $${n + 2} RETURNING ${PG_LEAD_SELECT}`
          : `SELECT ${PG_LEAD_SELECT} FROM leads WHERE id = $1`;
      const params: unknown[] = n > 0 ? [...keys.map((k) => c.cols[k]), c.id, c.expectedVersion] : [c.id];
      const contact = c.contact ? `, c AS (${contactInsertSql(params.length + 1, 'u')})` : '';
      if (c.contact) params.push(...contactParams(c.contact));
      const history = `hist AS (${historyInsertSql(params.length + 1, 'u.id', 'NULL::int', 'u, ')})`;
      params.push(...historyParams(c.actor, c.history));
      return lead(`WITH u AS (${target})${contact}, ${history} SELECT * FROM u`, params);
    },
  };
}

/** `change` as the separate statements of SQLite's: update, contact, history, the lead read back. */
async function inOrder(q: Queryable, c: LeadChange, keys: string[]): Promise<Lead | undefined> {
  const n = keys.length;
  const updated = await row<{ id: number }>(
    q,
    `UPDATE leads SET ${keys.map((k, i) => `${k} = $${i + 1}`).join(', ')}, version = version + 1
      WHERE id = $${n + 1} AND version = $${n + 2} RETURNING id`,
    [...keys.map((k) => c.cols[k]), c.id, c.expectedVersion],
  );
  if (!updated) return undefined;
  await contactsRepoPg(q).insert(c.id, c.contact!);
  await historyRepoPg(q).insert(c.id, null, c.actor, c.history);
  const r = await row<Record<string, unknown>>(q, `SELECT ${PG_LEAD_SELECT} FROM leads WHERE id = $1`, [c.id]);
  return r ? rowToLead(r) : undefined;
}
