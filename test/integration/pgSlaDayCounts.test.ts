// lead_sla_day_counts (migration 0006: leads per UTC day of assignment and SLA 1 / SLA 2 state) stays what the leads
// say after inserts, updates of the assignment and of both SLA flags, and deletes; and slaNow (which reads it) gives
// what counting the leads directly gives, for windows of whole days, partial days and less than a day. A small
// dataset made by the app core on SQLite, copied into a throwaway PostgreSQL database.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiRepoPg } from '../../electron/store/pg/repos/kpi';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { pgLeadsCopy, type PgLeadsCopy } from '../support/pgLeadsCopy';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const HOUR = 3_600_000;
/** The SLA figures counted on the leads themselves (the statement slaNow used before migration 0006). */
const DIRECT = `SELECT
  (SELECT count(*) FROM leads WHERE sla1_met AND assigned_at > $1 AND assigned_at <= $2)::int AS s1met,
  (SELECT count(*) FROM leads WHERE sla1_met IS NOT TRUE AND assigned_at > $1 AND assigned_at <= $2 AND sla1_due_at < $2)::int AS s1missed,
  (SELECT count(*) FROM leads WHERE sla2_met AND assigned_at > $1 AND assigned_at <= $2)::int AS s2met,
  (SELECT count(*) FROM leads WHERE sla2_met IS NOT TRUE AND assigned_at > $1 AND assigned_at <= $2 AND sla2_due_at < $2)::int AS s2missed`;

describe.skipIf(SKIP_PG)('PostgreSQL SLA day counts: kept equal to the leads by the triggers', () => {
  let env: PgLeadsCopy | undefined;
  let pool: pg.Pool;
  const ids: number[] = [];

  async function expectKept(): Promise<void> {
    const stored = await pool.query('SELECT day, sla1, sla2, n FROM lead_sla_day_counts WHERE n <> 0 ORDER BY 1, 2, 3');
    const computed = await pool.query(`SELECT assigned_at / 86400000 AS day, aslm_sla_state(sla1_met) AS sla1,
        aslm_sla_state(sla2_met) AS sla2, count(*)::int AS n FROM leads GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    expect(stored.rows).toEqual(computed.rows);
    const { min, max } = (
      await pool.query<{ min: number; max: number }>(
        'SELECT min(assigned_at) AS min, max(assigned_at) AS max FROM leads',
      )
    ).rows[0]!;
    const repo = kpiRepoPg(pool);
    for (const [from, to] of [
      [min - 1, max],
      [min - 30 * 24 * HOUR, max + 30 * 24 * HOUR],
      [min + 5 * HOUR + 17, max - 7 * HOUR],
      [min + HOUR, min + 20 * HOUR],
      [max, max + 1],
      [max, min],
    ] as const) {
      const direct = (await pool.query(DIRECT, [from, to])).rows[0];
      expect(await repo.slaNow({ from, to }), `${from}..${to}`).toEqual(direct);
    }
  }

  beforeAll(async () => {
    env = await pgLeadsCopy('sla-day-counts', { leads: 16, firstName: 'Anna', lastName: 'Neri', everyMs: 5 * HOUR });
    pool = env.pool;
    ids.push(...env.ids);
  });
  afterAll(() => env?.close());

  it('after the copy (inserts), SLA flags set and changed, reassignment to other days, an insert and deletes', async () => {
    await expectKept();
    const [a, b, c, d, e, f] = ids;
    const writes: [string, unknown[]][] = [
      ['UPDATE leads SET sla1_met = true, first_contact_at = assigned_at + 3600000 WHERE id = $1', [a]],
      ['UPDATE leads SET sla1_met = false, sla2_met = false WHERE id IN ($1, $2)', [b, c]],
      ['UPDATE leads SET sla2_met = true WHERE id = $1', [a]],
      ['UPDATE leads SET sla1_met = NULL WHERE id = $1', [b]],
      ['UPDATE leads SET assigned_at = assigned_at - 2 * 86400000 WHERE id = $1', [c]],
      ['UPDATE leads SET assigned_at = assigned_at + 40 * 86400000::bigint, sla1_met = true WHERE id = $1', [d]],
      ['UPDATE leads SET sla1_due_at = sla1_due_at + 90 * 86400000::bigint WHERE id = $1', [e]],
      ['UPDATE leads SET sla1_met = sla1_met WHERE id = $1', [a]],
      [
        `INSERT INTO leads (number, status, lead_type, type_rank, source, campaign, first_name, last_name, created_at,
          assigned_at, updated_at, sla1_due_at, sla2_due_at, contact_attempts, frozen, sla1_met, sla2_met)
         SELECT 'ASL-2026-999998', 'assigned', lead_type, type_rank, source, campaign, 'Temp', 'Lead', created_at,
          assigned_at, updated_at, sla1_due_at, sla2_due_at, 0, false, false, true FROM leads WHERE id = $1`,
        [a],
      ],
      ['DELETE FROM leads WHERE id IN ($1, $2)', [f, c]],
    ];
    for (const [sql, params] of writes) {
      await pool.query(sql, params);
      await expectKept();
    }
    // Every state met by some lead after these writes: the comparisons were not vacuous.
    const states = await pool.query('SELECT DISTINCT sla1, sla2 FROM lead_sla_day_counts WHERE n > 0');
    expect(states.rows.length).toBeGreaterThanOrEqual(4);
    expect((await pool.query('SELECT sum(n)::int AS n FROM lead_sla_day_counts')).rows[0]!.n).toBe(ids.length - 1);
  });
});
