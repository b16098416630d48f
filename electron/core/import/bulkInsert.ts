// The import's bulk path: one prepared INSERT per lead with a reserved block of lead numbers, the creation
// history of the whole block in three statements, and the search index filled for the block from documents
// built in JS (the per-row FTS trigger is dropped and recreated inside the same transaction).
import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain/lead';
import type { RuleSettings } from '../../../shared/domain/settings';
import { leadNumber, sla1DueAt, sla2DueAt, type NewLeadRow } from '../../../shared/rules';
import { toColumns } from '../../store/leadRow';
import { searchDoc, type SearchDoc } from './searchDoc';

/** Inserts the new leads of a file (inside the caller's transaction). Returns their ids and numbers in file order. */
export function insertLeadBlock(sqlite: Database, s: RuleSettings, rows: { lead: NewLeadRow; key: string }[], actor: Actor, now: number): { ids: number[]; numbers: string[] } {
  if (rows.length === 0) return { ids: [], numbers: [] };
  const year = new Date(now).getUTCFullYear();
  const end = (sqlite.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value')
    .get(`lead:${year}`, rows.length) as { value: number }).value;
  const start = end - rows.length + 1;
  // Column order from the first row (toColumns), then plain value arrays: no per-row key mangling.
  const fields = Object.keys(rows[0]!.lead).filter((k) => k !== 'consents') as (keyof NewLeadRow)[];
  const consentKeys = Object.keys(rows[0]!.lead.consents) as (keyof NewLeadRow['consents'])[];
  const sample = toColumns({ ...rows[0]!.lead });
  const cols = [...fields.map((f) => Object.keys(toColumns({ [f]: rows[0]!.lead[f] } as never))[0]!),
    ...Object.keys(sample).filter((k) => k.startsWith('consent_')), 'number', 'type_rank', 'sla1_due_at', 'sla2_due_at', 'external_id'];
  const sla2Memo = new Map<number, number>();
  const val = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null);
  const build = (r: { lead: NewLeadRow; key: string }, i: number) => {
    const l = r.lead;
    let d2 = sla2Memo.get(l.assignedAt);
    if (d2 === undefined) { d2 = sla2DueAt(l.assignedAt, s); sla2Memo.set(l.assignedAt, d2); }
    const out: unknown[] = [];
    for (const f of fields) out.push(f === 'createdAt' || f === 'updatedAt' ? now : val(l[f]));
    for (const k of consentKeys) out.push(l.consents[k] ? 1 : 0);
    out.push(leadNumber(year, start + i), l.leadType === 'customer_driven' ? 0 : 1, sla1DueAt(l.assignedAt, s), d2, r.key);
    return out;
  };
  const ins = sqlite.prepare(`INSERT INTO leads (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const at = (c: string) => { const i = cols.indexOf(c); if (i < 0) throw new Error(`import: no column ${c}`); return i; };
  const numberAt = at('number');
  const [firstAt, lastAt, emailAt, phoneAt, otherPhoneAt, vinAt] = ['first_name', 'last_name', 'email', 'phone', 'other_phone', 'vin'].map(at) as [number, number, number, number, number, number];
  // The search index is filled for the whole block instead of by the per-row trigger: the trigger's document
  // (the view leads_search_doc) is built in JS from the values inserted (searchDoc.ts, tested against the view).
  // Likewise the per-day lead counts (lead_day_counts, migration 0007): one grouped upsert for the block.
  const suspend = (name: string) => {
    const sql = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined)?.sql;
    if (sql) sqlite.exec(`DROP TRIGGER ${name}`);
    return sql;
  };
  const trigger = suspend('leads_fts_insert');
  const dayTrigger = suspend('lead_day_counts_insert');
  const ids: number[] = [];
  const numbers: string[] = [];
  const docs: (SearchDoc | null)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const c = build(rows[i]!, i);
    const id = Number(ins.run(c).lastInsertRowid);
    const num = c[numberAt] as string;
    ids.push(id);
    numbers.push(num);
    if (trigger) {
      docs.push(searchDoc({
        firstName: c[firstAt] as string, lastName: c[lastAt] as string, email: c[emailAt] as string | null, phone: c[phoneAt] as string | null,
        otherPhone: c[otherPhoneAt] as string | null, vin: c[vinAt] as string | null, number: num,
      }));
    }
  }
  // The creation history of the whole block (created, assignedAt, status — as leadService.create writes them),
  // three statements instead of three per lead. The rowids are consecutive inside this transaction.
  const lo = ids[0]!;
  const hi = ids[ids.length - 1]!;
  if (hi - lo + 1 !== ids.length) throw new Error('import: lead ids are not consecutive');
  for (const [field, value] of [['created', 'number'], ['assignedAt', "strftime('%Y-%m-%dT%H:%M:%fZ', assigned_at / 1000.0, 'unixepoch')"], ['status', 'status']] as const) {
    sqlite.prepare(`INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
      SELECT id, NULL, ?, ?, ?, ?, NULL, ${value} FROM leads WHERE id BETWEEN ? AND ? ORDER BY id`).run(now, actor.id, actor.name, field, lo, hi);
  }
  if (dayTrigger) {
    sqlite.prepare(`INSERT INTO lead_day_counts (day, status, n)
      SELECT CAST(assigned_at AS INTEGER) / 86400000, status, count(*) FROM leads WHERE id BETWEEN ? AND ? GROUP BY 1, 2
      ON CONFLICT (day, status) DO UPDATE SET n = n + excluded.n`).run(lo, hi);
    sqlite.exec(dayTrigger);
  }
  if (trigger) {
    const fts = sqlite.prepare('INSERT INTO leads_fts(rowid, name, email, phone, vin, number) VALUES (?, ?, ?, ?, ?, ?)');
    const fromView = sqlite.prepare('INSERT INTO leads_fts(rowid, name, email, phone, vin, number) SELECT id, name, email, phone, vin, number FROM leads_search_doc WHERE id = ?');
    for (let i = 0; i < ids.length; i++) {
      const d = docs[i];
      if (d) fts.run(ids[i], d.name, d.email, d.phone, d.vin, d.number);
      else fromView.run(ids[i]);
    }
    sqlite.exec(trigger);
  }
  return { ids, numbers };
}
