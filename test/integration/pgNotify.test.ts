// Live updates between app cores on one PostgreSQL database (electron/store/pg/notify.ts): an event sent inside a
// transaction reaches another core's listener only when that transaction commits, as JSON the core's events and
// the host's push understand; the listener comes back (and says so) after its backend is terminated.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../electron/core/events';
import { toPush } from '../../electron/core/host/pushMessage';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import {
  encodeEvent,
  notifyInTransaction,
  startEventListener,
  type PgEventListener,
  type PgEventMessage,
} from '../../electron/store/pg/notify';
import { withTransaction } from '../../electron/store/pg/tx';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const AT = Date.parse('2026-03-02T09:00:00Z');

describe.skipIf(SKIP_PG)('PostgreSQL live updates: NOTIFY after commit', () => {
  let database: PgTestDatabase;
  let writer: PgStore; // core A's pool
  let listener: PgEventListener; // core B's dedicated connection
  const got: PgEventMessage[] = [];
  let reconnects = 0;

  beforeAll(async () => {
    database = await createPgTestDatabase('notify');
    writer = await openPgStore(database.url);
    listener = startEventListener({
      url: database.url,
      origin: 'core-b',
      onEvent: (m) => got.push(m),
      onReconnect: () => reconnects++,
      retryMs: 20,
    });
    await listener.ready;
  });
  afterAll(async () => {
    await listener?.stop();
    await writer?.close();
    await database?.drop();
  });
  const waitFor = async (n: number, ms = 2000) => {
    for (const t = Date.now(); got.length < n; await sleep(5)) if (Date.now() - t > ms) break;
    return got.splice(0);
  };

  it('a rolled-back transaction delivers nothing; a committed one delivers after its commit, as JSON', async () => {
    const changed: AppEvent = { type: 'lead.changed', leadId: 7, at: AT, action: 'contact' };
    await expect(
      withTransaction(writer.pool, async (c) => {
        await notifyInTransaction(c, changed, 'core-a');
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    const c = await writer.pool.connect();
    try {
      await c.query('BEGIN');
      await notifyInTransaction(c, changed, 'core-a');
      await notifyInTransaction(c, { type: 'sweep.done', name: 'lost', at: AT, changed: 3 }, 'core-a');
      await sleep(150);
      expect(got).toEqual([]); // neither the rolled-back one nor the open one
      const t = performance.now();
      await c.query('COMMIT');
      const msgs = await waitFor(2);
      console.info(`delivered ${(performance.now() - t).toFixed(1)} ms after the commit`);
      expect(msgs).toEqual([
        { origin: 'core-a', event: changed },
        { origin: 'core-a', event: { type: 'sweep.done', name: 'lost', at: AT, changed: 3 } },
      ]);
      // What the host of core B pushes to its desks: no personal data, as for its own events.
      expect(msgs.map((m) => toPush(m.event))).toEqual([
        { type: 'lead.changed', leadId: 7, at: AT },
        { type: 'sweep.done', at: AT },
      ]);
    } finally {
      c.release();
    }
  });

  it("skips the core's own events; a file import's lead ids too many for one notification are dropped, flagged", async () => {
    await withTransaction(writer.pool, async (c) => {
      await notifyInTransaction(c, { type: 'lead.created', leadId: 1, at: AT }, 'core-b');
      await notifyInTransaction(c, { type: 'lead.created', leadId: 2, at: AT }, 'core-a');
      const leadIds = Array.from({ length: 5000 }, (_, i) => i + 1);
      await notifyInTransaction(c, { type: 'leads.imported', leadIds, at: AT }, 'core-a');
    });
    expect(await waitFor(2)).toEqual([
      { origin: 'core-a', event: { type: 'lead.created', leadId: 2, at: AT } },
      { origin: 'core-a', event: { type: 'leads.imported', leadIds: [], at: AT }, truncated: true },
    ]);
    expect(JSON.parse(encodeEvent({ type: 'leads.imported', leadIds: [1, 2], at: AT }, 'x'))).toEqual({
      origin: 'x',
      event: { type: 'leads.imported', leadIds: [1, 2], at: AT },
    });
  });

  it('reconnects after its backend is terminated, says so, and receives again', async () => {
    const before = listener.backendPid();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const t = performance.now();
      await admin.query('SELECT pg_terminate_backend($1)', [before]);
      for (; reconnects === 0; await sleep(5)) if (performance.now() - t > 3000) break;
      expect(reconnects).toBe(1);
      console.info(`listener back ${(performance.now() - t).toFixed(0)} ms after pg_terminate_backend`);
      expect(listener.connected()).toBe(true);
      expect(listener.backendPid()).not.toBe(before);
      const ev: AppEvent = { type: 'settings.changed', at: AT, channel: 'settings.save' };
      await withTransaction(writer.pool, (c) => notifyInTransaction(c, ev, 'core-a'));
      expect(await waitFor(1)).toEqual([{ origin: 'core-a', event: ev }]);
    } finally {
      await admin.end();
    }
  });
});
