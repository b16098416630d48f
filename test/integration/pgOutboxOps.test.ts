// The outbox's operations beside the claims, with two app cores on one PostgreSQL database (issue 15): cancelling a
// lead's e-mails (an appointment moved or cancelled), a manager's "send again" (retry) and the hold after a restore go
// through the repositories while other cores claim rows (store/pg/outboxQueue.ts) and record their sends. Each reads
// its rows locked: a claim or a recorded send in progress is waited for, then the row seen as it is — a cancellation
// catches a row being sent (README: if that send fails it stays cancelled), never one just sent; "send again" queues a
// row once; the hold leaves a live claim's rows alone. `claim` below is a claim's transaction held open (its
// SELECT … FOR UPDATE, then its UPDATE) to interleave at a chosen point.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock, type TestClock } from '../../electron/core/clock';
import { pgTypes } from '../../electron/store/pg/migrate';
import { until as untilWithin } from '../support/wait';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { baseLead, ok, versionOf } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const LEASE = 60_000;

const until = (cond: () => boolean | Promise<boolean>, ms = 10_000) => untilWithin(cond, ms);

interface Mail {
  id: number;
  leadId: number;
  kind: string;
  state: string;
  to: string;
  attempts: number;
  subject: string;
  messageId: string;
}

describe.skipIf(SKIP_PG)('the outbox operations beside the claims, two cores on PostgreSQL', () => {
  let database: PgTestDatabase;
  let q: pg.Pool;
  let smtp: TestSmtp;
  let A: AppCore;
  let B: AppCore;
  const clocks: TestClock[] = [];

  const open = () => {
    const clock = testClock(T0);
    clocks.push(clock);
    return createAppCore({
      dbPath: database.url,
      clock,
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      pg: { leaderPollMs: 50, outboxLeaseMs: LEASE, listenRetryMs: 50 },
    });
  };
  const setTime = (t: number) => clocks.forEach((c) => c.set(t));
  const mails = async (leadId: number): Promise<Mail[]> =>
    (
      await q.query<Mail>(
        `SELECT id, lead_id AS "leadId", kind, state, to_address AS "to", attempts, subject, message_id AS "messageId" FROM outbox
          WHERE lead_id = $1 ORDER BY id`,
        [leadId],
      )
    ).rows;
  /** The lead's e-mail history lines: the state before (old) and the line (v). */
  const delivery = async (leadId: number) =>
    (
      await q.query<{ old: string | null; v: string }>(
        `SELECT old_value AS old, new_value AS v FROM history WHERE lead_id = $1 AND field = 'emailDelivery' ORDER BY id`,
        [leadId],
      )
    ).rows;
  /** A backend of this database waiting for a row lock (an operation blocked behind the held claim). */
  const waitingForLock = async () =>
    (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    ).rows[0]!.n > 0;

  /** A claim's transaction on `ids`, held open: its rows locked; `commit` marks them 'sending' until now + LEASE. */
  async function claim(ids: number[], now: number) {
    const c = await q.connect();
    await c.query('BEGIN');
    await c.query('SELECT id FROM outbox WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [ids]);
    return {
      client: c,
      async commit() {
        await c.query(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = $2 WHERE id = ANY($1::int[])`,
          [ids, now + LEASE],
        );
        await c.query('COMMIT');
        c.release();
      },
      async rollback() {
        await c.query('ROLLBACK');
        c.release();
      },
    };
  }

  /** A lead with an appointment in 5 days, e-mailed: its invitations (customer, dealer) due now, reminders later. */
  async function appointment(core: AppCore, tag: string): Promise<number> {
    const id = (await ok(core, 'leads.create', baseLead({ lastName: tag, email: `${tag}@example.it` }))).lead
      .id as number;
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
    return id;
  }
  const closeLead = async (core: AppCore, id: number) =>
    core.dispatch(
      'leads.closedNoSale',
      { id, version: await versionOf(core, id), input: { reason: 'not_eligible', notes: 'moved away' } },
      { transport: 'test' },
    );
  const received = (m: Mail) => smtp.received.filter((r) => r.messageId === m.messageId).length;

  beforeAll(async () => {
    database = await createPgTestDatabase('outbox_ops');
    q = new pg.Pool({ connectionString: database.url, types: pgTypes, max: 4 });
    smtp = await startSmtp({ delayMs: 2 });
    A = open();
    B = open();
    await Promise.all([A.ready, B.ready]);
    await ok(A, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: '',
      from: 'service@dealer.example',
      dealerMailbox: 'desk@dealer.example',
    });
    await until(async () => (await ok(B, 'mail.settings.get', {})).port === smtp.port);
  });
  afterAll(async () => {
    for (const core of [A, B].filter(Boolean)) {
      core.close();
      await core.closed;
    }
    await q?.end();
    await smtp?.close();
    await database?.drop();
  });

  it('an appointment moved on one core while the other sends its invitations and gets a 4xx: they stay cancelled', async () => {
    setTime(T0);
    const id = await appointment(A, 'moved');
    const old = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation');
    expect(old).toHaveLength(2);
    // B claims both and is in its first SMTP conversation, the server holding a 451 answer.
    let answer: (() => void) | undefined;
    smtp.beforeAnswer = () => new Promise<void>((r) => (answer = r));
    smtp.dataReject = { code: 451, text: 'Try again later' };
    const sending = B.outbox.deliverDue(T0);
    await until(() => answer !== undefined);
    expect((await mails(id)).filter((m) => m.state === 'sending')).toHaveLength(2);
    await ok(A, 'leads.makeAppointment', {
      id,
      version: await versionOf(A, id),
      input: { appointmentAt: T0 + 6 * DAY, sendEmail: true },
    });
    smtp.beforeAnswer = undefined;
    answer!();
    // B's failures find the rows cancelled: nothing requeued, nothing counted.
    expect(await sending).toMatchObject({ sent: 0, deferred: 0, failed: 0 });
    smtp.dataReject = null;
    for (let i = 1; i <= 3; i++) {
      setTime(T0 + i * 10 * 60_000);
      await Promise.all([A.outbox.deliverDue(T0 + i * 10 * 60_000), B.outbox.deliverDue(T0 + i * 10 * 60_000)]);
    }
    const after = await mails(id);
    for (const m of old) {
      expect(after.find((x) => x.id === m.id)).toMatchObject({ state: 'cancelled', attempts: 1 });
      expect(received(m)).toBe(1); // the refused attempt only
    }
    expect(
      (await delivery(id)).filter((h) => h.old === 'sending' && h.v.startsWith('cancelled: ')).map((h) => h.v),
    ).toEqual(old.map((m) => `cancelled: ${m.subject} → ${m.to} (reason:rescheduled)`));
    const fresh = after.filter((m) => m.kind === 'appointment_confirmation' && !old.some((o) => o.id === m.id));
    expect(fresh.map((m) => [m.state, received(m)])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('cancelling waits for a claim in progress, then cancels its rows as being sent', async () => {
    setTime(T0);
    const id = await appointment(B, 'claimed');
    const invitations = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation').map((m) => m.id);
    const held = await claim(invitations, T0);
    const closing = closeLead(A, id);
    await until(waitingForLock);
    await held.commit();
    expect((await closing).ok).toBe(true);
    const after = await mails(id);
    expect(after.filter((m) => m.kind !== 'appointment_cancellation').map((m) => m.state)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // The history says what was cancelled: the invitations as being sent (the claim committed first).
    const lines = (await delivery(id)).filter((h) => h.v.startsWith('cancelled: '));
    expect(lines.map((h) => h.old)).toEqual(['sending', 'queued', 'sending', 'queued']);
    // Never received: nothing to withdraw; the claim's late failure or the lease's end sends nothing.
    expect(after.filter((m) => m.kind === 'appointment_cancellation')).toEqual([]);
    const late = T0 + LEASE + 1;
    setTime(late);
    await Promise.all([A.outbox.deliverDue(late), B.outbox.deliverDue(late)]);
    for (const m of after) expect(received(m)).toBe(0);
  });

  it('a send recorded on another core while the cancel runs: recorded sent, not cancelled; its withdrawal queued', async () => {
    setTime(T0);
    const id = await appointment(A, 'recorded');
    const [customer, dealer] = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation');
    await (await claim([customer!.id, dealer!.id], T0)).commit();
    // B's markOutboxSent for the customer's invitation, its transaction not committed yet.
    const c = await q.connect();
    await c.query('BEGIN');
    await c.query(`UPDATE outbox SET state = 'sent', sent_at = $2, next_attempt_at = $2 WHERE id = $1`, [
      customer!.id,
      T0 + 1,
    ]);
    const closing = closeLead(B, id);
    await until(waitingForLock);
    await c.query('COMMIT');
    c.release();
    expect((await closing).ok).toBe(true);
    const after = await mails(id);
    expect(after.find((m) => m.id === customer!.id)!.state).toBe('sent');
    expect(after.find((m) => m.id === dealer!.id)!.state).toBe('cancelled');
    const cancelled = (await delivery(id)).filter((h) => h.v.startsWith('cancelled: ')).map((h) => h.v);
    expect(cancelled.filter((v) => v.startsWith(`cancelled: ${customer!.subject} `))).toEqual([]);
    expect(cancelled.filter((v) => v.startsWith(`cancelled: ${dealer!.subject} `))).toHaveLength(1);
    // The customer received the invitation: its CANCEL is queued; the dealer's never went out.
    expect(after.filter((m) => m.kind === 'appointment_cancellation').map((m) => [m.to, m.state])).toEqual([
      ['recorded@example.it', 'queued'],
    ]);
  });

  it('an acceptance recorded on one core after the other core cancelled the row: sent, its CANCEL queued with it', async () => {
    setTime(T0);
    const id = await appointment(A, 'accepted');
    const [invitation] = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation');
    await (await claim([invitation!.id], T0)).commit(); // A is sending the customer's invitation
    expect((await closeLead(B, id)).ok).toBe(true);
    expect((await mails(id)).filter((m) => m.kind === 'appointment_cancellation')).toEqual([]);
    const record = (core: AppCore, at: number) =>
      core.data.tx((tx) => core.outbox.recordSent(tx, { id: invitation!.id, attempts: 1, at, response: '250 OK' }));
    expect(await record(A, T0 + 1)).toBe(true);
    // B sent it too after a lease ran out: recorded once, one CANCEL.
    expect(await record(B, T0 + 2)).toBe(false);
    const after = await mails(id);
    expect(after.find((m) => m.id === invitation!.id)!.state).toBe('sent');
    const cancels = after.filter((m) => m.kind === 'appointment_cancellation');
    expect(cancels.map((m) => [m.to, m.state])).toEqual([['accepted@example.it', 'queued']]);
    expect((await delivery(id)).filter((h) => h.old === 'cancelled' && h.v.startsWith('sent: '))).toHaveLength(1);
    await B.outbox.deliverDue(T0 + 2);
    expect(received(cancels[0]!)).toBe(1);
  });

  it('an old invitation recorded sent after the new one was delivered: no CANCEL, the new one carries the higher SEQUENCE', async () => {
    setTime(T0);
    const id = await appointment(A, 'superseded');
    const [old] = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation');
    await (await claim([old!.id], T0)).commit(); // A is sending the old time's invitation to the customer
    await ok(B, 'leads.makeAppointment', {
      id,
      version: await versionOf(B, id),
      input: { appointmentAt: T0 + 6 * DAY, sendEmail: true },
    });
    await B.outbox.deliverDue(T0 + 1); // the new time's invitations go out first
    const renewed = (await mails(id)).find(
      (m) => m.kind === 'appointment_confirmation' && m.id > old!.id && m.to === old!.to,
    )!;
    expect([renewed.state, received(renewed)]).toEqual(['sent', 1]);
    expect(
      await A.data.tx((tx) => A.outbox.recordSent(tx, { id: old!.id, attempts: 1, at: T0 + 2, response: '250 OK' })),
    ).toBe(true);
    expect((await mails(id)).filter((m) => m.kind === 'appointment_cancellation')).toEqual([]);
    const seq = (ics: string) => Number(/^SEQUENCE:(\d+)/m.exec(ics)![1]);
    const oldIcs = (await q.query<{ ics: string }>('SELECT ics FROM outbox WHERE id = $1', [old!.id])).rows[0]!.ics;
    const newIcs = smtp.received.find((r) => r.messageId === renewed.messageId)!.ics!;
    expect(seq(newIcs)).toBeGreaterThan(seq(oldIcs));
  });

  it('a sending row whose lease ran out (its core died) is cancelled with the queued ones', async () => {
    setTime(T0);
    const id = await appointment(A, 'stale');
    const invitations = (await mails(id)).filter((m) => m.kind === 'appointment_confirmation').map((m) => m.id);
    await (await claim(invitations, T0)).commit();
    const late = T0 + LEASE + 1;
    setTime(late);
    expect((await closeLead(B, id)).ok).toBe(true);
    const after = await mails(id);
    expect(after.filter((m) => m.kind !== 'appointment_cancellation').map((m) => m.state)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // Nothing was received: nothing to withdraw.
    expect(after.filter((m) => m.kind === 'appointment_cancellation')).toEqual([]);
  });

  async function failedRow(tag: string): Promise<Mail> {
    setTime(T0);
    const id = await appointment(A, tag);
    smtp.reject = (to) => (to.startsWith(tag) ? 'mailbox unavailable' : null);
    try {
      await A.outbox.deliverDue(T0);
    } finally {
      smtp.reject = undefined;
    }
    const row = (await mails(id)).find((m) => m.to === `${tag}@example.it` && m.kind === 'appointment_confirmation')!;
    expect(row.state).toBe('failed');
    return row;
  }

  it('"send again" on a row another core has just queued again and claimed: refused, never sent twice', async () => {
    const row = await failedRow('retried');
    // Core B's retry and core C's claim right after it, committed while A's retry waits for the row.
    const held = await claim([row.id], T0);
    await held.client.query(`UPDATE outbox SET state = 'queued', attempts = 0, last_error = NULL WHERE id = $1`, [
      row.id,
    ]);
    const retry = A.dispatch('mail.outbox.retry', { id: row.id }, { transport: 'test' });
    await until(waitingForLock);
    await held.commit();
    const r = await retry;
    expect(r.ok ? null : r.error.code).toBe('OUTBOX_NOT_FAILED');
    expect((await mails(row.leadId)).find((m) => m.id === row.id)).toMatchObject({ state: 'sending', attempts: 1 });
    const [a, b] = await Promise.all([A.outbox.deliverDue(T0), B.outbox.deliverDue(T0)]);
    expect(a.sent + b.sent).toBe(0);
    expect(received(row)).toBe(0);
  });

  it('"send again" on both cores at once: queued once, one history line, sent once', async () => {
    const row = await failedRow('twice');
    const lock = await claim([row.id], T0); // both retries start while the row is locked
    const both = [A, B].map((core) => core.dispatch('mail.outbox.retry', { id: row.id }, { transport: 'test' }));
    await until(async () => {
      const n = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return n.rows[0]!.n >= 2;
    });
    await lock.rollback();
    const replies = await Promise.all(both);
    expect(replies.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['OUTBOX_NOT_FAILED', 'ok']);
    const lines = (await delivery(row.leadId)).filter((h) => h.v.startsWith(`queued: ${row.subject} → ${row.to}`));
    expect(lines).toHaveLength(2); // enqueued, then sent again once
    const [a, b] = await Promise.all([A.outbox.deliverDue(T0), B.outbox.deliverDue(T0)]);
    expect(a.sent + b.sent).toBe(1);
    expect(received(row)).toBe(1);
  });

  it('the hold after a restore waits for a claim in progress and holds only what no core is sending', async () => {
    setTime(T0);
    const live = await appointment(A, 'holdlive');
    const stale = await appointment(B, 'holdstale');
    const queued = await appointment(A, 'holdqueued');
    const invitation = async (lead: number) => (await mails(lead)).find((m) => m.kind === 'appointment_confirmation')!;
    // One claimed at T0 by a core that died (its lease over at `now`), one being claimed now by a live core.
    const now = T0 + LEASE + 1;
    const dead = await claim([(await invitation(stale)).id], T0);
    await dead.commit();
    const held = await claim([(await invitation(live)).id], now);
    const hold = A.outbox.holdAfterRestore(now);
    await until(waitingForLock);
    await held.commit();
    expect(await hold).toBeGreaterThanOrEqual(5);
    expect((await invitation(live)).state).toBe('sending');
    expect((await invitation(stale)).state).toBe('failed');
    expect((await invitation(queued)).state).toBe('failed');
    // The live claim's row left alone; the same lead's dealer invitation (queued) held.
    expect((await delivery(live)).filter((h) => h.v.includes('reason:restored')).map((h) => h.v)).toEqual([
      expect.stringMatching(/^failed: .* → desk@dealer\.example \(reason:restored\)$/),
    ]);
    expect((await delivery(stale)).filter((h) => h.v.includes('reason:restored'))).toHaveLength(2);
  });
});
