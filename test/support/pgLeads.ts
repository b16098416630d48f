// Leads written straight into a migrated PostgreSQL store (drizzle), for the tests of the coordination modules
// (electron/store/pg): the columns the sweeps and the outbox history need, the rest at their defaults.
import type { PgDb } from '../../electron/store/pg/migrate';
import { leads } from '../../electron/store/pg/schema/index';

export async function insertPgLeads(
  db: PgDb,
  n: number,
  opts: { status: string; assignedAt: number; prefix?: string },
): Promise<number[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    number: `${opts.prefix ?? 'ASL-2026-'}${String(i + 1).padStart(6, '0')}`,
    status: opts.status,
    leadType: 'customer_driven',
    typeRank: 0,
    source: 'web',
    campaign: 'service_reminder',
    firstName: 'Mario',
    lastName: `Rossi ${i + 1}`,
    createdAt: opts.assignedAt,
    assignedAt: opts.assignedAt,
    updatedAt: opts.assignedAt,
    sla1DueAt: opts.assignedAt + 86_400_000,
    sla2DueAt: opts.assignedAt + 10 * 86_400_000,
  }));
  const out = await db.insert(leads).values(rows).returning({ id: leads.id });
  return out.map((r) => r.id);
}
