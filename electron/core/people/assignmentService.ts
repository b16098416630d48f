// Assignment (docs/rules.md §7): ordered rules route new leads (pure shared/people/routing.ts), manual and
// bulk reassignment. Every assignment writes history; `assigned_at` (the SLA clock) is never touched.
// `lead.assigned` is emitted after the commit of each assignment.
import type { Actor } from '../../../shared/domain/lead';
import { FINAL_STATUSES, type Status } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import { route, type AssignmentRule } from '../../../shared/people/routing';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';
import type { Events } from '../events';
import type { LeadService } from '../leadService';
import type { SettingsService } from '../settingsService';
import type { PeopleService } from './peopleService';

export type RuleInput = Omit<AssignmentRule, 'id' | 'rrCursor'>;
export type RuleRow = Omit<AssignmentRule, 'rrCursor'> & { position: number };

export interface AssignmentService {
  rules(): RuleRow[];
  setRules(rules: RuleInput[]): RuleRow[];
  /** Routes the given new leads that have no assignee (inside the caller's transaction). */
  routeNew(leadIds: number[], actor: Actor): void;
  reassign(id: number, version: number | null | undefined, assigneeId: number | null, actor: Actor): void;
  bulkReassign(fromUserId: number, toUserId: number | null, byRules: boolean, actor: Actor): number[];
}

export function createAssignmentService(
  store: Store,
  clock: Clock,
  settings: SettingsService,
  events: Events,
  leads: LeadService,
  people: PeopleService,
): AssignmentService {
  const { sqlite } = store;
  const q = {
    rules:
      sqlite.prepare(`SELECT id, position, campaign, source, lead_type AS leadType, request_for AS requestFor, target_user_id AS targetUserId,
      target_role AS targetRole, rr_cursor AS rrCursor, active FROM assignment_rules ORDER BY position, id`),
    nature: sqlite.prepare(
      'SELECT id, campaign, source, lead_type AS leadType, request_for AS requestFor, assignee_id AS assigneeId FROM leads WHERE id = ?',
    ),
    setAssignee: sqlite.prepare('UPDATE leads SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ?'),
    cursor: sqlite.prepare('UPDATE assignment_rules SET rr_cursor = ? WHERE id = ?'),
    userName: sqlite.prepare('SELECT name, active FROM users WHERE id = ?'),
    history:
      sqlite.prepare(`INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
      VALUES (?, NULL, ?, ?, ?, 'assigneeId', ?, ?)`),
    open: sqlite.prepare(
      "SELECT id FROM leads WHERE assignee_id = ? AND (status = 'assigned' OR (status = 'appointment' AND frozen = 0)) ORDER BY id",
    ),
  };
  const loadRules = (): AssignmentRule[] =>
    (q.rules.all() as (Omit<AssignmentRule, 'active'> & { active: number; position: number })[]).map((r) => ({
      ...r,
      active: r.active === 1,
    }));
  const nameOf = (id: number | null) =>
    id === null ? null : ((q.userName.get(id) as { name: string } | undefined)?.name ?? `#${id}`);
  const written = (leadId: number, from: number | null, to: number | null, actor: Actor, at: number) =>
    q.history.run(leadId, at, actor.id, actor.name, nameOf(from), nameOf(to));

  const svc: AssignmentService = {
    rules: () => loadRules().map(({ rrCursor: _c, ...r }) => r as RuleRow),
    setRules(rules) {
      const campaigns = settings.campaigns();
      sqlite.transaction(() => {
        rules.forEach((r, i) => {
          if (r.campaign !== null && !campaigns.includes(r.campaign))
            throw new AppError('CAMPAIGN_UNKNOWN', { field: `rules.${i}.campaign` });
          if (r.targetUserId !== null && !q.userName.get(r.targetUserId))
            throw new AppError('NOT_FOUND', { field: `rules.${i}.targetUserId` });
        });
        // Keep each role pool's round-robin position when the list is saved again.
        const cursors = new Map(
          loadRules()
            .filter((r) => r.targetRole)
            .map((r) => [r.targetRole!, r.rrCursor]),
        );
        sqlite.prepare('DELETE FROM assignment_rules').run();
        const ins =
          sqlite.prepare(`INSERT INTO assignment_rules (position, campaign, source, lead_type, request_for, target_user_id, target_role, rr_cursor, active)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
        rules.forEach((r, i) =>
          ins.run(
            i + 1,
            r.campaign,
            r.source,
            r.leadType,
            r.requestFor,
            r.targetUserId,
            r.targetRole,
            r.targetRole ? (cursors.get(r.targetRole) ?? 0) : 0,
            r.active ? 1 : 0,
          ),
        );
      })();
      return svc.rules();
    },
    routeNew(leadIds, actor) {
      if (leadIds.length === 0) return;
      const rules = loadRules();
      if (rules.length === 0) return;
      const persons = people.persons();
      const now = clock.now();
      const moved = new Map<number, number>();
      for (const id of leadIds) {
        const l = q.nature.get(id) as
          | {
              id: number;
              campaign: string;
              source: never;
              leadType: never;
              requestFor: string | null;
              assigneeId: number | null;
            }
          | undefined;
        if (!l || l.assigneeId !== null) continue;
        const r = route(l, rules, persons, now);
        if (r.assigneeId === null) continue;
        if (r.rrCursor !== undefined) {
          const rule = rules.find((x) => x.id === r.ruleId)!;
          rule.rrCursor = r.rrCursor;
          moved.set(rule.id, r.rrCursor);
        }
        q.setAssignee.run(r.assigneeId, now, id);
        written(id, null, r.assigneeId, actor, now);
      }
      for (const [ruleId, cursor] of moved) q.cursor.run(cursor, ruleId);
    },
    reassign(id, version, assigneeId, actor) {
      const now = clock.now();
      const from = sqlite.transaction(() => {
        const lead = leads.load(id);
        if (version !== null && version !== undefined && version !== lead.version)
          throw new AppError('VERSION_CONFLICT');
        // Final, or an expired (frozen) appointment: docs/rules.md §2 — cannot be changed at all.
        if ((FINAL_STATUSES as readonly Status[]).includes(lead.status) || lead.frozen)
          throw new AppError('LEAD_IS_FINAL');
        if (assigneeId !== null) {
          const u = q.userName.get(assigneeId) as { active: number } | undefined;
          if (!u) throw new AppError('NOT_FOUND', { field: 'assigneeId' });
          if (u.active !== 1) throw new AppError('USER_INACTIVE', { field: 'assigneeId' });
        }
        if (lead.assigneeId === assigneeId) return undefined;
        const r = sqlite
          .prepare(
            'UPDATE leads SET assignee_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
          )
          .run(assigneeId, now, id, lead.version);
        if (r.changes !== 1) throw new AppError('VERSION_CONFLICT');
        written(id, lead.assigneeId, assigneeId, actor, now);
        return lead.assigneeId;
      })();
      if (from !== undefined) events.emit({ type: 'lead.assigned', leadId: id, at: now, assigneeId });
    },
    bulkReassign(fromUserId, toUserId, byRules, actor) {
      const now = clock.now();
      if (toUserId !== null) {
        const u = q.userName.get(toUserId) as { active: number } | undefined;
        if (!u) throw new AppError('NOT_FOUND', { field: 'toUserId' });
        if (u.active !== 1) throw new AppError('USER_INACTIVE', { field: 'toUserId' });
      }
      const done = sqlite.transaction(() => {
        const ids = (q.open.all(fromUserId) as { id: number }[]).map((r) => r.id);
        for (const id of ids) {
          q.setAssignee.run(toUserId, now, id);
          written(id, fromUserId, toUserId, actor, now);
        }
        // Through the rules: unassigned first, then routed (someone away is skipped by the round robin).
        if (toUserId === null && byRules) svc.routeNew(ids, actor);
        return ids.map((id) => ({ id, to: (q.nature.get(id) as { assigneeId: number | null }).assigneeId }));
      })();
      for (const d of done) events.emit({ type: 'lead.assigned', leadId: d.id, at: now, assigneeId: d.to });
      return done.map((d) => d.id);
    },
  };
  return svc;
}
