// The import's bulk path: prepared INSERTs of 25 leads each with a reserved block of lead numbers, the creation
// history of the whole block in three statements, and the search index filled for the block from documents
// built in JS (the per-row FTS trigger is dropped and recreated inside the same transaction).
import type { Database, Statement } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain/lead';
import type { RuleSettings } from '../../../shared/domain/settings';
import { leadNumber, sla1DueAt, sla2DueAt, type NewLeadRow } from '../../../shared/rules';
import { toColumns } from '../leadRow';
import { searchDoc, type SearchDoc } from '../searchDoc';

/** FTS5's default 'automerge' (https://sqlite.org/fts5.html#the_automerge_configuration_option). */
const FTS5_AUTOMERGE = 4;

/** Inserts the new leads of a file (inside the caller's transaction). Returns their ids and numbers in file order. */
export function insertLeadBlock(
  sqlite: Database,
  s: RuleSettings,
  rows: { lead: NewLeadRow; key: string }[],
  actor: Actor,
  now: number,
): { ids: number[]; numbers: string[] } {
  if (rows.length === 0) return { ids: [], numbers: [] };
  const year = new Date(now).getUTCFullYear();
  const end = (
    sqlite
      .prepare(
        'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value',
      )
      .get(`lead:${year}`, rows.length) as { value: number }
  ).value;
  const start = end - rows.length + 1;
  // Column order from the first row (toColumns), then plain value arrays: no per-row key mangling.
  const fields = Object.keys(rows[0]!.lead).filter((k) => k !== 'consents') as (keyof NewLeadRow)[];
  const consentKeys = Object.keys(rows[0]!.lead.consents) as (keyof NewLeadRow['consents'])[];
  const sample = toColumns({ ...rows[0]!.lead });
  const cols = [
    ...fields.map((f) => Object.keys(toColumns({ [f]: rows[0]!.lead[f] } as never))[0]!),
    ...Object.keys(sample).filter((k) => k.startsWith('consent_')),
    'number',
    'type_rank',
    'sla1_due_at',
    'sla2_due_at',
    'external_id',
  ];
  const sla2Memo = new Map<number, number>();
  const val = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));
  const stamped = fields.map((f) => f === 'createdAt' || f === 'updatedAt');
  // Rows go BATCH at a time (one statement opens the table and its indexes once for all of them), their values
  // written by position into one array reused for every statement (binding copies them).
  const BATCH = 25;
  const args: unknown[] = new Array(BATCH * cols.length);
  let at = 0;
  /** Writes the row's values, in the order of `cols`, into `args` from `at`. */
  const build = (r: { lead: NewLeadRow; key: string }, num: string) => {
    const l = r.lead;
    const byName = l as unknown as Record<string, unknown>;
    let d2 = sla2Memo.get(l.assignedAt);
    if (d2 === undefined) {
      d2 = sla2DueAt(l.assignedAt, s);
      sla2Memo.set(l.assignedAt, d2);
    }
    for (let k = 0; k < fields.length; k++) {
      const v = stamped[k] ? now : byName[fields[k]!];
      args[at++] = v === true ? 1 : v === false ? 0 : (v ?? null);
    }
    for (const k of consentKeys) args[at++] = l.consents[k] ? 1 : 0;
    args[at++] = num;
    args[at++] = l.leadType === 'customer_driven' ? 0 : 1;
    args[at++] = sla1DueAt(l.assignedAt, s);
    args[at++] = d2;
    args[at++] = r.key;
  };
  const insertSql = (n: number) =>
    `INSERT INTO leads (${cols.join(', ')}) VALUES ${Array(n)
      .fill(`(${cols.map(() => '?').join(', ')})`)
      .join(', ')}`;
  const insBatch = sqlite.prepare(insertSql(BATCH));
  // The search index is filled for the whole block instead of by the per-row trigger: the trigger's document
  // (the view leads_search_doc) is built in JS from the values inserted (searchDoc.ts, tested against the view).
  // Likewise the per-day lead counts (lead_day_counts, migration 0007) and the views' (0017): one statement each.
  const suspend = (name: string) => {
    const sql = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as
        { sql: string } | undefined
    )?.sql;
    if (sql) sqlite.exec(`DROP TRIGGER ${name}`);
    return sql;
  };
  const trigger = suspend('leads_fts_insert');
  const dayTrigger = suspend('lead_day_counts_insert');
  const viewTrigger = suspend('lead_view_counts_insert');
  const ids: number[] = [];
  const numbers: string[] = [];
  const docs: (SearchDoc | null)[] = [];
  let pending = 0;
  // The rowids of one INSERT are consecutive (AUTOINCREMENT, one transaction): the last one gives them all
  // (checked below against the numbers written).
  const flush = (stmt: Statement) => {
    const res = stmt.run(at === args.length ? args : args.slice(0, at));
    if (res.changes !== pending) throw new Error('import: a lead was not inserted');
    const last = Number(res.lastInsertRowid);
    for (let k = pending - 1; k >= 0; k--) ids.push(last - k);
    at = 0;
    pending = 0;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const num = leadNumber(year, start + i);
    build(r, num);
    numbers.push(num);
    if (trigger) {
      const l = r.lead;
      docs.push(
        searchDoc({
          firstName: val(l.firstName) as string,
          lastName: val(l.lastName) as string,
          email: val(l.email) as string | null,
          phone: val(l.phone) as string | null,
          otherPhone: val(l.otherPhone) as string | null,
          vin: val(l.vin) as string | null,
          number: num,
        }),
      );
    }
    if (++pending === BATCH) flush(insBatch);
  }
  if (pending > 0) flush(sqlite.prepare(insertSql(pending)));
  // The creation history of the whole block (created, assignedAt, status — as leadService.create writes them),
  // three statements instead of three per lead. The rowids are consecutive inside this transaction.
  const lo = ids[0]!;
  const hi = ids[ids.length - 1]!;
  const check = sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM leads WHERE id BETWEEN ? AND ?) AS n,
    (SELECT number FROM leads WHERE id = ?) AS a, (SELECT number FROM leads WHERE id = ?) AS b`,
    )
    .get(lo, hi, lo, hi) as { n: number; a: string; b: string };
  if (
    hi - lo + 1 !== ids.length ||
    check.n !== ids.length ||
    check.a !== numbers[0] ||
    check.b !== numbers[numbers.length - 1]
  )
    throw new Error('import: lead ids are not consecutive');
  for (const [field, value] of [
    ['created', 'number'],
    ['assignedAt', "strftime('%Y-%m-%dT%H:%M:%fZ', assigned_at / 1000.0, 'unixepoch')"],
    ['status', 'status'],
  ] as const) {
    sqlite
      .prepare(
        `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
      SELECT id, NULL, ?, ?, ?, ?, NULL, ${value} FROM leads WHERE id BETWEEN ? AND ? ORDER BY id`,
      )
      .run(now, actor.id, actor.name, field, lo, hi);
  }
  if (dayTrigger) {
    sqlite
      .prepare(
        `INSERT INTO lead_day_counts (day, status, site_id, n)
      SELECT CAST(assigned_at AS INTEGER) / 86400000, status, site_id, count(*) FROM leads WHERE id BETWEEN ? AND ?
      GROUP BY 1, 2, 3
      ON CONFLICT (day, status, site_id) DO UPDATE SET n = n + excluded.n`,
      )
      .run(lo, hi);
    sqlite.exec(dayTrigger);
  }
  if (viewTrigger) {
    // The three views' counts per site (lead_view_counts, migrations 0017, 0020): the block's members counted once.
    sqlite
      .prepare(
        `UPDATE lead_view_counts SET n = n + (SELECT count(*) FROM leads WHERE id BETWEEN ? AND ?
          AND site_id = lead_view_counts.site_id AND CASE lead_view_counts.view
          WHEN 'not_managed' THEN status = 'assigned' AND contact_attempts = 0
          WHEN 'in_progress' THEN (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0)
          ELSE close_reason IS NOT NULL END)`,
      )
      .run(lo, hi);
    sqlite.exec(viewTrigger);
  }
  if (trigger) {
    // FTS5's automatic merging is paused for the block (it would merge the index's segments again and again while
    // they are written: half the indexing time) and restored before the commit; the merges left are done by the
    // next writes, as usual (its limit on segments, crisismerge, holds throughout).
    const automerge =
      (sqlite.prepare("SELECT v FROM leads_fts_config WHERE k = 'automerge'").get() as { v: number } | undefined)?.v ??
      FTS5_AUTOMERGE;
    sqlite.exec("INSERT INTO leads_fts(leads_fts, rank) VALUES ('automerge', 0)");
    const ftsSql = (n: number) =>
      `INSERT INTO leads_fts(rowid, name, email, phone, vin, number) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`;
    const ftsBatch = sqlite.prepare(ftsSql(BATCH));
    const fromView = sqlite.prepare(
      'INSERT INTO leads_fts(rowid, name, email, phone, vin, number) SELECT id, name, email, phone, vin, number FROM leads_search_doc WHERE id = ?',
    );
    let ftsArgs: unknown[] = [];
    for (let i = 0; i < ids.length; i++) {
      const d = docs[i];
      if (!d) {
        fromView.run(ids[i]);
        continue;
      }
      ftsArgs.push(ids[i], d.name, d.email, d.phone, d.vin, d.number);
      if (++pending === BATCH) {
        ftsBatch.run(ftsArgs);
        ftsArgs = [];
        pending = 0;
      }
    }
    if (pending > 0) sqlite.prepare(ftsSql(pending)).run(ftsArgs);
    // A config value is an SQL literal in FTS5's special INSERT (a bound parameter is refused).
    sqlite.exec(`INSERT INTO leads_fts(leads_fts, rank) VALUES ('automerge', ${Math.trunc(Number(automerge))})`);
    sqlite.exec(trigger);
  }
  return { ids, numbers };
}
