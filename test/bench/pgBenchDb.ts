// The PostgreSQL benchmark database (`npm run bench -- --db postgres://…`): N demo-like leads, built fast.
// A base of demo leads (the demo generator on SQLite, BENCH_PG_BASE = 100,000 by default, built once into
// bench-results/ and reused) is copied in batches into PostgreSQL, then repeated until N: copy k keeps each lead's
// dates, status, contacts, assignee, campaign and source (so the status mix and the days are the demo's), takes its
// surname, phones and e-mail from another lead of the base (so names and phones are spread, not repeated as pairs)
// and numbers it in year 2026 − k (`ASL-2025-000123`: lead numbers are unique per year). The triggers are off for the
// copies; the counts they keep (lead_day_counts, lead_view_counts) and the search documents (leads_search) are then
// computed in one pass each, as the migrations' back-fills do. A dealer group of BENCH_SITES sites (default 5, issue
// 15): the base's people but the managers (group-wide) are spread over the sites in turn, each base lead goes to its
// assignee's site (an unassigned one to a site by its id) and its copies with it, and every site gets an assignment
// rule (spreadOverSites).
// A database already holding N leads is reused. Rebuilding drops the public schema: only a database this script
// built (commented 'aslm-bench') or one without leads is rebuilt.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { migratePg, pgTypes } from '../../electron/store/pg/migrate';
import { bulkCopySqliteTables } from '../support/pgCopy';
import { buildBenchDb } from './benchDb';

const TABLES = ['settings', 'users', 'user_roles', 'customers', 'vehicles', 'leads', 'contacts'];
const MARK = 'aslm-bench';

const SITES = Number(process.env.BENCH_SITES ?? 5);

const log = (s: string) => process.stderr.write(`  ${s}\n`);

async function columns(pool: pg.Pool, table: string): Promise<string[]> {
  const r = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
       AND is_generated <> 'ALWAYS' ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((c) => c.column_name);
}

/**
 * Sites 2..n beside site 1 (migration 0009's), the people but the managers at each site in turn (the managers stay
 * group-wide), each lead at its assignee's site (an unassigned lead: by its id), one assignment rule per site (its
 * people in turn). Before the copies (triggers off): the derived counts are computed afterwards.
 */
export async function spreadOverSites(pool: pg.Pool, sites: number): Promise<void> {
  await pool.query(`INSERT INTO sites (code, name, created_at)
    SELECT 'S' || k, 'Dealership ' || k, 0 FROM generate_series(2, ${sites}) k ON CONFLICT (code) DO NOTHING`);
  await pool.query(`UPDATE users u SET site_id = 1 + (p.rn - 1) % ${sites}
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM users
          WHERE id NOT IN (SELECT user_id FROM user_roles WHERE role = 'manager')) p WHERE p.id = u.id`);
  await pool.query(`UPDATE leads l SET site_id = coalesce((SELECT u.site_id FROM users u WHERE u.id = l.assignee_id),
    1 + l.id % ${sites})`);
  await pool.query(`INSERT INTO assignment_rules (site_id, position, target_role)
    SELECT s.id, s.id, 'booking_operator' FROM sites s`);
}

/** The leads of the database, or null when it has no leads table yet. */
/** Each year's lead number counter set to that year's highest number (`ASL-<year>-<n>`), never lowered. */
export const LEAD_NUMBER_COUNTERS = `INSERT INTO counters (name, value)
  SELECT 'lead:' || substr(number, 5, 4), max(substr(number, 10)::int) FROM leads GROUP BY 1
  ON CONFLICT (name) DO UPDATE SET value = GREATEST(counters.value, EXCLUDED.value)`;

async function leadCount(pool: pg.Pool): Promise<number | null> {
  const has = (await pool.query<{ t: string | null }>("SELECT to_regclass('public.leads')::text AS t")).rows[0]?.t;
  if (!has) return null;
  return Number((await pool.query<{ n: number }>('SELECT count(*) AS n FROM leads')).rows[0]!.n);
}

export async function buildPgBenchDb(
  url: string,
  leads: number,
  now: number,
): Promise<{ seconds: number | null; base: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 2, types: pgTypes });
  try {
    const base = Math.min(leads, Number(process.env.BENCH_PG_BASE ?? 100_000));
    const existing = await leadCount(pool);
    if (existing === leads) return { seconds: null, base };
    const db = (
      await pool.query<{ d: string; c: string | null }>(
        `SELECT current_database() AS d, shobj_description(oid, 'pg_database') AS c FROM pg_database
       WHERE datname = current_database()`,
      )
    ).rows[0]!;
    if (existing && db.c !== MARK)
      throw new Error(`${db.d} holds ${existing} leads and was not built by the benchmark: give an empty database`);
    const t = performance.now();
    const basePath = `bench-results/bench-pg-base-${base}.sqlite`;
    if (!existsSync(basePath)) {
      log(`building the base of ${base} demo leads on SQLite (${basePath}, kept for the next build)`);
      await buildBenchDb(basePath, base, now);
    }
    await pool.query(
      'DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public',
    );
    await migratePg(pool);
    await pool.query(`COMMENT ON DATABASE "${db.d.replace(/"/g, '""')}" IS '${MARK}'`);
    await pool.query('ALTER TABLE leads DISABLE TRIGGER USER; ALTER TABLE contacts DISABLE TRIGGER USER');
    const sqlite = new Database(basePath, { readonly: true });
    try {
      await bulkCopySqliteTables(sqlite, pool, TABLES, 5000, (table, n) => {
        if (n % 50_000 === 0) log(`copied ${n} ${table}`);
      });
    } finally {
      sqlite.close();
    }
    await spreadOverSites(pool, SITES);
    const { n0, maxId } = (
      await pool.query<{ n0: number; maxId: number }>('SELECT count(*) AS n0, max(id) AS "maxId" FROM leads')
    ).rows[0]!;
    log(`base copied: ${n0} leads (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    const leadCols = await columns(pool, 'leads');
    const contactCols = (await columns(pool, 'contacts')).filter((c) => c !== 'id');
    const other = ['last_name', 'phone', 'other_phone', 'email'];
    for (let k = 1, total = n0; total < leads; k++) {
      const take = Math.min(n0, leads - total);
      const shift = k * maxId;
      const pick = leadCols.map((c) =>
        c === 'id'
          ? `b.id + ${shift}`
          : c === 'number'
            ? `'ASL-' || ${2026 - k} || substr(b.number, 9)`
            : c === 'external_id'
              ? `b.external_id || '-${k}'`
              : c === 'follow_up_lead_id'
                ? `b.follow_up_lead_id + ${shift}`
                : other.includes(c)
                  ? `o."${c}"`
                  : `b."${c}"`,
      );
      // Another lead of the base (a stride prime to the base's ids) gives the surname, phones and e-mail.
      await pool.query(`INSERT INTO leads (${leadCols.map((c) => `"${c}"`).join(', ')}) OVERRIDING SYSTEM VALUE
        SELECT ${pick.join(', ')} FROM (SELECT * FROM leads WHERE id <= ${maxId} ORDER BY id LIMIT ${take}) b
        JOIN leads o ON o.id = 1 + ((b.id - 1) * 7919 + ${k * 104_729}) % ${maxId}`);
      // (a lead of the base whose partner id is missing — a gap in the ids — is skipped: counted below)
      await pool.query(`INSERT INTO contacts (${contactCols.map((c) => `"${c}"`).join(', ')})
        SELECT ${contactCols.map((c) => (c === 'lead_id' ? `c.lead_id + ${shift}` : `c."${c}"`)).join(', ')}
        FROM contacts c JOIN leads l ON l.id = c.lead_id + ${shift} WHERE c.lead_id <= ${maxId}`);
      total = Number((await pool.query<{ n: number }>('SELECT count(*) AS n FROM leads')).rows[0]!.n);
      log(`copy ${k}: ${total} leads (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      if (k > 1000) throw new Error('the base does not grow');
    }
    await pool.query(`SELECT setval(pg_get_serial_sequence('leads', 'id'), (SELECT max(id) FROM leads) + 1, false)`);
    await pool.query(
      `SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT max(id) FROM contacts) + 1, false)`,
    );
    // The lead number counters (`lead:<year>`) past every copied number: a lead the app creates next (a Contact Again
    // follow-up of a sweep, a new lead) must not take a number a copy already holds.
    await pool.query(LEAD_NUMBER_COUNTERS);
    await pool.query('ALTER TABLE leads ENABLE TRIGGER USER; ALTER TABLE contacts ENABLE TRIGGER USER');
    // What the triggers keep, computed once (the same definitions as migrations 0002, 0003, 0005, 0006, 0007, 0008,
    // 0009 and 0010's back-fills, per site; leads_search's own trigger, 0008's words, off meanwhile).
    await pool.query(`ALTER TABLE leads_search DISABLE TRIGGER USER;
      DELETE FROM lead_day_counts;
      INSERT INTO lead_day_counts (day, status, site_id, n)
        SELECT assigned_at / 86400000, status, site_id, count(*) FROM leads GROUP BY 1, 2, 3;
      UPDATE lead_view_counts c SET n = (SELECT count(*) FROM leads l WHERE l.site_id = c.site_id AND CASE c.view
        WHEN 'not_managed' THEN l.status = 'assigned' AND l.contact_attempts = 0
        WHEN 'in_progress' THEN (l.status = 'assigned' AND l.contact_attempts > 0) OR (l.status = 'appointment' AND NOT l.frozen)
        ELSE l.close_reason IS NOT NULL END);
      DELETE FROM lead_sla_day_counts;
      INSERT INTO lead_sla_day_counts (day, sla1, sla2, site_id, n)
        SELECT assigned_at / 86400000, aslm_sla_state(sla1_met), aslm_sla_state(sla2_met), site_id, count(*)
        FROM leads GROUP BY 1, 2, 3, 4;
      DELETE FROM contact_kpi_hours;
      INSERT INTO contact_kpi_hours (ah, bh, a, campaign, source, lead_type, channel, outcome, site_id, n, f)
        SELECT l.assigned_at / 3600000, c.at / 3600000, coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type,
          c.channel, c.outcome, l.site_id, count(*), count(*) FILTER (WHERE c.rn = 1)
        FROM (SELECT lead_id, at, channel, outcome,
                row_number() OVER (PARTITION BY lead_id, channel, outcome ORDER BY at, id) AS rn FROM contacts) c
        JOIN leads l ON l.id = c.lead_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
      DELETE FROM leads_search;
      INSERT INTO leads_search (id, doc, status, assigned_at, views)
        SELECT d.id, aslm_search_vector(d.name, d.email, d.phone, d.vin, d.number), l.status, l.assigned_at,
          aslm_lead_views(l.status, l.contact_attempts, l.frozen, l.close_reason)
        FROM leads_search_doc d JOIN leads l ON l.id = d.id;
      ALTER TABLE leads_search ENABLE TRIGGER USER;
      DELETE FROM leads_search_words;
      INSERT INTO leads_search_words (id, pre, words, views, status, assigned_at)
        SELECT s.id, w.pre, w.words, s.views, s.status, s.assigned_at FROM leads_search s, aslm_search_word_rows(s.doc) w`);
    log(`derived counts and search documents (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    await pool.query(
      'VACUUM (ANALYZE) sites, assignment_rules, leads, contacts, leads_search, leads_search_words, lead_day_counts, lead_sla_day_counts, lead_view_counts, contact_kpi_hours, users',
    );
    const n = await leadCount(pool);
    if (n !== leads) throw new Error(`built ${n} leads instead of ${leads}`);
    return { seconds: (performance.now() - t) / 1000, base };
  } finally {
    await pool.end();
  }
}
