// Two app cores sweeping the same leads on one PostgreSQL database (electron/store/pg/sweepClaim.ts): exactly one
// sweep result (one status change, one history line) per lead, whether the second sweep runs while the first is
// still open, after it committed, or batch against batch; and the sweeper's election (leader.ts) with its
// live update (notify.ts): only the leader's sweep runs, the other core hears of it after the commit.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSettings } from '../../shared/domain/settings';
import { DAY } from '../../shared/rules';
import { startLeaderElection } from '../../electron/store/pg/leader';
import { openPgStore, pgTypes, type PgStore } from '../../electron/store/pg/migrate';
import { startEventListener, type PgEventMessage } from '../../electron/store/pg/notify';
import { sweepAllPg, sweepBatchPg } from '../../electron/store/pg/sweepClaim';
import { withTransaction } from '../../electron/store/pg/tx';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { insertPgLeads } from '../support/pgLeads';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const NOW = Date.parse('2026-06-01T12:00:00Z');
const settings = defaultRuleSettings('UTC');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(SKIP_PG)('PostgreSQL sweeps: one result per lead with two cores', () => {
  let database: PgTestDatabase;
  let store: PgStore;
  let other: pg.Pool; // the second core's pool

  beforeAll(async () => {
    database = await createPgTestDatabase('sweep');
    store = await openPgStore(database.url);
    other = new pg.Pool({ connectionString: database.url, max: 3, types: pgTypes });
  });
  afterAll(async () => {
    await other?.end();
    await store?.close();
    await database?.drop();
  });
  const due = (n: number, prefix: string) =>
    insertPgLeads(store.db, n, { status: 'assigned', assignedAt: NOW - 70 * DAY, prefix });
  /** Per lead: its status, version and how many status lines its history holds. */
  const results = async (ids: number[]) =>
    (
      await store.pool.query<{ status: string; version: number; lines: number }>(
        `SELECT l.status, l.version, (SELECT count(*)::int FROM history h WHERE h.lead_id = l.id AND h.field = 'status')
         AS lines FROM leads l WHERE l.id = ANY($1) ORDER BY l.id`,
        [ids],
      )
    ).rows;
  const once = (n: number) => Array.from({ length: n }, () => ({ status: 'lost', version: 2, lines: 1 }));

  it('a second sweep while the first is open skips its leads without waiting; after its commit finds none', async () => {
    const ids = [
      ...(await due(60, 'A-')),
      ...(await insertPgLeads(store.db, 5, { status: 'assigned', assignedAt: NOW - DAY, prefix: 'N-' })),
    ];
    const first = await store.pool.connect();
    try {
      await first.query('BEGIN');
      const a = await sweepBatchPg(first, 'lost', NOW, settings, { limit: 1000 });
      expect(a.changes.length).toBe(60); // the 5 assigned yesterday are not due
      const t = performance.now();
      const b = await withTransaction(other, (c) => sweepBatchPg(c, 'lost', NOW, settings, { limit: 1000 }));
      expect(performance.now() - t).toBeLessThan(1000);
      expect(b).toMatchObject({ candidates: 0, changes: [] });
      await first.query('COMMIT');
    } finally {
      first.release();
    }
    const c = await withTransaction(other, (cl) => sweepBatchPg(cl, 'lost', NOW, settings, { limit: 1000 }));
    expect(c.changes).toEqual([]);
    const r = await results(ids);
    expect(r.slice(0, 60)).toEqual(once(60));
    expect(r.slice(60).map((x) => x.status)).toEqual(Array(5).fill('assigned'));
  });

  it('two cores sweeping together in batches: every lead swept once, by one of them (200 leads, batches of 20)', async () => {
    const ids = await due(200, 'B-');
    await Promise.all([store.pool.query('SELECT 1'), other.query('SELECT 1')]);
    const t = performance.now();
    const [a, b] = await Promise.all(
      [store.pool, other].map((pool) =>
        sweepAllPg((fn) => withTransaction(pool, fn), 'lost', NOW, settings, { limit: 20 }),
      ),
    );
    const ms = performance.now() - t;
    const swept = [...a!, ...b!].map((c) => c.leadId);
    expect(swept.length).toBe(200);
    expect(new Set(swept)).toEqual(new Set(ids));
    expect(a!.length).toBeGreaterThan(0);
    expect(b!.length).toBeGreaterThan(0);
    expect(await results(ids)).toEqual(once(200));
    console.info(`two cores swept 200 leads in ${ms.toFixed(0)} ms (${a!.length}/${b!.length})`);
  });

  it('appointment expiry, batch against batch: every lead frozen once, one history line', async () => {
    const ids = await insertPgLeads(store.db, 30, { status: 'appointment', assignedAt: NOW - 70 * DAY, prefix: 'C-' });
    const [a, b] = await Promise.all(
      [store.pool, other].map((pool) =>
        sweepAllPg((fn) => withTransaction(pool, fn), 'appointmentExpiry', NOW, settings, { limit: 4 }),
      ),
    );
    expect([...a!, ...b!].map((c) => c.leadId).sort((x, y) => x - y)).toEqual(ids);
    const rows = await store.pool.query(
      `SELECT l.frozen, l.version, (SELECT count(*)::int FROM history h WHERE h.lead_id = l.id AND h.field = 'frozen') AS lines
       FROM leads l WHERE l.id = ANY($1)`,
      [ids],
    );
    expect(new Set(rows.rows.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ frozen: true, version: 2, lines: 1 })]),
    );
  });

  it('only the elected sweeper sweeps; the other core hears of it after the commit', async () => {
    const ids = await due(50, 'D-');
    const heard: PgEventMessage[] = [];
    const listener = startEventListener({ url: database.url, origin: 'core-b', onEvent: (m) => heard.push(m) });
    const la = startLeaderElection({ url: database.url, key: 201, pollMs: 50 });
    for (const t = Date.now(); !la.isLeader() && Date.now() - t < 2000;) await sleep(5);
    const lb = startLeaderElection({ url: database.url, key: 201, pollMs: 50 }); // started once core a leads
    try {
      await listener.ready;
      await sleep(100); // b has polled
      expect([la.isLeader(), lb.isLeader()]).toEqual([true, false]);
      const sweep = (l: typeof la, origin: string) =>
        sweepAllPg((fn) => l.runAsLeader(fn), 'lost', NOW, settings, { limit: 100, notify: { origin } });
      const [a, b] = await Promise.all([sweep(la, 'core-a'), sweep(lb, 'core-b')]);
      expect(a.map((c) => c.leadId)).toEqual(ids);
      expect(b).toEqual([]);
      for (const t = Date.now(); heard.length === 0 && Date.now() - t < 2000;) await sleep(5);
      expect(heard).toEqual([{ origin: 'core-a', event: { type: 'sweep.done', name: 'lost', at: NOW, changed: 50 } }]);
      expect(await results(ids)).toEqual(once(50));
    } finally {
      await Promise.all([la.stop(), lb.stop(), listener.stop()]);
    }
  });
});
