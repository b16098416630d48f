// The Lost Sale and appointment-expiry sweeps on PostgreSQL (issue 15): exactly one sweep result per lead even when
// two app cores sweep the same leads at the same moment (a leader change mid-sweep, a manual catch-up beside the
// timer). The candidates are read with FOR UPDATE SKIP LOCKED: a lead another transaction is sweeping (or editing)
// is left to it, not waited for and not swept twice; a lead swept and committed meanwhile no longer matches (its
// status or frozen changed; READ COMMITTED re-checks the row it locks). The UPDATE is also guarded by the lead's
// version, as leadService's update, so a lead changed by anyone since it was read is never overwritten.
// The decisions are the pure rules of shared/rules/sweeps.ts, as in electron/core/sweepService.ts on SQLite; the
// history lines are those of leadService.applyChanges (as the System user). Runs inside the caller's transaction:
// the sweeper's (leader.ts runAsLeader) or its own (withTransaction).
import { SYSTEM_ACTOR, type Lead } from '../../../shared/domain/lead';
import type { RuleSettings } from '../../../shared/domain/settings';
import { CONSENTS } from '../../../shared/domain/vocabulary';
import { appointmentExpirySweep, DAY, lostSaleSweep, type SweepChange } from '../../../shared/rules';
import { LEAD_SELECT, rowToLead, toColumns } from '../leadRow';
import { notifyInTransaction } from './notify';
import type { Queryable } from './tx';

export type PgSweepName = 'lost' | 'appointmentExpiry';

export interface PgSweepChange {
  leadId: number;
  number: string;
  change: 'lost' | 'appointmentExpired';
  effectiveAt: number;
}

/** The candidates of each sweep (SQL narrows with a one-day margin, the rule decides), locked or skipped. */
const CANDIDATES: Record<PgSweepName, string> = {
  lost: `SELECT ${LEAD_SELECT}, site_id AS "sweepSite" FROM leads WHERE status = 'assigned' AND assigned_at <= $1 AND id > $3
    ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
  appointmentExpiry: `SELECT ${LEAD_SELECT}, site_id AS "sweepSite" FROM leads WHERE status = 'appointment' AND NOT frozen
    AND greatest(assigned_at, coalesce(appointment_at, 0)) <= $1 AND id > $3 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
};

/**
 * The rule figures a sweep decides with: the group's, or each lead's site's when sites have their own
 * (docs/rules.md §11.8): `all` the sets in use, `ofSite` a site's (the group's for a site without its own).
 */
export type SweepFigures = RuleSettings | { all: RuleSettings[]; ofSite: (siteId: number) => RuleSettings };

/** rowToLead reads SQLite's 0/1 consents; PostgreSQL gives booleans. */
function pgRowToLead(r: Record<string, unknown>): Lead {
  if (typeof r.assignedAt !== 'number')
    throw new Error('leads read with int8 as text: use a pool or client with pgTypes (migrate.ts)');
  const row = { ...r };
  for (const k of CONSENTS)
    if (typeof row[`consent.${k}`] === 'boolean') row[`consent.${k}`] = row[`consent.${k}`] ? 1 : 0;
  return rowToLead(row);
}

/** Writes one decided change: the lead if still at the version read, then its history lines. */
async function apply(client: Queryable, lead: Lead, c: SweepChange): Promise<boolean> {
  const cols = toColumns(c.changes.patch);
  const keys = Object.keys(cols);
  if (keys.length === 0) return false;
  const r = await client.query(
    `UPDATE leads SET ${keys.map((k, i) => `${k} = $${i + 3}`).join(', ')}, version = version + 1
     WHERE id = $1 AND version = $2`,
    [lead.id, lead.version, ...keys.map((k) => cols[k])],
  );
  if (r.rowCount !== 1) return false;
  for (const h of c.changes.history)
    await client.query(
      `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
       VALUES ($1, NULL, $2, $3, $4, $5, $6, $7)`,
      [lead.id, h.at, SYSTEM_ACTOR.id, SYSTEM_ACTOR.name, h.field, h.oldValue, h.newValue],
    );
  return true;
}

/**
 * One batch of a sweep at `at`, inside the caller's transaction: up to `limit` candidate leads after `afterId` not
 * locked by another transaction, decided by the rule, written. Returns how many candidates it read, the last one's
 * id (the next batch starts after it) and the changes written. With `notify`, a `sweep.done` event goes to the
 * other cores on commit.
 */
export async function sweepBatchPg(
  client: Queryable,
  name: PgSweepName,
  at: number,
  settings: SweepFigures,
  opts: { limit?: number; afterId?: number; notify?: { origin: string } } = {},
): Promise<{ candidates: number; lastId: number; changes: PgSweepChange[] }> {
  const limit = opts.limit ?? 500;
  const figures = 'ofSite' in settings ? settings : { all: [settings], ofSite: () => settings };
  const key = name === 'lost' ? 'lostAfterDays' : 'appointmentExpiryDays';
  // The candidates by the shortest window in use; each lead's site's figures decide.
  const days = Math.min(...figures.all.map((f) => f[key]));
  const rows = await client.query<Record<string, unknown>>(CANDIDATES[name], [
    at - (days - 1) * DAY,
    limit,
    opts.afterId ?? 0,
  ]);
  const leads = new Map<number, Lead>();
  const bySite = new Map<number, Lead[]>();
  for (const { sweepSite, ...r } of rows.rows) {
    const lead = pgRowToLead(r);
    leads.set(lead.id, lead);
    const site = bySite.get(sweepSite as number);
    if (site) site.push(lead);
    else bySite.set(sweepSite as number, [lead]);
  }
  const rule = name === 'lost' ? lostSaleSweep : appointmentExpirySweep;
  const decided = [...bySite]
    .flatMap(([site, ls]) => rule(ls, at, figures.ofSite(site)))
    .sort((a, b) => a.leadId - b.leadId);
  const changes: PgSweepChange[] = [];
  for (const c of decided) {
    const lead = leads.get(c.leadId)!;
    if (!(await apply(client, lead, c))) continue;
    const change = name === 'lost' ? 'lost' : 'appointmentExpired';
    changes.push({ leadId: lead.id, number: lead.number, change, effectiveAt: c.effectiveAt });
  }
  if (opts.notify && changes.length > 0)
    await notifyInTransaction(client, { type: 'sweep.done', name, at, changed: changes.length }, opts.notify.origin);
  const lastId = rows.rows.length > 0 ? (rows.rows[rows.rows.length - 1]!.id as number) : (opts.afterId ?? 0);
  return { candidates: rows.rows.length, lastId, changes };
}

/** Runs `fn` in one transaction: `withTransaction(pool, ·)`, or a Leadership's runAsLeader (null: not the leader). */
export type TransactionRunner = <T>(fn: (client: Queryable) => Promise<T>) => Promise<T | null>;

/**
 * A whole sweep in batches of `limit` leads, each its own transaction (short locks: desks editing leads wait for
 * one batch at most). Stops when a batch reads fewer than `limit` candidates, or when the runner declines (this
 * core stopped leading): the next sweeper goes on from the start, the leads swept already no longer match.
 */
export async function sweepAllPg(
  run: TransactionRunner,
  name: PgSweepName,
  at: number,
  settings: SweepFigures,
  opts: { limit?: number; notify?: { origin: string } } = {},
): Promise<PgSweepChange[]> {
  const limit = opts.limit ?? 500;
  const out: PgSweepChange[] = [];
  for (let afterId = 0; ;) {
    const batch = await run((c) => sweepBatchPg(c, name, at, settings, { ...opts, limit, afterId }));
    if (!batch) return out;
    out.push(...batch.changes);
    if (batch.candidates < limit) return out;
    afterId = batch.lastId;
  }
}
