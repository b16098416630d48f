// The sweeps on PostgreSQL (issue 15): exactly one result per lead with several cores on the database. Lost Sale and
// appointment expiry go through store/pg/sweepClaim.ts (candidates FOR UPDATE SKIP LOCKED, the write guarded by the
// lead's version, batches of 500, `sweep.done` to the other cores inside each batch's transaction); the Contact Again
// follow-ups through sweepService's own step (the master's update is guarded by its version: a second sweep creating
// the same follow-up meanwhile fails on it and rolls its follow-up back). The timer's run is the leader's
// (`runWith(coordination.asLeader)`), a manual run (`run`, the CLI) goes on the pool beside it.
import { sweepAllPg, type PgSweepName, type TransactionRunner } from '../../store/pg/sweepClaim';
import type { SettingsService } from '../settingsService';
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
  deps: { settings: SettingsService; origin: string; onPool: TransactionRunner },
): PgSweepService {
  async function runWith(
    run: TransactionRunner,
    at: number,
    only = new Set(['lost', 'appointmentExpiry', 'recontact']),
  ): Promise<SweepReport | null> {
    // The first step on `run` tells whether this core may sweep at all (the leader's, when the timer runs it).
    if ((await run(async () => true)) === null) return null;
    const changes: SweepChangeReport[] = [];
    // Follow-ups first (as sweepService): a follow-up due long ago may itself be due for Lost Sale.
    if (only.has('recontact')) changes.push(...(await base.run(at, { only: ['recontact'] })).changes);
    for (const [name, kind] of TIMED) {
      if (!only.has(kind)) continue;
      const done = await sweepAllPg(run, name, at, deps.settings.rules(), { notify: { origin: deps.origin } });
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
