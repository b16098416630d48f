// The contacts table: each call, e-mail or visit recorded on a lead.
import type { LeadDetail } from '../../../shared/contract/models';
import type { Contact } from '../../../shared/domain/lead';
import { once, type Sqlite } from './prepared';

/** A contact with the name of who recorded it. */
export type ContactListRow = LeadDetail['contacts'][number];
export interface ContactFields {
  direction: string;
  channel: string;
  outcome: string;
  verbatim: string | null;
  answer: string | null;
}

export interface ContactsRepo {
  insert(leadId: number, c: Omit<Contact, 'id' | 'leadId'>): void;
  /** The lead's contacts, oldest first. */
  ofLead(leadId: number): ContactListRow[];
  delete(leadId: number, id: number): void;
  update(leadId: number, id: number, c: ContactFields): void;
}

export function contactsRepo(sqlite: Sqlite): ContactsRepo {
  const insert = once(() =>
    sqlite.prepare<[number, number, number | null, string, string, string, string | null, string | null]>(
      'INSERT INTO contacts (lead_id, at, user_id, direction, channel, outcome, verbatim, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  );
  const del = once(() => sqlite.prepare<[number, number]>('DELETE FROM contacts WHERE id = ? AND lead_id = ?'));
  const update = once(() =>
    sqlite.prepare<[string, string, string, string | null, string | null, number, number]>(
      'UPDATE contacts SET direction = ?, channel = ?, outcome = ?, verbatim = ?, answer = ? WHERE id = ? AND lead_id = ?',
    ),
  );
  const ofLead = once(() =>
    sqlite.prepare<[number], ContactListRow>(
      `SELECT c.id, c.lead_id AS leadId, c.at, c.user_id AS userId, u.name AS userName, c.direction, c.channel, c.outcome, c.verbatim, c.answer
       FROM contacts c LEFT JOIN users u ON u.id = c.user_id WHERE c.lead_id = ? ORDER BY c.at, c.id`,
    ),
  );
  return {
    insert: (leadId, c) =>
      void insert().run(leadId, c.at, c.userId, c.direction, c.channel, c.outcome, c.verbatim, c.answer),
    ofLead: (leadId) => ofLead().all(leadId),
    delete: (leadId, id) => void del().run(id, leadId),
    update: (leadId, id, c) => void update().run(c.direction, c.channel, c.outcome, c.verbatim, c.answer, id, leadId),
  };
}
