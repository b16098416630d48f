// What the PostgreSQL read repositories share: SQLite's named parameters (`@from`) as numbered ones, typed by their
// value (a bare `$1` compared with a bigint column would do, but `$1 + 14400000` would be read as an integer), and the
// list row's columns with their camelCase names quoted.
import type { Queryable } from '../tx';

/** The list row of every list (shared/contract/leads ListRow), `frozen` as stored (boolean here). */
export const PG_ROW_SELECT = `l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.created_at AS "createdAt",
  l.assigned_at AS "assignedAt", l.status, l.frozen, l.lead_type AS "leadType", l.source, l.campaign,
  l.contact_attempts AS "contactAttempts", l.assignee_id AS "assigneeId", u.name AS "assigneeName",
  l.first_contact_at AS "firstContactAt", l.qualified_at AS "qualifiedAt", l.sla1_due_at AS "sla1DueAt", l.sla2_due_at AS "sla2DueAt"`;

const cast = (name: string, v: unknown): string => {
  if (typeof v === 'number') return Number.isInteger(v) ? 'bigint' : 'double precision';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return 'boolean';
  if (v === null) return 'text';
  throw new Error(`parameter @${name}: unsupported value ${String(v)}`);
};

/** `@name` → `$n::type` (each name once), with the values in order. Every name used must be given. */
export function named(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const index = new Map<string, number>();
  const values: unknown[] = [];
  const text = sql.replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      if (!(name in params)) throw new Error(`missing SQL parameter @${name}`);
      values.push(params[name]);
      i = values.length;
      index.set(name, i);
    }
    return `$${i}::${cast(name, params[name])}`;
  });
  return { text, values };
}

/** The rows of a statement with named parameters. */
export async function all<T>(q: Queryable, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { text, values } = named(sql, params);
  return (await q.query(text, values)).rows as T[];
}

/** The first row of a statement with named parameters (aggregates always answer one). */
export async function one<T>(q: Queryable, sql: string, params: Record<string, unknown> = {}): Promise<T> {
  const rows = await all<T>(q, sql, params);
  if (rows.length === 0) throw new Error(`no row from ${sql.slice(0, 80)}`);
  return rows[0]!;
}

/** count(*) and sum(…) read as numbers whatever the pool's type parsers. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
