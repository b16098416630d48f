// A privacy request on PostgreSQL (electron/store/repos/privacy.ts): a customer's export and erasure. Lists of ids
// are one array parameter; SQLite's LIKE (case-insensitive for ASCII) is ILIKE here.
import type { Async } from '../../repos/index';
import type { HistoryInsert, PendingMail, PrivacyRepo } from '../../repos/privacy';
import { PG_LEAD_SELECT, rows, run, type Queryable } from './query';

type Rows = Record<string, unknown>[];
const QUOTING = `to_address ILIKE $1 ESCAPE '\\' OR subject ILIKE $1 ESCAPE '\\' OR text_body ILIKE $1 ESCAPE '\\' OR html_body ILIKE $1 ESCAPE '\\'`;

export function privacyRepoPg(q: Queryable): Async<PrivacyRepo> {
  const pending = async (where: string, param: unknown): Promise<PendingMail[]> =>
    (
      await rows<{ id: number; leadId: number | null; state: string }>(
        q,
        `SELECT id, lead_id AS "leadId", state FROM outbox WHERE state IN ('queued', 'sending') AND (${where}) ORDER BY id`,
        [param],
      )
    ).map((r) => ({ id: r.id, leadId: r.leadId, state: r.state }));
  return {
    leads: (ids) =>
      rows<Rows[number]>(q, `SELECT ${PG_LEAD_SELECT} FROM leads WHERE id = ANY($1::int[]) ORDER BY id`, [ids]),
    contacts: (ids) =>
      rows(
        q,
        `SELECT id, lead_id AS "leadId", at, direction, channel, outcome, verbatim, answer FROM contacts
          WHERE lead_id = ANY($1::int[]) ORDER BY at, id`,
        [ids],
      ),
    history: (id, ids) =>
      rows(
        q,
        `SELECT id, lead_id AS "leadId", at, user_name AS "userName", field, old_value AS "oldValue", new_value AS "newValue"
          FROM history WHERE customer_id = $1 OR lead_id = ANY($2::int[]) ORDER BY id`,
        [id, ids],
      ),
    emails: (ids) =>
      rows(
        q,
        `SELECT id, lead_id AS "leadId", kind, to_address AS "toAddress", subject, text_body AS "textBody", state, due_at AS "dueAt",
          sent_at AS "sentAt" FROM outbox WHERE lead_id = ANY($1::int[]) ORDER BY id`,
        [ids],
      ),
    leadIdentities: (ids) =>
      rows(
        q,
        `SELECT first_name AS f, last_name AS l, email AS e, phone AS p, other_phone AS o FROM leads
          WHERE id = ANY($1::int[]) ORDER BY id`,
        [ids],
      ),
    guard: async (id) => void (await run(q, 'INSERT INTO erasure_guard (customer_id) VALUES ($1)', [id])),
    unguard: async (id) => void (await run(q, 'DELETE FROM erasure_guard WHERE customer_id = $1', [id])),
    scrubCustomer: async (id, erased, now) =>
      void (await run(
        q,
        `UPDATE customers SET dms_id = NULL, first_name = '', last_name = $1, email = NULL, phone = NULL, phone_e164 = NULL,
          phone_valid = NULL, other_phone = NULL, state = NULL, city = NULL, zip = NULL, updated_at = $2, anonymized_at = $2
          WHERE id = $3`,
        [erased, now, id],
      )),
    scrubLeads: async (ids, erased, now) =>
      void (await run(
        q,
        `UPDATE leads SET first_name = '', last_name = $1, email = NULL, phone = NULL, other_phone = NULL, state = NULL, city = NULL,
          zip = NULL, request_for = NULL, request_details = NULL, customer_notes = NULL, campaign_notes = NULL,
          additional_services = NULL, management_notes = NULL, vin = NULL, external_id = NULL, updated_at = $2,
          version = version + 1 WHERE id = ANY($3::int[])`,
        [erased, now, ids],
      )),
    scrubContacts: async (ids) =>
      void (await run(q, 'UPDATE contacts SET verbatim = NULL, answer = NULL WHERE lead_id = ANY($1::int[])', [ids])),
    async scrubHistory(id, ids, erased, keep) {
      await run(
        q,
        `UPDATE history SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE $1 END,
          new_value = CASE WHEN new_value IS NULL THEN NULL ELSE $1 END
          WHERE (customer_id = $2 OR lead_id = ANY($3::int[])) AND NOT (field = ANY($4::text[]))`,
        [erased, id, ids, [...keep]],
      );
    },
    pendingOfLeads: (ids) => pending('lead_id = ANY($1::int[])', ids),
    pendingQuoting: (like) => pending(QUOTING, like),
    cancelMail: async (id) =>
      void (await run(
        q,
        `UPDATE outbox SET state = 'cancelled', last_error = 'reason:erased' WHERE id = $1 AND state IN ('queued', 'sending')`,
        [id],
      )),
    scrubLeadMails: async (ids, erased) =>
      void (await run(
        q,
        `UPDATE outbox SET to_address = '', subject = $1, text_body = $1, html_body = NULL, ics = NULL,
          last_error = CASE WHEN state = 'cancelled' AND last_error LIKE 'reason:%' THEN last_error ELSE NULL END
          WHERE lead_id = ANY($2::int[])`,
        [erased, ids],
      )),
    scrubNotifications: async (ids) =>
      void (await run(q, 'UPDATE notifications SET params = NULL WHERE lead_id = ANY($1::int[])', [ids])),
    deleteVehicle: async (vin) => void (await run(q, 'DELETE FROM vehicles WHERE vin = $1', [vin])),
    deleteOwnedVehicles: async (id) => void (await run(q, 'DELETE FROM vehicles WHERE owner_customer_id = $1', [id])),
    scrubHistoryQuoting: async (like, erased) =>
      void (await run(
        q,
        `UPDATE history SET old_value = CASE WHEN old_value ILIKE $1 ESCAPE '\\' THEN $2 ELSE old_value END,
          new_value = CASE WHEN new_value ILIKE $1 ESCAPE '\\' THEN $2 ELSE new_value END
          WHERE old_value ILIKE $1 ESCAPE '\\' OR new_value ILIKE $1 ESCAPE '\\'`,
        [like, erased],
      )),
    scrubMailsQuoting: async (like, erased) =>
      void (await run(
        q,
        `UPDATE outbox SET to_address = '', subject = $2, text_body = $2, html_body = NULL, ics = NULL WHERE ${QUOTING}`,
        [like, erased],
      )),
    async insertHistory(list: HistoryInsert[]) {
      if (list.length === 0) return;
      await run(
        q,
        `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
          SELECT lead_id, customer_id, at, user_id, user_name, field, old_value, new_value FROM unnest($1::int[], $2::int[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
          WITH ORDINALITY AS h(lead_id, customer_id, at, user_id, user_name, field, old_value, new_value, i) ORDER BY i`,
        [
          list.map((r) => r.leadId),
          list.map((r) => r.customerId),
          list.map((r) => r.at),
          list.map((r) => r.userId),
          list.map((r) => r.userName),
          list.map((r) => r.field),
          list.map((r) => r.oldValue),
          list.map((r) => r.newValue),
        ],
      );
    },
    // FTS5 merges its segments; PostgreSQL's equivalent is VACUUM of the search table (its index's dead entries and
    // the old tsvector rows go). VACUUM cannot run in a transaction: called, as the service does, after the erasure's.
    optimizeSearch: async () => void (await run(q, 'VACUUM leads_search')),
  };
}
