// Assignment routing (docs/rules.md §7): ordered rules on the lead's nature route a new lead to a person
// or to a role's pool (round robin skipping absent and inactive members); no rule → the manager's
// queue (assignee null). Pure: `now` and the people are arguments.
import type { LeadType, Role, Source } from '../domain/vocabulary';
import { isAvailable, type Person } from './access';

export interface AssignmentRule {
  id: number;
  /** Criteria; null = any. `requestFor` matches when the lead's request-for contains it (case-insensitive). */
  campaign: string | null;
  source: Source | null;
  leadType: LeadType | null;
  requestFor: string | null;
  /** Exactly one target: a person or a role's pool. */
  targetUserId: number | null;
  targetRole: Role | null;
  /** Round robin: the id of the member who got the previous lead of this rule (0 = none yet). */
  rrCursor: number;
  active: boolean;
  /** The site whose leads the rule routes (docs/rules.md §11); absent = any (one site). */
  siteId?: number;
}

export interface LeadNature {
  campaign: string;
  source: Source;
  leadType: LeadType;
  requestFor: string | null;
  /** The lead's site (docs/rules.md §11); absent = one site. */
  siteId?: number;
}
export interface RouteResult {
  assigneeId: number | null;
  ruleId: number | null;
  rrCursor?: number;
}

export function ruleMatches(r: AssignmentRule, l: LeadNature): boolean {
  if (!r.active) return false;
  if (r.siteId !== undefined && l.siteId !== undefined && r.siteId !== l.siteId) return false;
  if (r.campaign !== null && r.campaign !== l.campaign) return false;
  if (r.source !== null && r.source !== l.source) return false;
  if (r.leadType !== null && r.leadType !== l.leadType) return false;
  if (r.requestFor !== null && r.requestFor.trim() !== '') {
    if (!(l.requestFor ?? '').toLocaleLowerCase().includes(r.requestFor.trim().toLocaleLowerCase())) return false;
  }
  return true;
}

/** Whether a person works at the site (a group-wide person: at every site; no site given: anyone). */
export const atSite = (p: Pick<Person, 'siteId'>, siteId: number | undefined): boolean =>
  siteId === undefined || p.siteId == null || p.siteId === siteId;

/** The next available member after `cursor` (by id, wrapping), or null. */
export function roundRobin(pool: readonly Person[], cursor: number, now: number): number | null {
  const members = pool
    .filter((p) => isAvailable(p, now))
    .map((p) => p.id)
    .sort((a, b) => a - b);
  if (members.length === 0) return null;
  return members.find((id) => id > cursor) ?? members[0]!;
}

/**
 * Rules in order (the first that matches AND finds someone available wins; a rule whose person or whole
 * pool is away falls through to the next rule). Nothing → the manager's queue.
 */
export function route(
  lead: LeadNature,
  rules: readonly AssignmentRule[],
  people: readonly Person[],
  now: number,
): RouteResult {
  // Only the people of the lead's site, and the group-wide ones (docs/rules.md §11).
  const ofSite = people.filter((p) => atSite(p, lead.siteId));
  for (const r of rules) {
    if (!ruleMatches(r, lead)) continue;
    if (r.targetUserId !== null) {
      const p = ofSite.find((x) => x.id === r.targetUserId);
      if (p && isAvailable(p, now)) return { assigneeId: p.id, ruleId: r.id };
      continue;
    }
    if (r.targetRole !== null) {
      const pick = roundRobin(
        ofSite.filter((p) => p.roles.includes(r.targetRole!)),
        r.rrCursor,
        now,
      );
      if (pick !== null) return { assigneeId: pick, ruleId: r.id, rrCursor: pick };
    }
  }
  return { assigneeId: null, ruleId: null };
}
