// Assignment rules and the leads' assignee on PostgreSQL (electron/store/repos/assignment.ts).
import type { AssignmentRepo, RoutedLeadRow, StoredRule } from '../../repos/assignment';
import type { Async } from '../../repos/index';
import { row, rows, run, type Queryable } from './query';

export function assignmentRepoPg(q: Queryable): Async<AssignmentRepo> {
  return {
    rules: async () =>
      (
        await rows<Omit<StoredRule, 'active'> & { active: boolean; siteId: number }>(
          q,
          `SELECT id, position, campaign, source, lead_type AS "leadType", request_for AS "requestFor", target_user_id AS "targetUserId",
            target_role AS "targetRole", rr_cursor AS "rrCursor", active, site_id AS "siteId" FROM assignment_rules ORDER BY position, id`,
        )
      ).map((r) => ({ ...r, active: r.active === true })),
    async replaceRules(rs, siteId = null) {
      if (siteId === null) await run(q, 'DELETE FROM assignment_rules');
      else await run(q, 'DELETE FROM assignment_rules WHERE site_id = $1', [siteId]);
      if (rs.length === 0) return;
      await run(
        q,
        `INSERT INTO assignment_rules (position, campaign, source, lead_type, request_for, target_user_id, target_role, rr_cursor, active, site_id)
          SELECT i, c, s, t, r, u, ro, cur, a, si
          FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::boolean[], $9::int[])
          WITH ORDINALITY AS x(c, s, t, r, u, ro, cur, a, si, i) ORDER BY i`,
        [
          rs.map((r) => r.campaign),
          rs.map((r) => r.source),
          rs.map((r) => r.leadType),
          rs.map((r) => r.requestFor),
          rs.map((r) => r.targetUserId),
          rs.map((r) => r.targetRole),
          rs.map((r) => r.rrCursor),
          rs.map((r) => r.active),
          rs.map((r) => siteId ?? r.siteId ?? 1),
        ],
      );
    },
    setCursor: async (ruleId, c) =>
      void (await run(q, 'UPDATE assignment_rules SET rr_cursor = $1 WHERE id = $2', [c, ruleId])),
    lead: (id) =>
      row<RoutedLeadRow>(
        q,
        `SELECT id, campaign, source, lead_type AS "leadType", request_for AS "requestFor", assignee_id AS "assigneeId",
            site_id AS "siteId" FROM leads WHERE id = $1`,
        [id],
      ),
    setAssignee: async (leadId, assigneeId, now) =>
      void (await run(q, 'UPDATE leads SET assignee_id = $1, updated_at = $2, version = version + 1 WHERE id = $3', [
        assigneeId,
        now,
        leadId,
      ])),
    setAssigneeAt: async (leadId, version, assigneeId, now) =>
      (await run(
        q,
        'UPDATE leads SET assignee_id = $1, updated_at = $2, version = version + 1 WHERE id = $3 AND version = $4',
        [assigneeId, now, leadId, version],
      )) === 1,
    user: (id) => row(q, 'SELECT name, active::int AS active FROM users WHERE id = $1', [id]),
    history: async (leadId, at, actor, from, to) =>
      void (await run(
        q,
        `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
          VALUES ($1, NULL, $2, $3, $4, 'assigneeId', $5, $6)`,
        [leadId, at, actor.id, actor.name, from, to],
      )),
    openLeadIds: async (userId) =>
      (
        await rows<{ id: number }>(
          q,
          "SELECT id FROM leads WHERE assignee_id = $1 AND (status = 'assigned' OR (status = 'appointment' AND NOT frozen)) ORDER BY id",
          [userId],
        )
      ).map((r) => r.id),
  };
}
