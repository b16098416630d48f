// Assignment rules and the assignee column of leads (electron/core/people/assignmentService.ts).
import type { AssignmentRule, LeadNature } from '../../../shared/people/routing';
import { once, type Sqlite } from './prepared';

/** A rule as stored, with its position (1 = first). */
export type StoredRule = AssignmentRule & { position: number };
/** What routing reads of a lead. */
export type RoutedLeadRow = LeadNature & { id: number; assigneeId: number | null; siteId: number };

export interface AssignmentRepo {
  /** The rules in their order (each with its site). */
  rules(): (StoredRule & { siteId: number })[];
  /**
   * Replaces every rule (positions 1, 2, … in the given order), or only the rules of `siteId` (docs/rules.md §11);
   * a rule without a site goes to site 1.
   */
  replaceRules(rules: Omit<AssignmentRule, 'id'>[], siteId?: number | null): void;
  setCursor(ruleId: number, cursor: number): void;
  lead(id: number): RoutedLeadRow | undefined;
  /** Sets the assignee (version + 1) whatever the lead's version. */
  setAssignee(leadId: number, assigneeId: number | null, now: number): void;
  /** Sets the assignee when the lead is at `version`; whether it was. */
  setAssigneeAt(leadId: number, version: number, assigneeId: number | null, now: number): boolean;
  user(id: number): { name: string; active: number } | undefined;
  /** One 'assigneeId' history row (old and new: the users' names). */
  history(
    leadId: number,
    at: number,
    actor: { id: number | null; name: string },
    from: string | null,
    to: string | null,
  ): void;
  /** The user's open leads (assigned, or an appointment not frozen), by id. */
  openLeadIds(userId: number): number[];
}

export function assignmentRepo(sqlite: Sqlite): AssignmentRepo {
  const rules = once(() =>
    sqlite.prepare<
      [],
      Omit<StoredRule, 'active'> & { active: number; siteId: number }
    >(`SELECT id, position, campaign, source, lead_type AS leadType, request_for AS requestFor, target_user_id AS targetUserId,
      target_role AS targetRole, rr_cursor AS rrCursor, active, site_id AS siteId FROM assignment_rules ORDER BY position, id`),
  );
  const nature = once(() =>
    sqlite.prepare<[number], RoutedLeadRow>(
      'SELECT id, campaign, source, lead_type AS leadType, request_for AS requestFor, assignee_id AS assigneeId, site_id AS siteId FROM leads WHERE id = ?',
    ),
  );
  const setAssignee = once(() =>
    sqlite.prepare<[number | null, number, number]>(
      'UPDATE leads SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    ),
  );
  const setAssigneeAt = once(() =>
    sqlite.prepare<[number | null, number, number, number]>(
      'UPDATE leads SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
    ),
  );
  const cursor = once(() => sqlite.prepare<[number, number]>('UPDATE assignment_rules SET rr_cursor = ? WHERE id = ?'));
  const user = once(() =>
    sqlite.prepare<[number], { name: string; active: number }>('SELECT name, active FROM users WHERE id = ?'),
  );
  const history = once(() =>
    sqlite.prepare<
      [number, number, number | null, string, string | null, string | null]
    >(`INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
      VALUES (?, NULL, ?, ?, ?, 'assigneeId', ?, ?)`),
  );
  const open = once(() =>
    sqlite.prepare<[number], { id: number }>(
      "SELECT id FROM leads WHERE assignee_id = ? AND (status = 'assigned' OR (status = 'appointment' AND frozen = 0)) ORDER BY id",
    ),
  );
  const deleteRules = once(() => sqlite.prepare('DELETE FROM assignment_rules'));
  const deleteSiteRules = once(() => sqlite.prepare<[number]>('DELETE FROM assignment_rules WHERE site_id = ?'));
  const insertRule = once(() =>
    sqlite.prepare<
      [
        number,
        string | null,
        string | null,
        string | null,
        string | null,
        number | null,
        string | null,
        number,
        number,
        number,
      ]
    >(`INSERT INTO assignment_rules (position, campaign, source, lead_type, request_for, target_user_id, target_role, rr_cursor, active, site_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  );
  return {
    rules: () =>
      rules()
        .all()
        .map((r) => ({ ...r, active: r.active === 1 })),
    replaceRules(rs, siteId = null) {
      if (siteId === null) deleteRules().run();
      else deleteSiteRules().run(siteId);
      const ins = insertRule();
      rs.forEach((r, i) =>
        ins.run(
          i + 1,
          r.campaign,
          r.source,
          r.leadType,
          r.requestFor,
          r.targetUserId,
          r.targetRole,
          r.rrCursor,
          r.active ? 1 : 0,
          siteId ?? r.siteId ?? 1,
        ),
      );
    },
    setCursor: (ruleId, c) => void cursor().run(c, ruleId),
    lead: (id) => nature().get(id),
    setAssignee: (leadId, assigneeId, now) => void setAssignee().run(assigneeId, now, leadId),
    setAssigneeAt: (leadId, version, assigneeId, now) =>
      setAssigneeAt().run(assigneeId, now, leadId, version).changes === 1,
    user: (id) => user().get(id),
    history: (leadId, at, actor, from, to) => void history().run(leadId, at, actor.id, actor.name, from, to),
    openLeadIds: (userId) =>
      open()
        .all(userId)
        .map((r) => r.id),
  };
}
