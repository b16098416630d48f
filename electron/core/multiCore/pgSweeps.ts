// The sweeps on PostgreSQL (issue 15): exactly one result per lead with several cores on the database. Lost Sale and
// appointment expiry go through store/pg/sweepClaim.ts (candidates FOR UPDATE SKIP LOCKED, the write guarded by the
// lead's version, batches of 500, `sweep.done` to the other cores inside each batch's transaction); the Contact Again
// follow-ups through sweepService's step. Every sweep transaction first takes a transaction-level advisory lock
// (SWEEP_TURN_LOCK): the sweeps of two cores take turns batch by batch (a second follow-up step reads the masters once
// the first committed: none is due any more), and a follow-up's insert never deadlocks with another core's batch on
// the trigger-kept counts. The timer's run is the leader's (`runWith(coordination.asLeader)`: its batches committed on
// the lock-holding session), a manual run (`run`, the CLI) goes on the pool beside it.
import { AppError } from '../../../shared/contract/errors';
import type { RuleSettings } from '../../../shared/domain/settings';
import { sweepAllPg, type PgSweepName, type SweepFigures, type TransactionRunner } from '../../store/pg/sweepClaim';
import type { PgAsyncStore } from '../../store/pg/asyncStore';
import { SWEEP_TURN_LOCK, advisoryXactLock } from '../../store/pg/locks';
import type { Events } from '../events';
import type { SettingsService } from '../settingsService';
import type { SiteService } from '../sites/siteService';
import type { SweepChangeReport, SweepOptions, SweepReport, SweepService } from '../sweepService';

export interface PgSweepService extends SweepService {
  /** A sweep whose timed steps run through `run` (the leader's session); null when `run` declined (not the leader). */
  runWith(run: TransactionRunner, at: number): Promise<SweepReport | null>;
}

const TIMED: [PgSweepName, 'lost' | 'appointmentExpiry'][] = [
  ['lost', 'lost'],
  ['appointmentExpiry', 'appointmentExpiry'],
];

export function pgSweepService(
  base: SweepService,
  deps: {
    settings: SettingsService;
    origin: string;
    onPool: TransactionRunner;
    /** The store itself (not afterReady's wrapper): its open transaction's connection. */
    data: PgAsyncStore;
    events: Events;
    log: (msg: string, err?: unknown) => void;
    /** Sites with their own rule figures: each lead swept with its site's (absent: the group's everywhere). */
    sites?: Pick<SiteService, 'rulesOf' | 'sitesWithOwnRules'>;
  },
): PgSweepService {
  /** Every sweep transaction of every core takes its turn (short: one batch, or the follow-ups). */
  const inTurn =
    (run: TransactionRunner): TransactionRunner =>
    (fn) =>
      run(async (c) => {
        await advisoryXactLock(c, SWEEP_TURN_LOCK);
        return fn(c);
      });

  /** The group's rule figures, with each site's own where a site has them (docs/rules.md §11.8). */
  async function figures(): Promise<SweepFigures> {
    const group = deps.settings.rules();
    const own = deps.sites ? await deps.sites.sitesWithOwnRules() : [];
    if (own.length === 0) return group;
    const bySite = new Map<number, RuleSettings>();
    for (const site of own) bySite.set(site, await deps.sites!.rulesOf(site));
    return { all: [group, ...bySite.values()], ofSite: (site) => bySite.get(site) ?? group };
  }

  /** The follow-ups due, in one transaction in turn; `lead.created` for each after its commit. */
  async function followUps(at: number): Promise<SweepChangeReport[]> {
    const { data, events, log } = deps;
    let report: SweepReport;
    try {
      report = await data.tx(async (r) => {
        await advisoryXactLock(data.openTransaction()!, SWEEP_TURN_LOCK);
        return base.runIn(r, at, { only: ['recontact'] });
      });
    } catch (e) {
      // A desk changed a master meanwhile: the next sweep creates its follow-up.
      if (!(e instanceof AppError && e.code === 'VERSION_CONFLICT')) throw e;
      log('sweeps: a Contact Again lead changed during its follow-up; the next sweep creates it', e);
      return [];
    }
    for (const c of report.changes)
      if (c.followUpLeadId !== undefined)
        events.emit({ type: 'lead.created', leadId: c.followUpLeadId, at: c.effectiveAt });
    return report.changes;
  }

  async function runWith(
    run: TransactionRunner,
    at: number,
    only = new Set(['lost', 'appointmentExpiry', 'recontact']),
  ): Promise<SweepReport | null> {
    // The first step on `run` tells whether this core may sweep at all (the leader's, when the timer runs it).
    if ((await run(async () => true)) === null) return null;
    const changes: SweepChangeReport[] = [];
    // Follow-ups first (as sweepService): a follow-up due long ago may itself be due for Lost Sale.
    if (only.has('recontact')) changes.push(...(await followUps(at)));
    for (const [name, kind] of TIMED) {
      if (!only.has(kind)) continue;
      const done = await sweepAllPg(inTurn(run), name, at, await figures(), { notify: { origin: deps.origin } });
      for (const c of done) changes.push(c);
    }
    return { at, dryRun: false, changes };
  }
  return {
    runIn: base.runIn,
    runWith: (run, at) => runWith(run, at),
    async run(at, opts: SweepOptions = {}) {
      if (opts.dryRun) return base.run(at, opts);
      const only = opts.only ? new Set<string>(opts.only) : undefined;
      return (await runWith(deps.onPool, at, only))!;
    },
  };
}
