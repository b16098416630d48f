// Assignment (docs/rules.md §7): ordered rules route new leads (pure shared/people/routing.ts), manual and
// bulk reassignment. Every assignment writes history; `assigned_at` (the SLA clock) is never touched.
// `lead.assigned` is emitted after the commit of each assignment.
import type { Actor } from '../../../shared/domain/lead';
import { FINAL_STATUSES, type Status } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import { route, type AssignmentRule } from '../../../shared/people/routing';
import type { Store } from '../../store/db';
import { assignmentRepo } from '../../store/repos/assignment';
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
  const repo = assignmentRepo(sqlite);
  const loadRules = () => repo.rules();
  const nameOf = (id: number | null) => (id === null ? null : (repo.user(id)?.name ?? `#${id}`));
  const written = (leadId: number, from: number | null, to: number | null, actor: Actor, at: number) =>
    repo.history(leadId, at, actor, nameOf(from), nameOf(to));

  const svc: AssignmentService = {
    rules: () => loadRules().map(({ rrCursor: _c, ...r }): RuleRow => r),
    setRules(rules) {
      const campaigns = settings.campaigns();
      sqlite.transaction(() => {
        rules.forEach((r, i) => {
          if (r.campaign !== null && !campaigns.includes(r.campaign))
            throw new AppError('CAMPAIGN_UNKNOWN', { field: `rules.${i}.campaign` });
          if (r.targetUserId !== null && !repo.user(r.targetUserId))
            throw new AppError('NOT_FOUND', { field: `rules.${i}.targetUserId` });
        });
        // Keep each role pool's round-robin position when the list is saved again.
        const cursors = new Map(
          loadRules()
            .filter((r) => r.targetRole)
            .map((r) => [r.targetRole!, r.rrCursor]),
        );
        repo.replaceRules(rules.map((r) => ({ ...r, rrCursor: r.targetRole ? (cursors.get(r.targetRole) ?? 0) : 0 })));
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
        const l = repo.lead(id);
        if (!l || l.assigneeId !== null) continue;
        const r = route(l, rules, persons, now);
        if (r.assigneeId === null) continue;
        if (r.rrCursor !== undefined) {
          const rule = rules.find((x) => x.id === r.ruleId)!;
          rule.rrCursor = r.rrCursor;
          moved.set(rule.id, r.rrCursor);
        }
        repo.setAssignee(id, r.assigneeId, now);
        written(id, null, r.assigneeId, actor, now);
      }
      for (const [ruleId, cursor] of moved) repo.setCursor(ruleId, cursor);
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
          const u = repo.user(assigneeId);
          if (!u) throw new AppError('NOT_FOUND', { field: 'assigneeId' });
          if (u.active !== 1) throw new AppError('USER_INACTIVE', { field: 'assigneeId' });
        }
        if (lead.assigneeId === assigneeId) return undefined;
        if (!repo.setAssigneeAt(id, lead.version, assigneeId, now)) throw new AppError('VERSION_CONFLICT');
        written(id, lead.assigneeId, assigneeId, actor, now);
        return lead.assigneeId;
      })();
      if (from !== undefined) events.emit({ type: 'lead.assigned', leadId: id, at: now, assigneeId });
    },
    bulkReassign(fromUserId, toUserId, byRules, actor) {
      const now = clock.now();
      if (toUserId !== null) {
        const u = repo.user(toUserId);
        if (!u) throw new AppError('NOT_FOUND', { field: 'toUserId' });
        if (u.active !== 1) throw new AppError('USER_INACTIVE', { field: 'toUserId' });
      }
      const done = sqlite.transaction(() => {
        const ids = repo.openLeadIds(fromUserId);
        for (const id of ids) {
          repo.setAssignee(id, toUserId, now);
          written(id, fromUserId, toUserId, actor, now);
        }
        // Through the rules: unassigned first, then routed (someone away is skipped by the round robin).
        if (toUserId === null && byRules) svc.routeNew(ids, actor);
        return ids.map((id) => ({ id, to: repo.lead(id)!.assigneeId }));
      })();
      for (const d of done) events.emit({ type: 'lead.assigned', leadId: d.id, at: now, assigneeId: d.to });
      return done.map((d) => d.id);
    },
  };
  return svc;
}
