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
