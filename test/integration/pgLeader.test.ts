// One sweeper per PostgreSQL database (electron/store/pg/leader.ts): two app cores, each with its own connection,
// elect one leader; when the leader's backend is terminated or it stops, the other takes over within its poll
// interval; the work both try to do as leader (rows in a table both write to) never interleaves.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, until as untilWithin } from '../support/wait';
import { startLeaderElection, type Leadership } from '../../electron/store/pg/leader';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

/** Polls every 2 ms (the leadership takeover times are measured). */
const until = (cond: () => boolean, ms: number) => untilWithin(cond, ms, 2);
const POLL = 50;

describe.skipIf(SKIP_PG)('PostgreSQL: one sweeper per database (advisory lock)', () => {
  let database: PgTestDatabase;
  let store: PgStore;
  const cores: Leadership[] = [];

  beforeAll(async () => {
    database = await createPgTestDatabase('leader');
    store = await openPgStore(database.url);
    await store.pool.query('CREATE TABLE sweep_turns (id integer GENERATED ALWAYS AS IDENTITY, core text NOT NULL)');
  });
  afterAll(async () => {
    await Promise.all(cores.map((c) => c.stop()));
    await store?.close();
    await database?.drop();
  });
  const core = (key: number) => {
    const c = startLeaderElection({ url: database.url, key, pollMs: POLL });
    cores.push(c);
    return c;
  };
  /** Each core writes a row as leader every 5 ms (the flags sampled: how often both say they lead). */
  function workers(named: Record<string, Leadership>) {
    let running = true;
    let both = 0;
    const loops = Object.entries(named).map(async ([name, c]) => {
      while (running) {
        await c
          .runAsLeader((client) => client.query('INSERT INTO sweep_turns (core) VALUES ($1)', [name]))
          .catch(
            () => undefined, // the connection died under it: nothing committed
          );
        if (Object.values(named).filter((x) => x.isLeader()).length > 1) both++;
        await sleep(5);
      }
    });
    return {
      async stop() {
        running = false;
        await Promise.all(loops);
        return both;
      },
    };
  }
  const turns = async () =>
    (await store.pool.query<{ core: string }>('SELECT core FROM sweep_turns ORDER BY id')).rows.map((r) => r.core);
  const holders = async (key: number) =>
    (
      await store.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted
         AND ((classid::bigint << 32) | objid::bigint) = $1`,
        [key],
      )
    ).rows[0]!.n;

  it('two cores starting together: exactly one leads', async () => {
    const [a, b] = [core(101), core(101)];
    await until(() => a.isLeader() || b.isLeader(), 2000);
    await sleep(4 * POLL);
    expect([a.isLeader(), b.isLeader()].filter(Boolean)).toEqual([true]);
    expect(await holders(101)).toBe(1);
    expect(await (a.isLeader() ? b : a).runAsLeader(async () => 'ran')).toBeNull();
  });

  it("the leader's backend is terminated: the other core takes over at its next poll; their work never interleaves", async () => {
    await store.pool.query('TRUNCATE sweep_turns');
    const a = core(102);
    await until(() => a.isLeader(), 2000);
    const b = core(102);
    const w = workers({ a, b });
    let both = -1;
    let takeoverMs = 0;
    try {
      await sleep(10 * POLL);
      expect(b.isLeader()).toBe(false);
      const t = performance.now();
      await store.pool.query('SELECT pg_terminate_backend($1)', [a.backendPid()]);
      await until(() => b.isLeader(), 2000);
      takeoverMs = performance.now() - t;
      await sleep(10 * POLL); // a reconnects meanwhile, as a follower
    } finally {
      both = await w.stop();
    }
    expect(a.isLeader()).toBe(false);
    expect(a.backendPid()).not.toBeNull();
    expect(await holders(102)).toBe(1);
    // The guarantee: what each wrote as leader. Every row of a, then every row of b, none of a after b's first.
    const seq = await turns();
    const firstB = seq.indexOf('b');
    expect(seq.slice(0, 3)).toEqual(['a', 'a', 'a']);
    expect(firstB).toBeGreaterThan(0);
    expect(seq.slice(firstB).every((c) => c === 'b')).toBe(true);
    // isLeader() is a hint: a may learn that its session is gone a moment after b took the lock.
    console.info(
      `takeover after pg_terminate_backend: ${takeoverMs.toFixed(0)} ms (poll ${POLL} ms); ` +
        `samples with both flags up: ${both}; rows a/b: ${firstB}/${seq.length - firstB}`,
    );
  });

  it('the leader stops (its connection ends): the other takes over; a third core stays a follower', async () => {
    await store.pool.query('TRUNCATE sweep_turns');
    const a = core(103);
    await until(() => a.isLeader(), 2000);
    const [b, c] = [core(103), core(103)];
    const w = workers({ a, b, c });
    let both = -1;
    try {
      await sleep(5 * POLL);
      await a.stop();
      await until(() => b.isLeader() || c.isLeader(), 2000);
      await sleep(5 * POLL);
    } finally {
      both = await w.stop();
    }
    expect(both).toBe(0); // a gives its flag up before the lock
    const seq = await turns();
    const next = seq.find((x) => x !== 'a')!;
    expect(seq.slice(seq.indexOf(next)).every((x) => x === next)).toBe(true);
    expect(await holders(103)).toBe(1);
  });

  it('a leader whose connection dies mid-transaction commits nothing', async () => {
    await store.pool.query('TRUNCATE sweep_turns');
    const a = core(104);
    await until(() => a.isLeader(), 2000);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const pid = a.backendPid();
      const run = a.runAsLeader(async (client) => {
        await client.query("INSERT INTO sweep_turns (core) VALUES ('a')");
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await client.query("INSERT INTO sweep_turns (core) VALUES ('a')");
      });
      await expect(run).rejects.toThrow();
      expect(await turns()).toEqual([]);
      expect(a.isLeader()).toBe(false);
    } finally {
      await admin.end();
    }
  });
});
