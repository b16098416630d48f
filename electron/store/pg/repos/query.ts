// What every PostgreSQL repository runs its SQL with: rows, one row, a write's row count, on a Queryable (the pool,
// or the client of the caller's transaction, electron/store/pg/tx.ts). The pool must read int8 as numbers
// (`pgTypes`, electron/store/pg/migrate.ts), as better-sqlite3 reads SQLite's integers.
import { CONSENTS } from '../../../../shared/domain/vocabulary';
import { column, LEAD_FIELDS } from '../../leadRow';
import { consentColumn } from '../../repos/customers';
import type { Queryable } from '../tx';

export type { Queryable };

export async function rows<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await q.query(sql, params)).rows as T[];
}

export async function row<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await q.query(sql, params)).rows[0] as T | undefined;
}

/** Runs a write; how many rows it changed (SQLite's `changes`). */
export async function run(q: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  return (await q.query(sql, params)).rowCount ?? 0;
}

/** A column name from the code (toColumns), never from input: checked all the same. */
export function checkColumn(k: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(k)) throw new Error(`leads: not a column: ${k}`);
  return k;
}

/** `$from, $from+1, …` for n values. */
export const marks = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** The leads' boolean columns: PostgreSQL booleans, read as SQLite's 0/1 by the repositories. */
const LEAD_BOOLS = new Set(['frozen', 'recontacted', 'appointment_email', 'appointment_kept', 'sla1_met', 'sla2_met']);

/**
 * `LEAD_SELECT` (electron/store/leadRow.ts) for PostgreSQL: the same names, booleans as 0/1 (`::int`), so that
 * `rowToLead` (consents `=== 1`) and the raw rows a privacy export reads are SQLite's.
 */
export const PG_LEAD_SELECT = [
  ...LEAD_FIELDS.map((f) => {
    const c = column(f);
    return `${LEAD_BOOLS.has(c) ? `${c}::int` : c} AS "${f}"`;
  }),
  ...CONSENTS.map((k) => `${consentColumn(k)}::int AS "consent.${k}"`),
].join(', ');

/** The consents of a row as 0/1 columns `consent.<key>` (as SQLite's CONSENT_SELECT). */
export const PG_CONSENT_SELECT = CONSENTS.map((k) => `${consentColumn(k)}::int AS "consent.${k}"`).join(', ');
