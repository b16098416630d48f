// The import's block of new leads on PostgreSQL (electron/store/repos/leadBlock.ts), inside the caller's
// transaction: the block's lead numbers reserved in the counters table with one statement, the leads inserted 25 per
// INSERT (ids read back with RETURNING: PostgreSQL's identities need not be consecutive when another core inserts
// meanwhile), their creation history in three statements. The search documents, the day and view counts are kept by
// the PostgreSQL triggers (migrations 0002, 0003), which a concurrent core's inserts need anyway.
import type { RuleSettings } from '../../../../shared/domain/settings';
import { leadNumber, sla1DueAt, sla2DueAt, type NewLeadRow } from '../../../../shared/rules';
import { toColumns } from '../../leadRow';
import type { Async, LeadBlockRepo } from '../../repos/index';
import { row, rows, run, type Queryable } from './query';

const BATCH = 25;
/** SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', ms / 1000.0, 'unixepoch') of an epoch-millisecond column. */
const isoOf = (c: string) =>
  `to_char(TIMESTAMP '1970-01-01' + ${c} * INTERVAL '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function leadBlockRepoPg(q: Queryable): Async<LeadBlockRepo> {
  return {
    async insert(s: RuleSettings, input: { lead: NewLeadRow; key: string }[], actor, now) {
      if (input.length === 0) return { ids: [], numbers: [] };
      const year = new Date(now).getUTCFullYear();
      const end = (await row<{ value: number }>(
        q,
        `INSERT INTO counters (name, value) VALUES ($1, $2)
          ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value`,
        [`lead:${year}`, input.length],
      ))!.value;
      const start = end - input.length + 1;
      // The columns of the first row (toColumns: consents expanded, booleans 0/1, which PostgreSQL reads as booleans).
      const first = toColumns({ ...input[0]!.lead, createdAt: now, updatedAt: now });
      const cols = [...Object.keys(first), 'number', 'type_rank', 'sla1_due_at', 'sla2_due_at', 'external_id'];
      const numbers = input.map((_, i) => leadNumber(year, start + i));
      const idOf = new Map<string, number>();
      const sla2Memo = new Map<number, number>();
      for (let at = 0; at < input.length; at += BATCH) {
        const part = input.slice(at, at + BATCH);
        const args: unknown[] = [];
        part.forEach((r, k) => {
          const l = r.lead;
          const c = toColumns({ ...l, createdAt: now, updatedAt: now });
          let d2 = sla2Memo.get(l.assignedAt);
          if (d2 === undefined) sla2Memo.set(l.assignedAt, (d2 = sla2DueAt(l.assignedAt, s)));
          for (const name of cols.slice(0, cols.length - 5)) args.push(c[name] ?? null);
          args.push(numbers[at + k], l.leadType === 'customer_driven' ? 0 : 1, sla1DueAt(l.assignedAt, s), d2, r.key);
        });
        const values = part
          .map((_, k) => `(${cols.map((__, j) => `$${k * cols.length + j + 1}`).join(', ')})`)
          .join(', ');
        const out = await rows<{ id: number; number: string }>(
          q,
          `INSERT INTO leads (${cols.join(', ')}) VALUES ${values} RETURNING id, number`,
          args,
        );
        if (out.length !== part.length) throw new Error('import: a lead was not inserted');
        for (const r of out) idOf.set(r.number, r.id);
      }
      const ids = numbers.map((n) => {
        const id = idOf.get(n);
        if (id === undefined) throw new Error('import: a lead was not inserted');
        return id;
      });
      // The creation history of the block (created, assignedAt, status — as leadService.create writes them).
      for (const [field, value] of [
        ['created', 'number'],
        ['assignedAt', isoOf('assigned_at')],
        ['status', 'status'],
      ] as const) {
        await run(
          q,
          `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
            SELECT id, NULL, $1, $2, $3, $4, NULL, ${value} FROM leads WHERE id = ANY($5::int[]) ORDER BY id`,
          [now, actor.id, actor.name, field, ids],
        );
      }
      return { ids, numbers };
    },
  };
}
