// One transaction on a pooled connection: BEGIN … COMMIT, ROLLBACK on any error, the connection back to the pool.
// Every write of the coordination modules (outboxQueue, sweepClaim, notify) goes through here.
import type pg from 'pg';

/** A client or pool: what the queries of a transaction body are sent to. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // the connection itself failed (terminated backend, network): it must not go back to the pool
      broken = rollbackError as Error;
    }
    throw e;
  } finally {
    client.release(broken);
  }
}
