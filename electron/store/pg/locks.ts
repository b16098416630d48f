// PostgreSQL advisory locks (issue 15): the keys the app's cores coordinate on, and the statements that take them.
// Session locks are held by a connection until released (the first start, leader.ts's leadership); a transaction lock
// until its transaction ends (each sweep transaction takes its turn).
import type { Queryable } from './tx';

/** The migrations are applied under this one (migrate.ts): two cores starting together apply them once. */
export const MIGRATION_LOCK = 0x61736c6d; // 'aslm'
/** The leader's (leader.ts): the core holding it runs the per-database jobs (sweep timer, scheduler, digest). */
export const SWEEPER_LOCK = 0x61736c77; // 'aslw'
/** The advisory lock a new database's first rules and user are written under (migrate.ts: migrations, leader.ts). */
export const FIRST_START_LOCK = 0x61736c66; // 'aslf'
/** Every sweep transaction of every core takes this one in turn (core/multiCore/pgSweeps.ts). */
export const SWEEP_TURN_LOCK = 0x61736c74; // 'aslt'

/** Waits for a session-level lock on `client`'s connection. */
export async function advisoryLock(client: Queryable, key: number): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [key]);
}

export async function advisoryUnlock(client: Queryable, key: number): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [key]);
}

/** Waits for a lock held until the end of the transaction open on `client`. */
export async function advisoryXactLock(client: Queryable, key: number): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
