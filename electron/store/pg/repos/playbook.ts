// The contact playbook on PostgreSQL (electron/store/repos/playbook.ts): My day's open leads (frozen and consents
// as 0/1) and their contacts, templates, the playbook e-mail's outbox row.
import { rowToLead } from '../../leadRow';
import type { Async } from '../../repos/index';
import type { OpenLeadsOf, PlaybookRepo, SlimLeadRow, StepContact, StoredTemplate } from '../../repos/playbook';
import { siteWhere } from '../../repos/leadList';
import { PG_LEAD_SELECT, row, rows, run, type Queryable } from './query';

// The WHERE of the partial index leads_my_day (PostgreSQL migration 0001), as SQLite's.
const OPEN = "l.status IN ('assigned', 'appointment') AND (l.status = 'assigned' OR NOT l.frozen)";
const OTHER_CONSENTS = ['direct_marketing', 'profiling', 'phone', 'post', 'sms', 'fax', 'social']
  .map((c) => `l.consent_${c}::int`)
  .join(' + ');

/** The WHERE and its parameters (everyone's, a person's, a person's and the unassigned). */
const where = (of: OpenLeadsOf): [string, unknown[]] => {
  const [w, params]: [string, unknown[]] =
    of.assigneeId !== undefined && of.assigneeId !== null
      ? [
          `${OPEN} AND ${of.includeUnassigned ? '(l.assignee_id = $1 OR l.assignee_id IS NULL)' : 'l.assignee_id = $1'}`,
          [of.assigneeId],
        ]
      : [OPEN, []];
  return [of.site == null ? w : `${w} AND ${siteWhere(of.site)}`, params];
};

export function playbookRepoPg(q: Queryable): Async<PlaybookRepo> {
  return {
    openLeads(of) {
      const [w, params] = where(of);
      return rows<SlimLeadRow>(
        q,
        `SELECT l.id, l.number, l.version, l.first_name AS "firstName", l.last_name AS "lastName", l.lead_type AS "leadType",
          l.status, l.frozen::int AS frozen, l.source, l.campaign, l.assignee_id AS "assigneeId", l.assignee_name AS "assigneeName",
          l.assigned_at AS "assignedAt", l.contact_attempts AS "contactAttempts", l.phone, l.other_phone AS "otherPhone", l.email,
          l.language, l.country, l.appointment_at AS "appointmentAt", l.preferred_at_1 AS "preferredAt1",
          l.preferred_at_2 AS "preferredAt2", l.preferred_at_3 AS "preferredAt3", l.consent_email::int AS "consentEmail",
          (${OTHER_CONSENTS}) AS "consentOther"
        FROM leads l WHERE ${w} ORDER BY l.id`,
        params,
      );
    },
    openLeadContacts(of) {
      const [w, params] = where(of);
      return rows<StepContact & { leadId: number }>(
        q,
        `SELECT c.lead_id AS "leadId", c.at, c.direction, c.channel, c.outcome FROM leads l JOIN contacts c ON c.lead_id = l.id
          WHERE ${w} ORDER BY l.id, c.at, c.id`,
        params,
      );
    },
    contactsOf: (leadId) =>
      rows<StepContact>(q, 'SELECT at, direction, channel, outcome FROM contacts WHERE lead_id = $1 ORDER BY at, id', [
        leadId,
      ]),
    leads: async (ids) =>
      (
        await rows<Record<string, unknown>>(
          q,
          `SELECT ${PG_LEAD_SELECT} FROM leads WHERE id = ANY($1::int[]) ORDER BY id`,
          [ids],
        )
      ).map((r) => rowToLead(r)),
    contactsOfLeads: (ids) =>
      rows<StepContact & { leadId: number }>(
        q,
        `SELECT lead_id AS "leadId", at, direction, channel, outcome FROM contacts WHERE lead_id = ANY($1::int[]) ORDER BY at, id`,
        [ids],
      ),
    template: (kind, language) =>
      row<StoredTemplate>(
        q,
        'SELECT subject, body, updated_at AS "updatedAt" FROM templates WHERE kind = $1 AND language = $2',
        [kind, language],
      ),
    templateText: (kind, language) =>
      row<{ subject: string; body: string }>(
        q,
        "SELECT coalesce(subject, '') AS subject, body FROM templates WHERE kind = $1 AND language = $2",
        [kind, language],
      ),
    saveTemplate: async (kind, language, subject, body, now) =>
      void (await run(
        q,
        `INSERT INTO templates (kind, language, subject, body, updated_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
        [kind, language, subject, body, now],
      )),
    deleteTemplate: async (kind, language) =>
      void (await run(q, 'DELETE FROM templates WHERE kind = $1 AND language = $2', [kind, language])),
    vehicleModel: async (vin) =>
      (await row<{ model: string | null }>(q, 'SELECT model FROM vehicles WHERE vin = $1', [vin]))?.model ?? null,
    isManager: async (userId) =>
      (await row(q, "SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'manager'", [userId])) !== undefined,
    queueEmail: async (m, now) =>
      (await row<{ id: number }>(
        q,
        `INSERT INTO outbox (dedupe_key, lead_id, kind, to_address, language, subject, text_body, html_body, ics, due_at, state,
          attempts, next_attempt_at, created_at)
          VALUES ($1, $2, 'playbook_email', $3, $4, $5, $6, NULL, NULL, $7, 'queued', 0, $7, $7) RETURNING id`,
        [m.key, m.leadId, m.to, m.language, m.subject, m.body, now],
      ))!.id,
  };
}
