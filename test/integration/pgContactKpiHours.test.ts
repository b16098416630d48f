// contact_kpi_hours (migration 0007: contacts per hour of their lead's assignment and of the contact, per group and
// contact type, with the first of each lead and type) stays what the contacts and leads say after contacts inserted
// (several at once, ties on time), updated (time, type, lead) and deleted, leads reassigned, moved to other hours and
// campaigns, unassigned and deleted; and the report's contacts (which read it) give what counting the contacts
// directly gives, for windows on whole hours, off the hour and within one hour, as of several times.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiReportRepoPg } from '../../electron/store/pg/repos/kpiReport';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { pgLeadsCopy, type PgLeadsCopy } from '../support/pgLeadsCopy';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const HOUR = 3_600_000;
const KEYS = 'ah, bh, a, campaign, source, lead_type, channel, outcome';
/** The table as the back-fill of migration 0007 computes it from the contacts. */
const COMPUTED = `SELECT l.assigned_at / 3600000 AS ah, c.at / 3600000 AS bh, coalesce(l.assignee_id, 0) AS a, l.campaign,
    l.source, l.lead_type, c.channel, c.outcome, count(*)::int AS n, (count(*) FILTER (WHERE c.rn = 1))::int AS f
  FROM (SELECT lead_id, at, channel, outcome,
          row_number() OVER (PARTITION BY lead_id, channel, outcome ORDER BY at, id) AS rn FROM contacts) c
  JOIN leads l ON l.id = c.lead_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
/** The report's contacts counted on the contacts (SQLite's statement). */
const DIRECT = `SELECT l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t, c.channel, c.outcome,
    count(*)::int AS contacts, count(DISTINCT c.lead_id)::int AS leads
  FROM leads l JOIN contacts c ON c.lead_id = l.id WHERE l.assigned_at >= $1 AND l.assigned_at < $2 AND c.at <= $3
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1 NULLS FIRST, l.campaign COLLATE "C", l.source COLLATE "C",
    l.lead_type COLLATE "C", c.channel COLLATE "C", c.outcome COLLATE "C"`;

describe.skipIf(SKIP_PG)('PostgreSQL contact_kpi_hours: kept equal to the contacts by the triggers', () => {
  let env: PgLeadsCopy | undefined;
  let pool: pg.Pool;
  const ids: number[] = [];
  let checked = 0;

  async function expectKept(): Promise<void> {
    const stored = await pool.query(
      `SELECT ${KEYS}, n, f FROM contact_kpi_hours WHERE n <> 0 OR f <> 0 ORDER BY ${KEYS}`,
    );
    expect(stored.rows).toEqual((await pool.query(COMPUTED)).rows);
    const { min, max } = (
      await pool.query<{ min: number; max: number }>(
        'SELECT min(assigned_at) AS min, max(assigned_at) AS max FROM leads',
      )
    ).rows[0]!;
    const last = (await pool.query<{ m: number }>('SELECT coalesce(max(at), 0) AS m FROM contacts')).rows[0]!.m;
    const repo = kpiReportRepoPg(pool);
    for (const [from, to] of [
      [min - 1, max + 1],
      [Math.floor(min / HOUR) * HOUR, Math.ceil(max / HOUR) * HOUR],
      [min + 2 * HOUR + 17, max - 3 * HOUR],
      [min + HOUR + 5, min + HOUR + 1_800_000],
    ] as const) {
      for (const at of [last, last - 1, from + 5 * HOUR + 123, Math.floor(last / HOUR) * HOUR - 1, from - 1]) {
        const direct = (await pool.query(DIRECT, [from, to, at])).rows;
        expect(await repo.contacts({ from, to, at }), `${from}..${to} at ${at}`).toEqual(direct);
        checked += direct.length;
      }
    }
  }

  beforeAll(async () => {
    env = await pgLeadsCopy('contact-kpi-hours', {
      leads: 12,
      firstName: 'Bea',
      lastName: 'Conti',
      everyMs: 50 * 60_000,
    });
    pool = env.pool;
    ids.push(...env.ids);
  });
  afterAll(() => env?.close());

  it('after contacts and leads are written, one statement at a time', async () => {
    await expectKept();
    const [a, b, c, d, e, f] = ids;
    const users = (await pool.query<{ id: number }>('SELECT id FROM users ORDER BY id')).rows.map((u) => u.id);
    const contact = (lead: number, minutes: number, channel: string, outcome: string) =>
      `((SELECT id FROM leads WHERE id = ${lead}), (SELECT assigned_at FROM leads WHERE id = ${lead}) + ${minutes * 60_000},
        'out', '${channel}', '${outcome}')`;
    const insert = (...values: string[]) =>
      `INSERT INTO contacts (lead_id, at, direction, channel, outcome) VALUES ${values.join(', ')}`;
    const writes: [string, unknown[]][] = [
      [
        insert(
          contact(a!, 10, 'phone', 'no_answer'),
          contact(a!, 10, 'phone', 'no_answer'),
          contact(a!, 70, 'phone', 'reached'),
          contact(b!, 5, 'phone', 'busy'),
          contact(b!, 200, 'email', 'email_sent'),
          contact(c!, 30, 'phone', 'voicemail'),
          contact(d!, 3000, 'sms', 'reached'),
          contact(e!, 61, 'phone', 'no_answer'),
        ),
        [],
      ],
      [insert(contact(a!, 5, 'phone', 'no_answer')), []],
      [insert(contact(a!, 10, 'phone', 'no_answer'), contact(f!, 1, 'phone', 'reached')), []],
      ['UPDATE contacts SET at = at + 2 * 3600000 WHERE id = (SELECT min(id) FROM contacts WHERE lead_id = $1)', [a]],
      ["UPDATE contacts SET outcome = 'reached' WHERE lead_id = $1 AND channel = 'phone'", [b]],
      ['UPDATE contacts SET lead_id = $2 WHERE lead_id = $1 AND channel = $3', [b, c, 'email']],
      ['UPDATE contacts SET verbatim = $2 WHERE lead_id = $1', [a, 'noted']],
      ['DELETE FROM contacts WHERE id = (SELECT min(id) FROM contacts WHERE lead_id = $1)', [a]],
      ['UPDATE leads SET assignee_id = $2 WHERE id = $1', [a, users[users.length - 1]]],
      ['UPDATE leads SET assignee_id = NULL WHERE id = $1', [c]],
      ['UPDATE leads SET assigned_at = assigned_at + 3 * 3600000 + 1234 WHERE id IN ($1, $2)', [b, e]],
      ["UPDATE leads SET campaign = 'moved', source = 'web', lead_type = lead_type WHERE id = $1", [d]],
      ['UPDATE leads SET management_notes = $2 WHERE id = $1', [e, 'no move']],
      ['DELETE FROM leads WHERE id = $1', [f]],
      ['DELETE FROM contacts WHERE lead_id = $1', [e]],
    ];
    for (const [sql, params] of writes) {
      await pool.query(sql, params);
      await expectKept();
    }
    // The comparisons were not vacuous: contacts of several types and leads were counted, some firsts moved.
    expect(checked).toBeGreaterThan(100);
    const kinds = await pool.query('SELECT DISTINCT channel, outcome FROM contact_kpi_hours WHERE n > 0');
    expect(kinds.rows.length).toBeGreaterThanOrEqual(4);
  });
});
