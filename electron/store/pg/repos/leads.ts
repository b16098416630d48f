// The leads table on PostgreSQL (electron/store/repos/leads.ts): one lead, its insert and versioned update, the
// counters, the sweeps' candidates. Leads are read with PG_LEAD_SELECT (booleans as 0/1) and `rowToLead`, so a Lead
// is the one SQLite gives.
import type { Lead } from '../../../../shared/domain/lead';
import { rowToLead } from '../../leadRow';
import { VEHICLE_SELECT } from '../../repos/customers';
import type { Async } from '../../repos/index';
import type { LeadsRepo, VehicleRow } from '../../repos/leads';
import { leadWritesPg } from './leadWrites';
import { checkColumn, PG_LEAD_SELECT, row, rows, run, type Queryable } from './query';

const SWEEPS: Record<'lost' | 'expiry' | 'recontact', string> = {
  lost: "status = 'assigned' AND assigned_at <= $1",
  expiry: "status = 'appointment' AND NOT frozen AND greatest(assigned_at, coalesce(appointment_at, 0)) <= $1",
  recontact: "close_reason = 'contact_again' AND follow_up_lead_id IS NULL AND recontact_at <= $1",
};

/** The vehicle's columns with PostgreSQL's quoted camelCase names (SQLite's VEHICLE_SELECT). */
export const PG_VEHICLE_SELECT = VEHICLE_SELECT.replace(/ AS (\w+)/g, ' AS "$1"');

export function leadsRepoPg(q: Queryable): Async<LeadsRepo> {
  return {
    ...leadWritesPg(q),
    get: async (id) => {
      const r = await row<Record<string, unknown>>(q, `SELECT ${PG_LEAD_SELECT} FROM leads WHERE id = $1`, [id]);
      return r ? rowToLead(r) : undefined;
    },
    async insert(cols) {
      const keys = Object.keys(cols).map(checkColumn);
      const r = await row<{ id: number }>(
        q,
        `INSERT INTO leads (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        keys.map((k) => cols[k]),
      );
      return r!.id;
    },
    async update(id, cols, expectedVersion) {
      const keys = Object.keys(cols).map(checkColumn);
      const n = keys.length;
      return (
        (await run(
          q,
          `UPDATE leads SET ${keys.map((k, i) => `${k} = $${i + 1}`).join(', ')}, version = version + 1
            WHERE id = $${n + 1} AND version = $${n + 2}`,
          [...keys.map((k) => cols[k]), id, expectedVersion],
        )) === 1
      );
    },
    nextSeq: async (name) =>
      (await row<{ value: number }>(
        q,
        'INSERT INTO counters (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value',
        [name],
      ))!.value,
    number: async (id) => (await row<{ number: string }>(q, 'SELECT number FROM leads WHERE id = $1', [id]))?.number,
    assignedAts: () => rows(q, 'SELECT id, assigned_at AS a FROM leads ORDER BY id'),
    setSlaDue: async (p) =>
      void (await run(
        q,
        `UPDATE leads SET sla1_due_at = $1, sla2_due_at = $2,
          sla1_met = CASE WHEN first_contact_at IS NULL THEN NULL ELSE first_contact_at <= $1 END,
          sla2_met = CASE WHEN qualified_at IS NULL THEN NULL ELSE qualified_at <= $2 END WHERE id = $3`,
        [p.d1, p.d2, p.id],
      )),
    assignee: (id) => row(q, 'SELECT assignee_id AS a FROM leads WHERE id = $1', [id]),
    assigneesBetween: (lo, hi) =>
      rows(q, 'SELECT id, assignee_id AS a FROM leads WHERE id BETWEEN $1 AND $2 ORDER BY id', [lo, hi]),
    appointmentsBetween: (from, to, siteId) =>
      rows(
        q,
        `SELECT appointment_at AS a FROM leads WHERE status IN ('appointment', 'closed_sale') AND appointment_at >= $1
          AND appointment_at < $2${siteId === undefined ? '' : ' AND site_id = $3'} ORDER BY id`,
        siteId === undefined ? [from, to] : [from, to, siteId],
      ),
    sweepCandidates: async (kind, bound) =>
      (
        await rows<Record<string, unknown>>(
          q,
          `SELECT ${PG_LEAD_SELECT} FROM leads WHERE ${SWEEPS[kind]} ORDER BY id`,
          [bound],
        )
      ).map((r): Lead => rowToLead(r)),
    count: async () => (await row<{ n: number }>(q, 'SELECT count(*)::int AS n FROM leads'))!.n,
    hasAny: async () => (await row<{ n: boolean }>(q, 'SELECT EXISTS (SELECT 1 FROM leads) AS n'))!.n,
    userName: async (id) => (await row<{ name: string }>(q, 'SELECT name FROM users WHERE id = $1', [id]))?.name,
    vehicle: (vin) => row<VehicleRow>(q, `SELECT ${PG_VEHICLE_SELECT} FROM vehicles WHERE vin = $1`, [vin]),
  };
}
