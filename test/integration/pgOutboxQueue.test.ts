// The outbox claimed by several app cores on one PostgreSQL database (electron/store/pg/outboxQueue.ts): every due
// row is claimed by exactly one core while its lease holds, a core that dies mid-send leaves its rows to be taken
// again after the lease with the same Message-ID, and failures are retried as SQLite's outbox does.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoff, MAX_ATTEMPTS } from '../../electron/core/mail/outbox';
import { recordAcceptedSend } from '../../electron/core/mail/outboxRecord';
import { pgRepos } from '../../electron/store/pg/asyncStore';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import {
  claimDueOutbox,
  enqueueOutbox,
  markOutboxFailed,
  pgBackoff,
  PG_MAX_ATTEMPTS,
  releaseOutboxClaim,
  type OutboxClaim,
} from '../../electron/store/pg/outboxQueue';
import { startEventListener, type PgEventMessage } from '../../electron/store/pg/notify';
import { withTransaction } from '../../electron/store/pg/tx';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { insertPgLeads } from '../support/pgLeads';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
/** The server accepted a claimed row: recorded as the app core's delivery does (the outbox's recordSent). */
const markSent = (pool: pg.Pool, c: OutboxClaim, at: number, response = '') =>
  withTransaction(
    pool,
    async (q) => (await recordAcceptedSend(pgRepos(q), { id: c.id, attempts: c.attempts, at, response })) !== null,
  );
const mail = (key: string, leadId: number | null, dueAt = T0, expiresAt: number | null = null) => ({
  dedupeKey: key,
  leadId,
  kind: 'reminder',
  to: `${key}@example.com`,
  language: 'en',
  subject: `Subject ${key}`,
  text: 'Body',
  dueAt,
  expiresAt,
});

describe.skipIf(SKIP_PG)('PostgreSQL outbox: claim with SKIP LOCKED and a lease', () => {
  let database: PgTestDatabase;
  let store: PgStore;
  let leadId: number;

  beforeAll(async () => {
    database = await createPgTestDatabase('outbox');
    store = await openPgStore(database.url);
    leadId = (await insertPgLeads(store.db, 1, { status: 'assigned', assignedAt: T0 }))[0]!;
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  const reset = () => store.pool.query('TRUNCATE outbox'); // history is append-only (a trigger): kept
  const enqueue = (n: number, prefix: string, lead: number | null = null) =>
    withTransaction(store.pool, async (c) => {
      for (let i = 0; i < n; i++) await enqueueOutbox(c, mail(`${prefix}${i}`, lead), T0);
    });

  it('retries with the policy of the SQLite outbox', () => {
    expect(PG_MAX_ATTEMPTS).toBe(MAX_ATTEMPTS);
    for (let n = 0; n <= 12; n++) expect(pgBackoff(n), `attempt ${n}`).toBe(backoff(n));
  });

  it('four cores claiming at once: each row claimed by exactly one, none again while its lease holds', async () => {
    await reset();
    await enqueue(400, 'm');
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: database.url, max: 2 }));
    try {
      await Promise.all(pools.map((p) => p.query('SELECT 1'))); // connected before the race starts
      const t = performance.now();
      const byCore = await Promise.all(
        pools.map(async (pool) => {
          const mine: OutboxClaim[] = [];
          for (;;) {
            const { claimed } = await claimDueOutbox(pool, { now: T0, limit: 5, leaseMs: 10 * MIN });
            if (claimed.length === 0) return mine;
            mine.push(...claimed);
          }
        }),
      );
      const claimMs = performance.now() - t;
      const ids = byCore.flat().map((c) => c.id);
      expect(ids.length).toBe(400);
      expect(new Set(ids).size).toBe(400);
      for (const mine of byCore) expect(mine.length).toBeGreaterThan(0); // they did race
      // Still within every lease: nothing to claim, even at the lease's last millisecond.
      expect((await claimDueOutbox(store.pool, { now: T0 + 10 * MIN - 1, limit: 500 })).claimed).toEqual([]);
      await Promise.all(
        byCore.map((mine, i) => Promise.all(mine.map((c) => markSent(pools[i]!, c, T0 + MIN, '250 OK')))),
      );
      const states = await store.pool.query('SELECT state, attempts, count(*)::int AS n FROM outbox GROUP BY 1, 2');
      expect(states.rows).toEqual([{ state: 'sent', attempts: 1, n: 400 }]);
      console.info(`4 cores claimed 400 rows in ${claimMs.toFixed(0)} ms (${byCore.map((m) => m.length).join('/')})`);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('skips the rows another core holds locked instead of waiting for them', async () => {
    await reset();
    await enqueue(6, 'l');
    const holder = await store.pool.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query<{ id: number }>('SELECT id FROM outbox ORDER BY id LIMIT 3 FOR UPDATE');
      const t = performance.now();
      const { claimed } = await claimDueOutbox(store.pool, { now: T0, limit: 10 });
      expect(performance.now() - t).toBeLessThan(1000);
      const lockedIds = locked.rows.map((r) => r.id);
      expect(claimed.map((c) => c.id)).toEqual(expect.not.arrayContaining(lockedIds));
      expect(claimed.length).toBe(3);
      await holder.query('COMMIT');
      expect((await claimDueOutbox(store.pool, { now: T0, limit: 10 })).claimed.map((c) => c.id)).toEqual(lockedIds);
    } finally {
      holder.release();
    }
  });

  it('a core killed mid-send: its rows are taken again after the lease, same Message-ID; its late settle is void', async () => {
    await reset();
    await enqueue(5, 'k', leadId);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/pgOutboxChild.ts'), database.url, String(T0), '3', String(MIN)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
    });
    const byChild = JSON.parse(line) as OutboxClaim[];
    expect(byChild.length).toBe(3);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    // The lease holds: this core gets only the two rows the dead one did not claim.
    const during = await claimDueOutbox(store.pool, { now: T0 + MIN - 1, limit: 10, leaseMs: MIN });
    expect(during.claimed.map((c) => c.id).filter((id) => byChild.some((b) => b.id === id))).toEqual([]);
    expect(during.claimed.length).toBe(2);
    // After it: the dead core's rows again, same Message-ID, second attempt.
    const after = await claimDueOutbox(store.pool, { now: T0 + MIN, limit: 10, leaseMs: MIN });
    expect(after.claimed.map((c) => [c.id, c.messageId, c.attempts])).toEqual(
      byChild.map((c) => [c.id, c.messageId, 2]),
    );
    // Had the dead core come back and failed the send, its settle (attempt 1) would change nothing.
    expect(await markOutboxFailed(store.pool, byChild[0]!, { at: T0 + MIN, reason: '421', permanent: false })).toBe(
      null,
    );
    for (const c of [...during.claimed, ...after.claimed])
      expect(await markSent(store.pool, c, T0 + 2 * MIN)).toBe(true);
    // It came back and its send went through too (a duplicate with the same Message-ID): recorded once.
    expect(await markSent(store.pool, byChild[0]!, T0 + 2 * MIN)).toBe(false);
    const sent = await store.pool.query(
      `SELECT count(*)::int AS n FROM history WHERE lead_id = $1 AND new_value LIKE 'sent: %'`,
      [leadId],
    );
    expect(sent.rows[0].n).toBe(5);
  });

  it('failures: queued after the backoff, the last attempt or a permanent error fails; account errors not counted', async () => {
    await reset();
    const leadId = (await insertPgLeads(store.db, 1, { status: 'assigned', assignedAt: T0, prefix: 'F-' }))[0]!;
    await withTransaction(store.pool, async (c) => {
      expect(await enqueueOutbox(c, mail('f', leadId), T0)).toBeTypeOf('number');
      expect(await enqueueOutbox(c, mail('f', leadId), T0)).toBeNull(); // same dedupe key
      await enqueueOutbox(c, mail('x', leadId, T0 + MIN, T0 + MIN), T0);
    });
    const claim = async (now: number) => (await claimDueOutbox(store.pool, { now, limit: 10 })).claimed;
    const lines = async () =>
      (
        await store.pool.query<{ v: string }>('SELECT new_value AS v FROM history WHERE lead_id = $1 ORDER BY id', [
          leadId,
        ])
      ).rows.map((r) => r.v);
    let [c, ...others] = await claim(T0);
    expect([c!.attempts, others]).toEqual([1, []]); // x is due later
    expect(await markOutboxFailed(store.pool, c!, { at: T0, reason: '451 try later', permanent: false })).toBe(
      'queued',
    );
    expect(await claim(T0 + backoff(1) - 1)).toEqual([]); // not yet; then x expires instead of being sent
    [c] = await claim(T0 + backoff(1));
    expect(c!.attempts).toBe(2);
    expect(await releaseOutboxClaim(store.pool, c!, T0 + 3 * MIN, 'code:SMTP_UNREACHABLE')).toBe(true);
    [c] = await claim(T0 + 3 * MIN);
    expect(c!.attempts).toBe(2); // the account error did not count
    expect(
      await markOutboxFailed(store.pool, c!, { at: T0 + 4 * MIN, reason: '550 no such user', permanent: true }),
    ).toBe('failed');
    const row = await store.pool.query('SELECT state, attempts, last_error FROM outbox WHERE dedupe_key = $1', ['f']);
    expect(row.rows[0]).toEqual({ state: 'failed', attempts: 2, last_error: '550 no such user' });
    expect(await lines()).toEqual([
      'queued: Subject f → f@example.com',
      'queued: Subject x → x@example.com (→ 2026-03-02T09:01:00.000Z)',
      'queued: Subject f → f@example.com (451 try later)', // first failure only, as SQLite's
      'expired: Subject x → x@example.com',
      'failed: Subject f → f@example.com (550 no such user)',
    ]);
  });

  it('a row due now wakes the other cores on commit (outbox.queued), not on rollback', async () => {
    await reset();
    const heard: PgEventMessage[] = [];
    const listener = startEventListener({ url: database.url, origin: 'core-b', onEvent: (m) => heard.push(m) });
    try {
      await listener.ready;
      const enqueueTwo = async (c: pg.PoolClient, p: string) => {
        await enqueueOutbox(c, mail(`${p}1`, null), T0, { notify: { origin: 'core-a' } });
        await enqueueOutbox(c, mail(`${p}2`, null), T0, { notify: { origin: 'core-a' } }); // folded into one
        await enqueueOutbox(c, mail(`${p}3`, null, T0 + MIN), T0, { notify: { origin: 'core-a' } }); // due later
      };
      await expect(
        withTransaction(store.pool, async (c) => {
          await enqueueTwo(c, 'r');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await withTransaction(store.pool, (c) => enqueueTwo(c, 'w'));
      for (const t = Date.now(); heard.length === 0 && Date.now() - t < 2000;)
        await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual([{ origin: 'core-a', event: { type: 'outbox.queued', at: T0 } }]);
    } finally {
      await listener.stop();
    }
  });
});
