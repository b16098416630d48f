// What the contact playbook reads and writes (electron/core/playbook/playbookService.ts): open leads with the columns
// My day needs and their contacts, templates, the playbook e-mail's outbox row.
import type { Statement } from 'better-sqlite3';
import type { Contact, Lead } from '../../../shared/domain/lead';
import { LEAD_SELECT, rowToLead } from '../leadRow';
import { siteWhere } from './leadList';
import { once, type Sqlite } from './prepared';

export type StepContact = Pick<Contact, 'at' | 'direction' | 'channel' | 'outcome'>;
/** An open lead with only the columns the next step and My day's row need (frozen, consents: 0/1, a count). */
export type SlimLeadRow = Pick<
  Lead,
  | 'id'
  | 'number'
  | 'version'
  | 'firstName'
  | 'lastName'
  | 'leadType'
  | 'status'
  | 'source'
  | 'campaign'
  | 'assigneeId'
  | 'assignedAt'
  | 'contactAttempts'
  | 'phone'
  | 'otherPhone'
  | 'email'
  | 'language'
  | 'country'
  | 'appointmentAt'
  | 'preferredAt1'
  | 'preferredAt2'
  | 'preferredAt3'
> & { frozen: number; assigneeName: string | null; consentEmail: number; consentOther: number };
/** Whose open leads: everyone's, or one person's (with the unassigned ones, for a manager). */
export interface OpenLeadsOf {
  assigneeId?: number | null;
  includeUnassigned?: boolean;
  /** One site's leads (docs/rules.md §11); absent or null = every site. */
  site?: number | null;
}
export interface StoredTemplate {
  subject: string | null;
  body: string;
  updatedAt: number;
}

// = status assigned, or appointment not frozen; word for word the WHERE of the partial index leads_my_day (migration
// 0016), which holds every column My day reads: a person's open leads are read from it alone.
const OPEN = "l.status IN ('assigned', 'appointment') AND (l.status = 'assigned' OR l.frozen = 0)";

export interface PlaybookRepo {
  openLeads(of: OpenLeadsOf): SlimLeadRow[];
  /** The contacts of those open leads, by lead then time. */
  openLeadContacts(of: OpenLeadsOf): (StepContact & { leadId: number })[];
  /** The lead's contacts, oldest first. */
  contactsOf(leadId: number): StepContact[];
  /** The leads of these ids that exist. */
  leads(ids: number[]): Lead[];
  /** The contacts of these leads, by time. */
  contactsOfLeads(ids: number[]): (StepContact & { leadId: number })[];
  template(kind: string, language: string): StoredTemplate | undefined;
  /** The template's text as edited (an unset subject as ''). */
  templateText(kind: string, language: string): { subject: string; body: string } | undefined;
  saveTemplate(kind: string, language: string, subject: string, body: string, now: number): void;
  deleteTemplate(kind: string, language: string): void;
  vehicleModel(vin: string): string | null;
  isManager(userId: number): boolean;
  /** Queues the playbook e-mail (kind playbook_email, due now); the outbox row's id. */
  queueEmail(
    m: { key: string; leadId: number; to: string; language: string; subject: string; body: string },
    now: number,
  ): number;
}

export function playbookRepo(sqlite: Sqlite): PlaybookRepo {
  const contactsOf = once(() =>
    sqlite.prepare<[number], StepContact>(
      'SELECT at, direction, channel, outcome FROM contacts WHERE lead_id = ? ORDER BY at, id',
    ),
  );
  const tplGet = once(() =>
    sqlite.prepare<[string, string], StoredTemplate>(
      'SELECT subject, body, updated_at AS updatedAt FROM templates WHERE kind = ? AND language = ?',
    ),
  );
  const tplText = once(() =>
    sqlite.prepare<[string, string], { subject: string; body: string }>(
      "SELECT coalesce(subject, '') AS subject, body FROM templates WHERE kind = ? AND language = ?",
    ),
  );
  const tplSave = once(() =>
    sqlite.prepare<[string, string, string, string, number]>(
      `INSERT INTO templates (kind, language, subject, body, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
    ),
  );
  const tplDelete = once(() =>
    sqlite.prepare<[string, string]>('DELETE FROM templates WHERE kind = ? AND language = ?'),
  );
  const model = once(() =>
    sqlite.prepare<[string], { model: string | null }>('SELECT model FROM vehicles WHERE vin = ?'),
  );
  const manager = once(() =>
    sqlite.prepare<[number]>("SELECT 1 FROM user_roles WHERE user_id = ? AND role = 'manager'"),
  );
  const insertOutbox = once(() =>
    sqlite.prepare<
      [string, number, string, string, string, string, number, number, number]
    >(`INSERT INTO outbox (dedupe_key, lead_id, kind, to_address, language, subject, text_body, html_body, ics, due_at, state, attempts, next_attempt_at, created_at)
    VALUES (?, ?, 'playbook_email', ?, ?, ?, ?, NULL, NULL, ?, 'queued', 0, ?, ?)`),
  );
  /** The WHERE and its parameters (three shapes: everyone's, a person's, a person's and the unassigned). */
  const where = (of: OpenLeadsOf): [string, unknown[]] => {
    const [w, params]: [string, unknown[]] =
      of.assigneeId !== undefined && of.assigneeId !== null
        ? [
            `${OPEN} AND ${of.includeUnassigned ? '(l.assignee_id = ? OR l.assignee_id IS NULL)' : 'l.assignee_id = ?'}`,
            [of.assigneeId],
          ]
        : [OPEN, []];
    return [of.site == null ? w : `${w} AND ${siteWhere(of.site)}`, params];
  };
  // One statement per WHERE shape.
  const slim = new Map<string, Statement<unknown[], SlimLeadRow>>();
  const slimContacts = new Map<string, Statement<unknown[], StepContact & { leadId: number }>>();
  return {
    openLeads(of) {
      const [w, params] = where(of);
      let st = slim.get(w);
      if (!st) {
        // Only the columns the step and the row need (a full lead per row would be three times slower).
        st = sqlite.prepare(
          `SELECT l.id, l.number, l.version, l.first_name AS firstName, l.last_name AS lastName, l.lead_type AS leadType,
        l.status, l.frozen, l.source, l.campaign, l.assignee_id AS assigneeId, l.assignee_name AS assigneeName, l.assigned_at AS assignedAt,
        l.contact_attempts AS contactAttempts, l.phone, l.other_phone AS otherPhone, l.email, l.language, l.country,
        l.appointment_at AS appointmentAt, l.preferred_at_1 AS preferredAt1, l.preferred_at_2 AS preferredAt2, l.preferred_at_3 AS preferredAt3,
        l.consent_email AS consentEmail, (l.consent_direct_marketing + l.consent_profiling + l.consent_phone + l.consent_post + l.consent_sms
          + l.consent_fax + l.consent_social) AS consentOther
      FROM leads l WHERE ${w}`,
        );
        slim.set(w, st);
      }
      return st.all(...params);
    },
    openLeadContacts(of) {
      const [w, params] = where(of);
      let st = slimContacts.get(w);
      if (!st) {
        st = sqlite.prepare(
          `SELECT c.lead_id AS leadId, c.at, c.direction, c.channel, c.outcome FROM leads l JOIN contacts c ON c.lead_id = l.id WHERE ${w} ORDER BY l.id, c.at, c.id`,
        );
        slimContacts.set(w, st);
      }
      return st.all(...params);
    },
    contactsOf: (leadId) => contactsOf().all(leadId),
    leads: (ids) =>
      sqlite
        .prepare<unknown[], Record<string, unknown>>(
          `SELECT ${LEAD_SELECT} FROM leads WHERE id IN (${ids.map(() => '?').join(',')})`,
        )
        .all(...ids)
        .map(rowToLead),
    contactsOfLeads: (ids) =>
      sqlite
        .prepare<unknown[], StepContact & { leadId: number }>(
          `SELECT lead_id AS leadId, at, direction, channel, outcome FROM contacts WHERE lead_id IN (${ids.map(() => '?').join(',')}) ORDER BY at, id`,
        )
        .all(...ids),
    template: (kind, language) => tplGet().get(kind, language),
    templateText: (kind, language) => tplText().get(kind, language),
    saveTemplate: (kind, language, subject, body, now) => void tplSave().run(kind, language, subject, body, now),
    deleteTemplate: (kind, language) => void tplDelete().run(kind, language),
    vehicleModel: (vin) => model().get(vin)?.model ?? null,
    isManager: (userId) => !!manager().get(userId),
    queueEmail: (m, now) =>
      Number(insertOutbox().run(m.key, m.leadId, m.to, m.language, m.subject, m.body, now, now, now).lastInsertRowid),
  };
}
