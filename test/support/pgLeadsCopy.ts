// A few leads made by the app core on SQLite, an interval apart, and a throwaway PostgreSQL database holding a copy of
// them with their people, customers and vehicles: what the PostgreSQL store's trigger tests start from.
import type pg from 'pg';
import { openPgStore } from '../../electron/store/pg/migrate';
import { baseLead, ok, openTestApp } from '../integration/helpers';
import { copySqliteTables } from './pgCopy';
import { createPgTestDatabase } from './pgDatabase';

export interface PgLeadsCopy {
  ids: number[];
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function pgLeadsCopy(
  name: string,
  o: { leads: number; firstName: string; lastName: string; everyMs: number },
): Promise<PgLeadsCopy> {
  const app = openTestApp();
  const ids: number[] = [];
  for (let i = 0; i < o.leads; i++) {
    const lead = baseLead({ firstName: `${o.firstName}${i}`, lastName: o.lastName });
    ids.push((await ok(app.core, 'leads.create', lead)).lead.id);
    app.clock.advance(o.everyMs);
  }
  const database = await createPgTestDatabase(name);
  const store = await openPgStore(database.url);
  await copySqliteTables(app.core.store.sqlite, store.pool, ['users', 'user_roles', 'customers', 'vehicles', 'leads']);
  return {
    ids,
    pool: store.pool,
    close: async () => {
      app.close();
      await store.close();
      await database.drop();
    },
  };
}

type Write = [sql: string, params: unknown[]];

/** Writes that move seven copied leads through every list view (attempts, status, close reason, assignment). */
export const viewMoves = ([a, b, c, d, e, f, g]: number[]): Write[] => [
  ['UPDATE leads SET contact_attempts = 1 WHERE id = $1', [a]],
  ["UPDATE leads SET status = 'appointment', contact_attempts = 2 WHERE id = $1", [b]],
  ["UPDATE leads SET status = 'closed_no_sale', close_reason = 'not_interested' WHERE id = $1", [c]],
  ["UPDATE leads SET status = 'closed_sale' WHERE id = $1", [d]],
  ["UPDATE leads SET status = 'lost' WHERE id IN ($1, $2)", [e, f]],
  ['UPDATE leads SET assigned_at = assigned_at + 86400000 WHERE id = $1', [g]],
  ["UPDATE leads SET last_name = 'Bianchi', status = 'assigned', close_reason = NULL WHERE id = $1", [c]],
];

/** A lead inserted as a copy of `from` (closed without a sale), then the lead `gone` deleted. */
export const insertAndDelete = (from: number, gone: number): Write[] => [
  [
    `INSERT INTO leads (number, status, lead_type, type_rank, source, campaign, first_name, last_name, created_at,
      assigned_at, updated_at, sla1_due_at, sla2_due_at, contact_attempts, frozen, close_reason)
     SELECT 'ASL-2026-999999', 'closed_no_sale', lead_type, type_rank, source, campaign, 'Temp', 'Lead', created_at,
      assigned_at, updated_at, sla1_due_at, sla2_due_at, 3, false, 'other' FROM leads WHERE id = $1`,
    [from],
  ],
  ['DELETE FROM leads WHERE id = $1', [gone]],
];
