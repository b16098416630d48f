// Runs the pure sweeps of shared/rules/sweeps.ts against the store, as the System user, each in one
// transaction (`run`), or all inside a caller's (`runIn`: the demo generator's batch). Idempotent: a second run at
// the same moment changes nothing.
import { SYSTEM_ACTOR, type Lead } from '../../shared/domain/lead';
import { DAY, appointmentExpirySweep, followUpLead, lostSaleSweep, recontactDue, diff } from '../../shared/rules';
import type { AsyncStore } from '../store/repos/index';
import type { Events } from './events';
import type { LeadService, TxRepos } from './leadService';
import type { SettingsService } from './settingsService';

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
): SweepService {
  const fetch = (r: TxRepos, kind: 'lost' | 'expiry' | 'recontact', bound: number): Promise<Lead[]> =>
    r.leads.sweepCandidates(kind, bound);

  // SQL narrows with a one-day margin (calendar days in the dealer's zone); the rule decides.
  async function recontact(r: TxRepos, at: number, dryRun: boolean, changes: SweepChangeReport[]): Promise<void> {
    const s = settings.rules();
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
        const ctx = { now: at, user: SYSTEM_ACTOR, settings: s };
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
      const s = settings.rules();
      for (const c of rule(await fetch(r, kind, at - (s[days] - 1) * DAY), at, s)) {
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
