// The contacts table on PostgreSQL (electron/store/repos/contacts.ts).
import type { ContactListRow, ContactsRepo } from '../../repos/contacts';
import type { Async } from '../../repos/index';
import { rows, run, type Queryable } from './query';

export function contactsRepoPg(q: Queryable): Async<ContactsRepo> {
  return {
    insert: async (leadId, c) =>
      void (await run(
        q,
        'INSERT INTO contacts (lead_id, at, user_id, direction, channel, outcome, verbatim, answer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [leadId, c.at, c.userId, c.direction, c.channel, c.outcome, c.verbatim, c.answer],
      )),
    ofLead: (leadId) =>
      rows<ContactListRow>(
        q,
        `SELECT c.id, c.lead_id AS "leadId", c.at, c.user_id AS "userId", u.name AS "userName", c.direction, c.channel, c.outcome,
          c.verbatim, c.answer FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.lead_id = $1 ORDER BY c.at, c.id`,
        [leadId],
      ),
    delete: async (leadId, id) =>
      void (await run(q, 'DELETE FROM contacts WHERE id = $1 AND lead_id = $2', [id, leadId])),
    update: async (leadId, id, c) =>
      void (await run(
        q,
        'UPDATE contacts SET direction = $1, channel = $2, outcome = $3, verbatim = $4, answer = $5 WHERE id = $6 AND lead_id = $7',
        [c.direction, c.channel, c.outcome, c.verbatim, c.answer, id, leadId],
      )),
  };
}
