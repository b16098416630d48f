// The outbox on PostgreSQL (electron/store/repos/outbox.ts), for one core's deliverer as SQLite's. The insert is the
// statement of outboxQueue.ts (enqueueOutbox); several cores delivering together use outboxQueue.ts's claim instead
// of dueIds/claim (a claim here is already safe: `WHERE state = 'queued'` is checked again on the locked row).
// The service's read-modify-writes beside those claims (cancelQueued, holdAfterRestore, retry) read their rows locked
// (FOR NO KEY UPDATE: a claim's FOR UPDATE waits for them, they wait for it): each sees the row as another core's
// claim or send left it. A cancellation catches a row being sent (README "E-mail delivery guarantee": if that send
// fails it stays cancelled, markOutboxFailed's fencing); the hold after a restore leaves a live claim's rows alone.
import type { OutboxItem, OutboxState } from '../../../../shared/contract/mail';
import type { Async } from '../../repos/index';
import type { OutboxRepo, OutboxRow } from '../../repos/outbox';
import { OUTBOX_INSERT_SQL } from '../outboxQueue';
import { row, rows, run, type Queryable } from './query';

const SELECT = `SELECT id, lead_id AS "leadId", kind, to_address AS "to", subject, state, attempts, due_at AS "dueAt",
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", sent_at AS "sentAt" FROM outbox`;

export function outboxRepoPg(q: Queryable): Async<OutboxRepo> {
  return {
    insert: async (m) =>
      (
        await row<{ id: number }>(q, OUTBOX_INSERT_SQL, [
          ...[m.key, m.leadId, m.kind, m.to, m.language, m.subject, m.text, m.html, m.ics, m.dueAt],
          ...[m.messageId, m.expiresAt, m.now],
        ])
      )?.id ?? null,
    dueIds: async (now) =>
      (
        await rows<{ id: number }>(
          q,
          `SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT 200`,
          [now],
        )
      ).map((r) => r.id),
    // Locked for a read-modify-write (retry): two retries at once on two cores, or a retry and the claim that follows
    // another's, run one after the other, the second seeing the first's result.
    row: (id) => row<OutboxRow>(q, 'SELECT * FROM outbox WHERE id = $1 FOR NO KEY UPDATE', [id]),
    claim: async (id, nextAttemptAt) =>
      (await run(
        q,
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = $1 WHERE id = $2 AND state = 'queued'`,
        [nextAttemptAt, id],
      )) === 1,
    set: async (c) =>
      void (await run(
        q,
        'UPDATE outbox SET state = $1, attempts = $2, next_attempt_at = $3, last_error = $4, sent_at = $5 WHERE id = $6',
        [c.state, c.attempts, c.next, c.err, c.sentAt, c.id],
      )),
    settle: async (c) =>
      (await run(
        q,
        `UPDATE outbox SET state = $1, attempts = $2, next_attempt_at = $3, last_error = $4, sent_at = NULL
          WHERE id = $5 AND state = 'sending'`,
        [c.state, c.attempts, c.next, c.err, c.id],
      )) === 1,
    item: (id) => row<OutboxItem>(q, `${SELECT} WHERE id = $1`, [id]),
    // A claim or a recorded send in progress (another core's transaction on the row) is waited for, then the row read
    // as it is: a row just sent is no longer cancelled; one just claimed is, and its history says 'sending'.
    pendingOfLead: (leadId, kinds) =>
      rows<{ id: number; subject: string; state: OutboxState; to: string }>(
        q,
        `SELECT id, subject, state, to_address AS "to" FROM outbox WHERE lead_id = $1 AND state IN ('queued', 'sending')
          AND kind = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
        [leadId, kinds],
      ),
    cancel: async (id, reason) =>
      void (await run(
        q,
        `UPDATE outbox SET state = 'cancelled', last_error = $1 WHERE id = $2 AND state IN ('queued', 'sending')`,
        [reason, id],
      )),
    requeueSending: (now) =>
      run(q, `UPDATE outbox SET state = 'queued', next_attempt_at = $1 WHERE state = 'sending'`, [now]),
    // A 'sending' row within its lease is another core's send (it records it sent or failed); past it, a dead core's.
    pendingDue: (now) =>
      rows<OutboxRow>(
        q,
        `SELECT * FROM outbox WHERE (state = 'queued' OR (state = 'sending' AND next_attempt_at <= $1)) AND due_at <= $1
          ORDER BY id FOR NO KEY UPDATE`,
        [now],
      ),
    list: (leadId, limit) =>
      leadId
        ? rows<OutboxItem>(q, `${SELECT} WHERE lead_id = $1 ORDER BY id DESC LIMIT $2`, [leadId, limit])
        : rows<OutboxItem>(q, `${SELECT} ORDER BY id DESC LIMIT $1`, [limit]),
    countsByState: () =>
      rows(q, 'SELECT state, count(*)::int AS n FROM outbox GROUP BY state ORDER BY state COLLATE "C"'),
    // SQLite's LIKE is case-insensitive (ASCII): ILIKE
    appointmentMails: (leadId, keyLike) =>
      rows(
        q,
        `SELECT to_address AS a, kind, dedupe_key AS k, state FROM outbox WHERE lead_id = $1 AND dedupe_key ILIKE $2
          ORDER BY id`,
        [leadId, keyLike],
      ),
  };
}
