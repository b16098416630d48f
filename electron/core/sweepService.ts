// Runs the pure sweeps of shared/rules/sweeps.ts against the store, as the System user, each in one
// transaction (`run`), or all inside a caller's (`runIn`: the demo generator's batch). Idempotent: a second run at
// the same moment changes nothing.
import { SYSTEM_ACTOR, type Lead } from '../../shared/domain/lead';
import { DAY, appointmentExpirySweep, followUpLead, lostSaleSweep, recontactDue, diff } from '../../shared/rules';
import type { AsyncStore } from '../store/repos/index';
import type { Events } from './events';
import type { LeadService, TxRepos } from './leadService';
import type { SettingsService } from './settingsService';
import type { SiteService } from './sites/siteService';
import type { RuleSettings } from '../../shared/domain/settings';

export interface SweepChangeReport {
  leadId: number;
  number: string;
  change: 'lost' | 'appointmentExpired' | 'followUpCreated';
  effectiveAt: number;
  followUpLeadId?: number;
}
export interface SweepReport {
  at: number;
  dryRun: boolean;
  changes: SweepChangeReport[];
}

type SweepKind = 'lost' | 'appointmentExpiry' | 'recontact';
export interface SweepOptions {
  dryRun?: boolean;
  only?: SweepKind[];
}

export interface SweepService {
  /** Each sweep in its own transaction; `lead.created` for each follow-up after its commit. */
  run(at: number, opts?: SweepOptions): Promise<SweepReport>;
  /** Every sweep inside the caller's transaction (no event: the caller's commit is not done yet). */
  runIn(r: TxRepos, at: number, opts?: SweepOptions): Promise<SweepReport>;
}

export function createSweepService(
  data: AsyncStore,
  leads: LeadService,
  settings: SettingsService,
  events?: Events,
  /** Sites (docs/rules.md §11.8): each lead is swept with its site's figures; absent: the group's everywhere. */
  siteRules?: Pick<SiteService, 'rulesOf' | 'rulesOfLead' | 'sitesWithOwnRules'>,
): SweepService {
  /** The figures in use: the group's and each site's own (none with one site). */
  const figures = async (): Promise<{ all: RuleSettings[]; perSite: boolean }> => {
    const own = siteRules ? await siteRules.sitesWithOwnRules() : [];
    const all = [settings.rules()];
    for (const site of own) all.push(await siteRules!.rulesOf(site));
    return { all, perSite: own.length > 0 };
  };
  const rulesOfLead = async (r: TxRepos, id: number, perSite: boolean) =>
    perSite ? siteRules!.rulesOfLead(id, r) : settings.rules();
  /** The leads by the figures of their site, in their order (one group when no site has its own). */
  const bySite = async (r: TxRepos, leads: Lead[], perSite: boolean) => {
    const groups = new Map<string, { s: RuleSettings; leads: Lead[] }>();
    for (const l of leads) {
      const s = await rulesOfLead(r, l.id, perSite);
      const key = JSON.stringify(s);
      const g = groups.get(key);
      if (g) g.leads.push(l);
      else groups.set(key, { s, leads: [l] });
    }
    return [...groups.values()];
  };
  const fetch = (r: TxRepos, kind: 'lost' | 'expiry' | 'recontact', bound: number): Promise<Lead[]> =>
    r.leads.sweepCandidates(kind, bound);

  // SQL narrows with a one-day margin (calendar days in the dealer's zone); the rule decides.
  async function recontact(r: TxRepos, at: number, dryRun: boolean, changes: SweepChangeReport[]): Promise<void> {
    const { perSite } = await figures();
    for (const master of recontactDue(await fetch(r, 'recontact', at), at)) {
      const effectiveAt = master.recontactAt ?? at;
      const report: SweepChangeReport = {
        leadId: master.id,
        number: master.number,
        change: 'followUpCreated',
        effectiveAt,
      };
      if (!dryRun) {
        const { masterLeadId, recontacted, assignedAt, ...input } = followUpLead(master);
        const child = await leads.createIn(r, input, SYSTEM_ACTOR, {
          assignedAt,
          masterLeadId,
          recontacted,
          at: effectiveAt,
        });
        const ctx = { now: at, user: SYSTEM_ACTOR, settings: await rulesOfLead(r, master.id, perSite) };
        await leads.applyChanges(
          r,
          master,
          { ...diff(master, { followUpLeadId: child.id }, ctx, effectiveAt), effects: [] },
          SYSTEM_ACTOR,
        );
        report.followUpLeadId = child.id;
      }
      changes.push(report);
    }
  }

  /** Lost Sale and appointment expiry: the leads past their rule's window, each changed as the shared rule says. */
  const TIMED = {
    lost: { rule: lostSaleSweep, days: 'lostAfterDays', change: 'lost' },
    expiry: { rule: appointmentExpirySweep, days: 'appointmentExpiryDays', change: 'appointmentExpired' },
  } as const;
  const timed =
    (kind: keyof typeof TIMED) =>
    async (r: TxRepos, at: number, dryRun: boolean, changes: SweepChangeReport[]): Promise<void> => {
      const { rule, days, change } = TIMED[kind];
      // SQL narrows with the shortest window of the figures in use; each lead's site's figures decide.
      const { all, perSite } = await figures();
      const shortest = Math.min(...all.map((s) => s[days]));
      for (const g of await bySite(r, await fetch(r, kind, at - (shortest - 1) * DAY), perSite))
        for (const c of rule(g.leads, at, g.s)) {
          const lead = await leads.loadIn(r, c.leadId);
          changes.push({ leadId: lead.id, number: lead.number, change, effectiveAt: c.effectiveAt });
          if (!dryRun) await leads.applyChanges(r, lead, c.changes, SYSTEM_ACTOR);
        }
    };

  // Follow-ups first: a follow-up due long ago may itself be due for Lost Sale in the same catch-up.
  const steps = [
    ['recontact', recontact],
    ['lost', timed('lost')],
    ['appointmentExpiry', timed('expiry')],
  ] as const;

  return {
    async run(at, opts = {}) {
      const dryRun = opts.dryRun ?? false;
      const only = new Set(opts.only ?? ['lost', 'appointmentExpiry', 'recontact']);
      const changes: SweepChangeReport[] = [];
      for (const [kind, step] of steps) {
        if (!only.has(kind)) continue;
        const from = changes.length;
        await data.tx((r) => step(r, at, dryRun, changes));
        for (const c of changes.slice(from))
          if (c.followUpLeadId !== undefined)
            events?.emit({ type: 'lead.created', leadId: c.followUpLeadId, at: c.effectiveAt });
      }
      return { at, dryRun, changes };
    },
    async runIn(r, at, opts = {}) {
      const dryRun = opts.dryRun ?? false;
      const only = new Set(opts.only ?? ['lost', 'appointmentExpiry', 'recontact']);
      const changes: SweepChangeReport[] = [];
      for (const [kind, step] of steps) if (only.has(kind)) await step(r, at, dryRun, changes);
      return { at, dryRun, changes };
    },
  };
}
