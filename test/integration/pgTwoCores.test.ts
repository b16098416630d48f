// Two app cores on one PostgreSQL database (issue 15, "Dealer groups"): the whole app twice, driven through dispatch,
// as two host PCs of a dealer group would run it. The check: no lost update; exactly one sweep result per
// lead; every queued e-mail sent once (a duplicate only after a kill, with the same Message-ID); another core's
// events only after commit (a rollback sends nothing); the leader's jobs taken over when it dies or closes; a new
// database's first user written once by two cores starting together.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { startBackground } from '../../electron/core/background';
import { testClock, type TestClock } from '../../electron/core/clock';
import type { AppEvent } from '../../electron/core/events';
import { pgTypes } from '../../electron/store/pg/migrate';
import { sleep, until } from '../support/wait';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { baseLead, ok, versionOf } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const LEASE = 60_000;

describe.skipIf(SKIP_PG)('two app cores on one PostgreSQL database', () => {
  let database: PgTestDatabase;
  let q: pg.Pool;
  let smtp: TestSmtp;
  let A: AppCore;
  let B: AppCore;
  const clocks = new Map<AppCore, TestClock>();
  /** The events each core heard from the other one (marked remote). */
  const heard = new Map<AppCore, AppEvent[]>();
  const closed = new Set<AppCore>();

  const open = () => {
    const clock = testClock(T0);
    const core = createAppCore({
      dbPath: database.url,
      clock,
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      pg: { leaderPollMs: 50, outboxLeaseMs: LEASE, listenRetryMs: 50 },
    });
    clocks.set(core, clock);
    const events: AppEvent[] = [];
    heard.set(core, events);
    core.events.on((e, { remote }) => {
      if (remote) events.push(e);
    });
    return core;
  };
  const setTime = (t: number) => {
    for (const c of clocks.values()) c.set(t);
  };
  const close = async (core: AppCore) => {
    if (closed.has(core)) return;
    closed.add(core);
    core.close();
    await core.closed;
  };
  const one = async <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
    (await q.query(sql, params)).rows[0] as T;
  const count = async (sql: string, ...params: unknown[]) =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, ...params)).n;
  const multi = (core: AppCore) => core.multiCore!;
  let child: Promise<{ proc: ChildProcess; stderr: () => string }> | undefined;
  /** test/support/pgCoreChild.ts, once it printed `ready`. */
  function startChild(): Promise<{ proc: ChildProcess; stderr: () => string }> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/pgCoreChild.ts'), database.url, String(T0), String(LEASE)],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) resolve({ proc, stderr: () => stderr });
      });
      proc.on('exit', (code) => reject(new Error(`the child core exited (${code}): ${stderr}`)));
    });
  }

  beforeAll(async () => {
    database = await createPgTestDatabase('twocores');
    q = new pg.Pool({ connectionString: database.url, types: pgTypes, max: 3 });
    smtp = await startSmtp({ delayMs: 5 });
    // Both start together on the empty database: the migrations, the first rules and the first user at once.
    A = open();
    B = open();
    await Promise.all([A.ready, B.ready]);
    await Promise.all([multi(A).coordination.listener()!.ready, multi(B).coordination.listener()!.ready]);
    // A third core in its own process, killed mid-delivery later: started now, its start-up beside the other tests.
    child = startChild();
    child.catch(() => undefined); // awaited (and its failure seen) by the test that uses it
  });
  afterAll(async () => {
    await child?.then((c) => c.proc.kill('SIGKILL')).catch(() => undefined);
    await Promise.all([A, B].filter(Boolean).map(close));
    await q?.end();
    await smtp?.close();
    await database?.drop();
  });

  it('two cores starting together on a new database write its first user and rules once', async () => {
    expect(await count('users')).toBe(1);
    expect(await count(`settings WHERE key = 'rules'`)).toBe(1);
    const a = await ok(A, 'people.list', {});
    expect(await ok(B, 'people.list', {})).toEqual(a);
  });

  it('no lost update: the same lead edited on both cores at once — one wins, the other gets VERSION_CONFLICT', async () => {
    const id = (await ok(A, 'leads.create', baseLead())).lead.id as number;
    const v = await versionOf(B, id);
    const edit = (core: AppCore, notes: string) =>
      core.dispatch('leads.edit', { id, version: v, input: { customerNotes: notes } }, { transport: 'test' });
    const [a, b] = await Promise.all([edit(A, 'from A'), edit(B, 'from B')]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const lost = a.ok ? b : a;
    expect(lost.ok ? null : lost.error.code).toBe('VERSION_CONFLICT');
    const winner = a.ok ? 'from A' : 'from B';
    expect(await one(`SELECT customer_notes AS notes, version FROM leads WHERE id = $1`, id)).toEqual({
      notes: winner,
      version: v + 1,
    });
    expect(await count(`history WHERE lead_id = $1 AND field = 'customerNotes'`, id)).toBe(1);
    // The winner's change reaches the other core once; the loser's rolled-back write sent nothing.
    const changed = () =>
      [...heard.get(A)!, ...heard.get(B)!].filter((e) => e.type === 'lead.changed' && e.leadId === id);
    await until(() => changed().length > 0);
    await sleep(150);
    expect(changed()).toHaveLength(1);
    expect(heard.get(a.ok ? B : A)!.some((e) => e.type === 'lead.changed' && e.leadId === id)).toBe(true);
  });

  it("another core's events arrive only after the commit; a rolled-back write sends nothing", async () => {
    const id = (await ok(A, 'leads.create', baseLead({ lastName: 'Commit' }))).lead.id as number;
    const heardChange = () => heard.get(B)!.some((e) => e.type === 'lead.changed' && e.leadId === id);
    // A desk's edit on A waits for a row lock held elsewhere: nothing reaches B before A's commit.
    const holder = await q.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM leads WHERE id = $1 FOR UPDATE', [id]);
      const editing = ok(A, 'leads.edit', { id, version: await versionOf(A, id), input: { customerNotes: 'late' } });
      await sleep(300);
      expect(heardChange()).toBe(false);
      await holder.query('COMMIT');
      await editing;
    } finally {
      holder.release();
    }
    await until(heardChange);
    // An event emitted inside A's open transaction goes with it: heard on commit, never for a rollback.
    const outboxAt = (at: number) => heard.get(B)!.some((e) => e.type === 'outbox.queued' && e.at === at);
    await A.data.tx(async () => {
      A.events.emit({ type: 'outbox.queued', at: 1 });
      await sleep(300);
      expect(outboxAt(1)).toBe(false);
    });
    await until(() => outboxAt(1));
    await expect(
      A.data.tx(async () => {
        A.events.emit({ type: 'outbox.queued', at: 2 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    A.events.emit({ type: 'outbox.queued', at: 3 }); // after the rollback, in order
    await until(() => outboxAt(3));
    expect(outboxAt(2)).toBe(false);
    // A's own events are not heard back by A.
    expect(heard.get(A)!.some((e) => e.type === 'outbox.queued')).toBe(false);
  });

  it('exactly one sweep result per lead: the leader timer and catch-ups on both cores at once', async () => {
    setTime(T0 - 100 * DAY);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await ok(i % 2 ? A : B, 'leads.create', baseLead({ lastName: `Sweep${i}` }))).lead.id);
    const master = (await ok(A, 'leads.create', baseLead({ lastName: 'Master' }))).lead.id as number;
    await ok(A, 'leads.recordContact', {
      id: master,
      version: await versionOf(A, master),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
    });
    await ok(B, 'leads.contactAgain', {
      id: master,
      version: await versionOf(B, master),
      input: { recontactAt: T0 - 99 * DAY },
    });
    setTime(T0);
    const now = T0;
    const [leaderA, leaderB, manualA, manualB] = await Promise.all([
      multi(A).sweeps.runWith(multi(A).coordination.asLeader, now),
      multi(B).sweeps.runWith(multi(B).coordination.asLeader, now),
      A.sweeps.run(now),
      B.sweeps.run(now),
    ]);
    // One leader: the other core's timer run declined.
    expect([leaderA, leaderB].filter((r) => r === null)).toHaveLength(1);
    const reports = [leaderA, leaderB, manualA, manualB].flatMap((r) => r?.changes ?? []);
    // The Contact Again lead: one follow-up, whichever sweep created it; assigned on its recontact date, long past, it
    // is itself a Lost Sale in the same catch-up (as on SQLite).
    const followUps = (await q.query<{ id: number }>('SELECT id FROM leads WHERE master_lead_id = $1', [master])).rows;
    expect(followUps).toHaveLength(1);
    expect(reports.filter((c) => c.change === 'followUpCreated')).toHaveLength(1);
    ids.push(followUps[0]!.id);
    const lost = reports.filter((c) => c.change === 'lost').map((c) => c.leadId);
    expect(lost.sort((a, b) => a - b)).toEqual(ids);
    const rows = (await q.query(`SELECT id, status, version FROM leads WHERE id = ANY($1) ORDER BY id`, [ids])).rows;
    expect(rows.every((r) => r.status === 'lost')).toBe(true);
    for (const id of ids)
      expect(await count(`history WHERE lead_id = $1 AND field = 'status' AND new_value = 'lost'`, id)).toBe(1);
    // A sweep again changes nothing.
    expect((await B.sweeps.run(now)).changes).toEqual([]);
  });

  it('the background jobs started on both cores: only the leader sweeps, each lead once', async () => {
    setTime(T0 - 100 * DAY);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await ok(A, 'leads.create', baseLead({ lastName: `Timer${i}` }))).lead.id);
    setTime(T0 + DAY);
    const swept = new Map<AppCore, number>();
    for (const core of [A, B])
      core.events.on((e, { remote }) => {
        if (!remote && e.type === 'sweep.done' && e.name === 'sweeps') swept.set(core, e.changed);
      });
    const stops = [startBackground(A), startBackground(B)];
    try {
      await Promise.all(stops.map((s) => s.caughtUp));
    } finally {
      for (const stop of stops) stop();
    }
    const leader = (await multi(A).coordination.leading()) ? A : B;
    expect([...swept]).toEqual([[leader, ids.length]]);
    for (const id of ids)
      expect(await count(`history WHERE lead_id = $1 AND field = 'status' AND new_value = 'lost'`, id)).toBe(1);
    // The other core heard the leader's sweep (its batch's `sweep.done`, sent inside the batch's transaction).
    await until(() => heard.get(leader === A ? B : A)!.some((e) => e.type === 'sweep.done' && e.at === T0 + DAY));
  });

  async function queueAppointmentMails(n: number, tag: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      const core = i % 2 ? A : B;
      const id = (await ok(core, 'leads.create', baseLead({ lastName: `${tag}${i}`, email: `${tag}${i}@example.it` })))
        .lead.id as number;
      await ok(core, 'leads.recordContact', {
        id,
        version: await versionOf(core, id),
        input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
      });
      await ok(core, 'leads.makeAppointment', {
        id,
        version: await versionOf(core, id),
        input: { appointmentAt: T0 + 5 * DAY, sendEmail: true },
      });
    }
  }
  const dueRows = async () =>
    (
      await q.query<{ id: number; state: string; messageId: string; attempts: number }>(
        `SELECT id, state, message_id AS "messageId", attempts FROM outbox WHERE due_at <= $1 ORDER BY id`,
        [T0],
      )
    ).rows;

  it('every queued e-mail is sent once with both cores delivering at the same time', async () => {
    setTime(T0);
    await ok(A, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: '',
      from: 'service@dealer.example',
      dealerMailbox: 'desk@dealer.example',
    });
    // B heard the settings change and loaded them again.
    await until(async () => (await ok(B, 'mail.settings.get', {})).port === smtp.port);
    await queueAppointmentMails(8, 'mail');
    const due = await dueRows();
    expect(due.length).toBeGreaterThanOrEqual(16);
    const [a, b] = await Promise.all([A.outbox.deliverDue(T0), B.outbox.deliverDue(T0)]);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(a.sent + b.sent).toBe(due.length);
    const after = await dueRows();
    expect(after.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(after.map((r) => r.messageId).sort());
  });

  it('a core killed mid-delivery: the other sends its rows after the lease, the duplicate with the same Message-ID', async () => {
    const sentBefore = new Set((await dueRows()).map((r) => r.id));
    await queueAppointmentMails(3, 'kill'); // 6 rows due now
    const fresh = (await dueRows()).filter((r) => !sentBefore.has(r.id));
    expect(fresh).toHaveLength(6);
    const receivedBefore = smtp.received.length;
    smtp.beforeAnswer = () => new Promise(() => undefined); // the server never answers the child's first message
    const c = await child!;
    c.proc.stdin!.write(`deliver ${T0}\n`);
    const exited = new Promise((r) => c.proc.on('exit', r));
    try {
      await until(() => smtp.received.length > receivedBefore || c.proc.exitCode !== null, 10_000);
      expect(c.proc.exitCode, c.stderr()).toBeNull();
    } finally {
      c.proc.kill('SIGKILL');
      await exited;
    }
    smtp.beforeAnswer = undefined;
    const byChild = smtp.received[receivedBefore]!.messageId;
    const claimed = (await dueRows()).filter((r) => r.state === 'sending');
    expect(claimed.length).toBeGreaterThanOrEqual(1);
    // Within the lease the dead core's rows are left alone: B sends only the others.
    const during = await B.outbox.deliverDue(T0 + LEASE - 1);
    expect(during.sent).toBe(6 - claimed.length);
    expect((await dueRows()).filter((r) => r.state === 'sending').map((r) => r.id)).toEqual(claimed.map((r) => r.id));
    // After it: taken again, second attempt, same Message-ID.
    const after = await B.outbox.deliverDue(T0 + LEASE);
    expect(after.sent).toBe(claimed.length);
    const rows = (await dueRows()).filter((r) => !sentBefore.has(r.id));
    expect(rows.every((r) => r.state === 'sent')).toBe(true);
    for (const c of claimed) expect(rows.find((r) => r.id === c.id)).toMatchObject({ attempts: 2 });
    const ids = smtp.received.slice(receivedBefore).map((m) => m.messageId);
    expect(ids).toHaveLength(7);
    expect(ids.filter((id) => id === byChild)).toHaveLength(2); // the one duplicate, same Message-ID
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.messageId)));
  });

  it('the leader dies or closes: the other core takes the jobs over; a lost listener makes the desks re-read', async () => {
    const [la, lb] = await Promise.all([multi(A).coordination.leading(), multi(B).coordination.leading()]);
    expect([la, lb].filter(Boolean)).toHaveLength(1);
    const [leader, follower] = la ? [A, B] : [B, A];
    // Its connection dies (pg_terminate_backend: as a crashed PC's session ends).
    await q.query('SELECT pg_terminate_backend($1)', [multi(leader).coordination.leadership().backendPid()]);
    await until(() => multi(follower).coordination.leadership().isLeader(), 3_000);
    expect(await multi(leader).coordination.leading()).toBe(false);
    expect(await multi(follower).sweeps.runWith(multi(follower).coordination.asLeader, T0)).not.toBeNull();
    expect(await multi(leader).sweeps.runWith(multi(leader).coordination.asLeader, T0)).toBeNull();
    // The follower's listening connection dies: it reconnects and tells its desks to re-read.
    await q.query('SELECT pg_terminate_backend($1)', [multi(follower).coordination.listener()!.backendPid()]);
    const resync = () =>
      heard
        .get(follower)!
        .filter((e) => ('channel' in e && e.channel === 'resync') || ('name' in e && e.name === 'resync'));
    await until(() => resync().length === 2, 3_000);
    // The new leader closes: the first core leads again (it rejoined after its lost connection).
    await close(follower);
    await until(() => multi(leader).coordination.leadership().isLeader(), 3_000);
    expect(await multi(leader).sweeps.runWith(multi(leader).coordination.asLeader, T0)).not.toBeNull();
  });
});
