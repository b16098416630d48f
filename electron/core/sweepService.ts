// Runs the pure sweeps of shared/rules/sweeps.ts against the store, as the System user, each in one
// transaction. Idempotent: a second run at the same moment changes nothing.
import { SYSTEM_ACTOR, type Lead } from '../../shared/domain/lead';
import { DAY, appointmentExpirySweep, followUpLead, lostSaleSweep, recontactDue, diff } from '../../shared/rules';
import type { Store } from '../store/db';
import { leadsRepo } from '../store/repos/leads';
import type { LeadService } from './leadService';
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

export interface SweepService {
  run(at: number, opts?: { dryRun?: boolean; only?: ('lost' | 'appointmentExpiry' | 'recontact')[] }): SweepReport;
}

export function createSweepService(store: Store, leads: LeadService, settings: SettingsService): SweepService {
  const { sqlite } = store;
  const repo = leadsRepo(sqlite);
  const fetch = (kind: 'lost' | 'expiry' | 'recontact', bound: number): Lead[] => repo.sweepCandidates(kind, bound);

  return {
    run(at, opts = {}) {
      const dryRun = opts.dryRun ?? false;
      const only = new Set(opts.only ?? ['lost', 'appointmentExpiry', 'recontact']);
      const s = settings.rules();
      const changes: SweepChangeReport[] = [];
      // SQL narrows with a one-day margin (calendar days in the dealer's zone); the rule decides.
      // Follow-ups first: a follow-up due long ago may itself be due for Lost Sale in the same catch-up.
      if (only.has('recontact')) {
        sqlite.transaction(() => {
          for (const master of recontactDue(fetch('recontact', at), at)) {
            const effectiveAt = master.recontactAt ?? at;
            const report: SweepChangeReport = {
              leadId: master.id,
              number: master.number,
              change: 'followUpCreated',
              effectiveAt,
            };
            if (!dryRun) {
              const { masterLeadId, recontacted, assignedAt, ...input } = followUpLead(master);
              const child = leads.create(input, SYSTEM_ACTOR, {
                assignedAt,
                masterLeadId,
                recontacted,
                at: effectiveAt,
              });
              const ctx = { now: at, user: SYSTEM_ACTOR, settings: s };
              leads.applyChanges(
                master,
                { ...diff(master, { followUpLeadId: child.id }, ctx, effectiveAt), effects: [] },
                SYSTEM_ACTOR,
              );
              report.followUpLeadId = child.id;
            }
            changes.push(report);
          }
        })();
      }
      if (only.has('lost')) {
        sqlite.transaction(() => {
          for (const c of lostSaleSweep(fetch('lost', at - (s.lostAfterDays - 1) * DAY), at, s)) {
            const lead = leads.load(c.leadId);
            changes.push({ leadId: lead.id, number: lead.number, change: 'lost', effectiveAt: c.effectiveAt });
            if (!dryRun) leads.applyChanges(lead, c.changes, SYSTEM_ACTOR);
          }
        })();
      }
      if (only.has('appointmentExpiry')) {
        sqlite.transaction(() => {
          for (const c of appointmentExpirySweep(fetch('expiry', at - (s.appointmentExpiryDays - 1) * DAY), at, s)) {
            const lead = leads.load(c.leadId);
            changes.push({
              leadId: lead.id,
              number: lead.number,
              change: 'appointmentExpired',
              effectiveAt: c.effectiveAt,
            });
            if (!dryRun) leads.applyChanges(lead, c.changes, SYSTEM_ACTOR);
          }
        })();
      }
      return { at, dryRun, changes };
    },
  };
}
