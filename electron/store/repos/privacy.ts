// What a privacy request reads and scrubs (electron/core/people/privacy.ts): a customer's leads, contacts, history,
// e-mails, and the erasure's updates. The lead lists vary in length: these statements are prepared per call.
import { LEAD_SELECT } from '../leadRow';
import type { Sqlite } from './prepared';

type Rows = Record<string, unknown>[];
/** An e-mail not sent yet that an erasure cancels. */
export interface PendingMail {
  id: number;
  leadId: number | null;
  state: string;
}
export interface HistoryInsert {
  leadId: number | null;
  customerId: number | null;
  at: number;
  userId: number | null;
  userName: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface PrivacyRepo {
  leads(leadIds: number[]): Rows;
  contacts(leadIds: number[]): Rows;
  history(customerId: number, leadIds: number[]): Rows;
  emails(leadIds: number[]): Rows;
  /** The identifying values of the leads: first (f) and last (l) name, e-mail (e), phone (p), other phone (o). */
  leadIdentities(leadIds: number[]): { f: string; l: string; e: string | null; p: string | null; o: string | null }[];
  guard(customerId: number): void;
  unguard(customerId: number): void;
  scrubCustomer(customerId: number, erased: string, now: number): void;
  scrubLeads(leadIds: number[], erased: string, now: number): void;
  scrubContacts(leadIds: number[]): void;
  /** History values of the customer and their leads, but the fields in `keep`. */
  scrubHistory(customerId: number, leadIds: number[], erased: string, keep: Iterable<string>): void;
  /** The e-mails queued or being sent of these leads. */
  pendingOfLeads(leadIds: number[]): PendingMail[];
  /** The e-mails queued or being sent quoting `like` (address, subject or body). */
  pendingQuoting(like: string): PendingMail[];
  cancelMail(id: number): void;
  scrubLeadMails(leadIds: number[], erased: string): void;
  scrubNotifications(leadIds: number[]): void;
  deleteVehicle(vin: string): void;
  deleteOwnedVehicles(customerId: number): void;
  /** History values quoting `like` (a LIKE pattern, escaped with \). */
  scrubHistoryQuoting(like: string, erased: string): void;
  /** E-mails quoting `like` in their address, subject or body. */
  scrubMailsQuoting(like: string, erased: string): void;
  insertHistory(rows: HistoryInsert[]): void;
  /** The search index merges its segments, so that no deleted token stays on disk. */
  optimizeSearch(): void;
}

const inList = (ids: number[]) => `(${ids.map(() => '?').join(',') || 'NULL'})`;
const QUOTING = `to_address LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\' OR text_body LIKE ? ESCAPE '\\' OR html_body LIKE ? ESCAPE '\\'`;

export function privacyRepo(sqlite: Sqlite): PrivacyRepo {
  const all = (sql: string, ...p: unknown[]) => sqlite.prepare<unknown[], Rows[number]>(sql).all(...p);
  const run = (sql: string, ...p: unknown[]) => void sqlite.prepare<unknown[]>(sql).run(...p);
  const pending = (where: string, ...args: unknown[]): PendingMail[] =>
    all(
      `SELECT id, lead_id AS leadId, state FROM outbox WHERE state IN ('queued', 'sending') AND (${where})`,
      ...args,
    ).map((r) => ({ id: Number(r.id), leadId: r.leadId === null ? null : Number(r.leadId), state: String(r.state) }));
  return {
    leads: (ids) => all(`SELECT ${LEAD_SELECT} FROM leads WHERE id IN ${inList(ids)} ORDER BY id`, ...ids),
    contacts: (ids) =>
      all(
        `SELECT id, lead_id AS leadId, at, direction, channel, outcome, verbatim, answer FROM contacts WHERE lead_id IN ${inList(ids)} ORDER BY at, id`,
        ...ids,
      ),
    history: (id, ids) =>
      all(
        `SELECT id, lead_id AS leadId, at, user_name AS userName, field, old_value AS oldValue, new_value AS newValue FROM history
          WHERE customer_id = ? OR lead_id IN ${inList(ids)} ORDER BY id`,
        id,
        ...ids,
      ),
    emails: (ids) =>
      all(
        `SELECT id, lead_id AS leadId, kind, to_address AS toAddress, subject, text_body AS textBody, state, due_at AS dueAt, sent_at AS sentAt
          FROM outbox WHERE lead_id IN ${inList(ids)} ORDER BY id`,
        ...ids,
      ),
    leadIdentities: (ids) =>
      sqlite
        .prepare<unknown[], { f: string; l: string; e: string | null; p: string | null; o: string | null }>(
          `SELECT first_name AS f, last_name AS l, email AS e, phone AS p, other_phone AS o FROM leads WHERE id IN ${inList(ids)}`,
        )
        .all(...ids),
    guard: (id) => run('INSERT INTO erasure_guard (customer_id) VALUES (?)', id),
    unguard: (id) => run('DELETE FROM erasure_guard WHERE customer_id = ?', id),
    scrubCustomer: (id, erased, now) =>
      run(
        `UPDATE customers SET dms_id = NULL, first_name = '', last_name = ?, email = NULL, phone = NULL, phone_e164 = NULL, phone_valid = NULL,
          other_phone = NULL, state = NULL, city = NULL, zip = NULL, updated_at = ?, anonymized_at = ? WHERE id = ?`,
        erased,
        now,
        now,
        id,
      ),
    scrubLeads: (ids, erased, now) =>
      run(
        `UPDATE leads SET first_name = '', last_name = ?, email = NULL, phone = NULL, other_phone = NULL, state = NULL, city = NULL, zip = NULL,
          request_for = NULL, request_details = NULL, customer_notes = NULL, campaign_notes = NULL, additional_services = NULL, management_notes = NULL,
          vin = NULL, external_id = NULL, updated_at = ?, version = version + 1 WHERE id IN ${inList(ids)}`,
        erased,
        now,
        ...ids,
      ),
    scrubContacts: (ids) =>
      run(`UPDATE contacts SET verbatim = NULL, answer = NULL WHERE lead_id IN ${inList(ids)}`, ...ids),
    scrubHistory(id, ids, erased, keepFields) {
      const keep = [...keepFields];
      run(
        `UPDATE history SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE ? END, new_value = CASE WHEN new_value IS NULL THEN NULL ELSE ? END
          WHERE (customer_id = ? OR lead_id IN ${inList(ids)}) AND field NOT IN (${keep.map(() => '?').join(',')})`,
        erased,
        erased,
        id,
        ...ids,
        ...keep,
      );
    },
    pendingOfLeads: (ids) => pending(`lead_id IN ${inList(ids)}`, ...ids),
    pendingQuoting: (like) => pending(QUOTING, like, like, like, like),
    cancelMail: (id) =>
      run(
        `UPDATE outbox SET state = 'cancelled', last_error = 'reason:erased' WHERE id = ? AND state IN ('queued', 'sending')`,
        id,
      ),
    scrubLeadMails: (ids, erased) =>
      run(
        `UPDATE outbox SET to_address = '', subject = ?, text_body = ?, html_body = NULL, ics = NULL,
          last_error = CASE WHEN state = 'cancelled' AND last_error LIKE 'reason:%' THEN last_error ELSE NULL END WHERE lead_id IN ${inList(ids)}`,
        erased,
        erased,
        ...ids,
      ),
    scrubNotifications: (ids) => run(`UPDATE notifications SET params = NULL WHERE lead_id IN ${inList(ids)}`, ...ids),
    deleteVehicle: (vin) => run('DELETE FROM vehicles WHERE vin = ?', vin),
    deleteOwnedVehicles: (id) => run('DELETE FROM vehicles WHERE owner_customer_id = ?', id),
    scrubHistoryQuoting(like, erased) {
      run(
        `UPDATE history SET old_value = CASE WHEN old_value LIKE ? ESCAPE '\\' THEN ? ELSE old_value END,
            new_value = CASE WHEN new_value LIKE ? ESCAPE '\\' THEN ? ELSE new_value END WHERE old_value LIKE ? ESCAPE '\\' OR new_value LIKE ? ESCAPE '\\'`,
        like,
        erased,
        like,
        erased,
        like,
        like,
      );
    },
    scrubMailsQuoting: (like, erased) =>
      run(
        `UPDATE outbox SET to_address = '', subject = ?, text_body = ?, html_body = NULL, ics = NULL WHERE ${QUOTING}`,
        erased,
        erased,
        like,
        like,
        like,
        like,
      ),
    insertHistory(rows) {
      const insert = sqlite.prepare<
        [number | null, number | null, number, number | null, string, string, string | null, string | null]
      >(
        'INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of rows)
        insert.run(r.leadId, r.customerId, r.at, r.userId, r.userName, r.field, r.oldValue, r.newValue);
    },
    optimizeSearch: () => sqlite.exec("INSERT INTO leads_fts(leads_fts) VALUES ('optimize')"),
  };
}
