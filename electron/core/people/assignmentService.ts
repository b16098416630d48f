// Assignment (docs/rules.md §7): ordered rules route new leads (pure shared/people/routing.ts), manual and
// bulk reassignment. Every assignment writes history; `assigned_at` (the SLA clock) is never touched.
// `lead.assigned` is emitted after the commit of each assignment.
import type { Actor } from '../../../shared/domain/lead';
import { FINAL_STATUSES, type Status } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import { route, type AssignmentRule } from '../../../shared/people/routing';
import type { AsyncStore } from '../../store/repos/index';
import type { Clock } from '../clock';
import type { Events } from '../events';
import type { LeadService, TxRepos } from '../leadService';
import type { SettingsService } from '../settingsService';
import type { PeopleService } from './peopleService';

export type RuleInput = Omit<AssignmentRule, 'id' | 'rrCursor'>;
export type RuleRow = Omit<AssignmentRule, 'rrCursor'> & { position: number };

/**
 * `site` (docs/rules.md §11): the rules of one site (the person's, or the one chosen in the header); null = every
 * rule (one site; a group-wide person's "All sites", each rule with its site). The rules carry their site only when
 * there are several.
 */
export interface AssignmentService {
  rules(site?: number | null): Promise<RuleRow[]>;
  setRules(rules: RuleInput[], site?: number | null): Promise<RuleRow[]>;
  /** Routes the given new leads that have no assignee (inside the caller's transaction). */
  routeNew(r: TxRepos, leadIds: number[], actor: Actor): Promise<void>;
  reassign(id: number, version: number | null | undefined, assigneeId: number | null, actor: Actor): Promise<void>;
  bulkReassign(fromUserId: number, toUserId: number | null, byRules: boolean, actor: Actor): Promise<number[]>;
}

export function createAssignmentService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  events: Events,
  leads: LeadService,
  people: PeopleService,
  sites: { multi(): Promise<boolean> },
): AssignmentService {
  const nameOf = async (r: TxRepos, id: number | null) =>
    id === null ? null : ((await r.assignment.user(id))?.name ?? `#${id}`);
  const written = async (
    r: TxRepos,
    leadId: number,
    from: number | null,
    to: number | null,
    actor: Actor,
    at: number,
  ) => r.assignment.history(leadId, at, actor, await nameOf(r, from), await nameOf(r, to));
  const activeUser = async (r: TxRepos, id: number, field: string) => {
    const u = await r.assignment.user(id);
    if (!u) throw new AppError('NOT_FOUND', { field });
    if (u.active !== 1) throw new AppError('USER_INACTIVE', { field });
  };
  /** ASSIGNEE_OTHER_SITE unless the person works at the site (or group-wide). */
  const sameSite = async (r: TxRepos, userId: number, siteId: number, field: string) => {
    const own = await r.sites.userSite(userId);
    if (own != null && own !== siteId) throw new AppError('ASSIGNEE_OTHER_SITE', { field });
  };

  const svc: AssignmentService = {
    rules: async (site = null) => {
      const multi = await sites.multi();
      return (await data.repos.assignment.rules())
        .filter((r) => site === null || r.siteId === site)
        .map(({ rrCursor: _c, siteId, ...r }): RuleRow => (multi ? { ...r, siteId } : r));
    },
    async setRules(rules, site = null) {
      const campaigns = settings.campaigns();
      await data.tx(async (r) => {
        for (const [i, rule] of rules.entries()) {
          if (rule.campaign !== null && !campaigns.includes(rule.campaign))
            throw new AppError('CAMPAIGN_UNKNOWN', { field: `rules.${i}.campaign` });
          if (rule.targetUserId !== null && !(await r.assignment.user(rule.targetUserId)))
            throw new AppError('NOT_FOUND', { field: `rules.${i}.targetUserId` });
          // Several sites, "All sites" in view: a rule without its site is refused (never put at the first silently).
          if (site === null && rule.siteId == null && (await sites.multi()))
            throw new AppError('RULE_SITE_REQUIRED', { field: `rules.${i}.siteId` });
          const ruleSite = site ?? rule.siteId ?? 1;
          if (!(await r.sites.list()).some((s) => s.id === ruleSite))
            throw new AppError('SITE_UNKNOWN', { field: `rules.${i}.siteId` });
          if (rule.targetUserId !== null) await sameSite(r, rule.targetUserId, ruleSite, `rules.${i}.targetUserId`);
        }
        // Keep each role pool's round-robin position when the list is saved again — the pool of the rule's site
        // (several sites: another site's pool has other people and its own position).
        const pool = (siteId: number, role: string) => `${siteId}:${role}`;
        const cursors = new Map(
          (await r.assignment.rules())
            .filter((x) => x.targetRole)
            .map((x) => [pool(x.siteId, x.targetRole!), x.rrCursor]),
        );
        await r.assignment.replaceRules(
          rules.map((x) => ({
            ...x,
            rrCursor: x.targetRole ? (cursors.get(pool(site ?? x.siteId ?? 1, x.targetRole)) ?? 0) : 0,
          })),
          site,
        );
      });
      return svc.rules(site);
    },
    async routeNew(r, leadIds, actor) {
      if (leadIds.length === 0) return;
      const rules = await r.assignment.rules();
      if (rules.length === 0) return;
      const persons = await people.persons(r);
      const now = clock.now();
      const moved = new Map<number, number>();
      for (const id of leadIds) {
        const l = await r.assignment.lead(id);
        if (!l || l.assigneeId !== null) continue;
        const to = route(l, rules, persons, now);
        if (to.assigneeId === null) continue;
        if (to.rrCursor !== undefined) {
          const rule = rules.find((x) => x.id === to.ruleId)!;
          rule.rrCursor = to.rrCursor;
          moved.set(rule.id, to.rrCursor);
        }
        await r.assignment.setAssignee(id, to.assigneeId, now);
        await written(r, id, null, to.assigneeId, actor, now);
      }
      for (const [ruleId, cursor] of moved) await r.assignment.setCursor(ruleId, cursor);
    },
    async reassign(id, version, assigneeId, actor) {
      const now = clock.now();
      const from = await data.tx(async (r) => {
        const lead = await leads.loadIn(r, id);
        if (version !== null && version !== undefined && version !== lead.version)
          throw new AppError('VERSION_CONFLICT');
        // Final, or an expired (frozen) appointment: docs/rules.md §2 — cannot be changed at all.
        if ((FINAL_STATUSES as readonly Status[]).includes(lead.status) || lead.frozen)
          throw new AppError('LEAD_IS_FINAL');
        if (assigneeId !== null) {
          await activeUser(r, assigneeId, 'assigneeId');
          await sameSite(r, assigneeId, (await r.sites.leadSite(id))!, 'assigneeId');
        }
        if (lead.assigneeId === assigneeId) return undefined;
        if (!(await r.assignment.setAssigneeAt(id, lead.version, assigneeId, now)))
          throw new AppError('VERSION_CONFLICT');
        await written(r, id, lead.assigneeId, assigneeId, actor, now);
        return lead.assigneeId;
      });
      if (from !== undefined) events.emit({ type: 'lead.assigned', leadId: id, at: now, assigneeId });
    },
    async bulkReassign(fromUserId, toUserId, byRules, actor) {
      const now = clock.now();
      if (toUserId !== null) await activeUser(data.repos, toUserId, 'toUserId');
      const done = await data.tx(async (r) => {
        const ids = await r.assignment.openLeadIds(fromUserId);
        if (toUserId !== null)
          for (const id of ids) await sameSite(r, toUserId, (await r.sites.leadSite(id))!, 'toUserId');
        for (const id of ids) {
          await r.assignment.setAssignee(id, toUserId, now);
          await written(r, id, fromUserId, toUserId, actor, now);
        }
        // Through the rules: unassigned first, then routed (someone away is skipped by the round robin).
        if (toUserId === null && byRules) await svc.routeNew(r, ids, actor);
        const out: { id: number; to: number | null }[] = [];
        for (const id of ids) out.push({ id, to: (await r.assignment.lead(id))!.assigneeId });
        return out;
      });
      for (const d of done) events.emit({ type: 'lead.assigned', leadId: d.id, at: now, assigneeId: d.to });
      return done.map((d) => d.id);
    },
  };
  return svc;
}
