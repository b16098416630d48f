// The outbox table: e-mails written in the action's transaction, delivered later (electron/core/mail/outbox.ts).
import type { OutboxItem, OutboxState } from '../../../shared/contract/mail';
import { once, type Sqlite } from './prepared';

/** An outbox row as stored (the columns delivery uses). */
export interface OutboxRow {
  id: number;
  lead_id: number | null;
  dedupe_key: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics: string | null;
  state: OutboxState;
  attempts: number;
  message_id: string | null;
  expires_at: number | null;
  last_error: string | null;
}
/** One of a lead's appointment e-mails, for the decision who holds the appointment in a calendar. */
export interface AppointmentMailRow {
  a: string;
  kind: string;
  k: string;
  state: OutboxState;
}
export interface OutboxInsert {
  key: string;
  leadId: number | null;
  kind: string;
  to: string;
  language: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  dueAt: number;
  messageId: string;
  expiresAt: number | null;
  now: number;
}
export interface OutboxStateChange {
  id: number;
  state: OutboxState;
  attempts: number;
  next: number;
  err: string | null;
}

export interface OutboxRepo {
  /** INSERT OR IGNORE on the dedupe key: the new row's id, or null when the key exists already. */
  insert(m: OutboxInsert): number | null;
  /** The ids of the queued rows due at `now` (200 at most, by next attempt). */
  dueIds(now: number): number[];
  /**
   * The row. PostgreSQL, inside a transaction: locked until it ends (a read before a write, as `retry`'s: another
   * core's write to it waits, and this one sees its result).
   */
  row(id: number): OutboxRow | undefined;
  /** Queued → sending (attempts + 1); whether this call claimed it. */
  claim(id: number, nextAttemptAt: number): boolean;
  set(c: OutboxStateChange & { sentAt: number | null }): void;
  /** After a failed send, only while the row is still 'sending'; whether it was. */
  settle(c: OutboxStateChange): boolean;
  item(id: number): OutboxItem | undefined;
  /**
   * The lead's rows queued or being sent whose kind is in `kinds` (not empty), to be cancelled. PostgreSQL: locked
   * until the transaction ends (a claim or a send being recorded by another core is waited for, then seen as it is).
   */
  pendingOfLead(leadId: number, kinds: string[]): { id: number; subject: string; state: OutboxState; to: string }[];
  /** Queued or sending → cancelled. */
  cancel(id: number, reason: string): void;
  /** Every 'sending' row back to 'queued'; how many. */
  requeueSending(now: number): number;
  /**
   * Rows queued or being sent and due at `now`. PostgreSQL: without the rows a live claim holds ('sending' within its
   * lease: another core's send), locked until the transaction ends.
   */
  pendingDue(now: number): OutboxRow[];
  list(leadId: number | undefined, limit: number): OutboxItem[];
  countsByState(): { state: string; n: number }[];
  /**
   * The lead's e-mails whose dedupe key is LIKE `keyLike` (its appointment e-mails), in order: address (a), kind,
   * dedupe key (k), state. Which of them a calendar holds is decided in electron/core/mail/calendarHolders.ts.
   */
  appointmentMails(leadId: number, keyLike: string): AppointmentMailRow[];
}

const SELECT = `SELECT id, lead_id AS leadId, kind, to_address AS "to", subject, state, attempts, due_at AS dueAt,
  next_attempt_at AS nextAttemptAt, last_error AS lastError, sent_at AS sentAt FROM outbox`;

export function outboxRepo(sqlite: Sqlite): OutboxRepo {
  const insert = once(() =>
    sqlite.prepare<
      [OutboxInsert]
    >(`INSERT OR IGNORE INTO outbox (dedupe_key, lead_id, kind, to_address, language, subject, text_body, html_body, ics,
      due_at, state, attempts, next_attempt_at, message_id, expires_at, created_at) VALUES (@key, @leadId, @kind, @to, @language, @subject, @text,
      @html, @ics, @dueAt, 'queued', 0, @dueAt, @messageId, @expiresAt, @now)`),
  );
  const due = once(() =>
    sqlite.prepare<[number], { id: number }>(
      `SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 200`,
    ),
  );
  const row = once(() => sqlite.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'));
  const claim = once(() =>
    sqlite.prepare<[number, number]>(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND state = 'queued'`,
    ),
  );
  const set = once(() =>
    sqlite.prepare<[OutboxStateChange & { sentAt: number | null }]>(
      `UPDATE outbox SET state = @state, attempts = @attempts, next_attempt_at = @next, last_error = @err, sent_at = @sentAt WHERE id = @id`,
    ),
  );
  const settle = once(() =>
    sqlite.prepare<
      [OutboxStateChange]
    >(`UPDATE outbox SET state = @state, attempts = @attempts, next_attempt_at = @next, last_error = @err, sent_at = NULL
      WHERE id = @id AND state = 'sending'`),
  );
  const item = once(() => sqlite.prepare<[number], OutboxItem>(`${SELECT} WHERE id = ?`));
  const cancel = once(() =>
    sqlite.prepare<[string, number]>(
      `UPDATE outbox SET state = 'cancelled', last_error = ? WHERE id = ? AND state IN ('queued', 'sending')`,
    ),
  );
  const requeue = once(() =>
    sqlite.prepare<[number]>(`UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE state = 'sending'`),
  );
  const pendingDue = once(() =>
    sqlite.prepare<[number], OutboxRow>(`SELECT * FROM outbox WHERE state IN ('queued', 'sending') AND due_at <= ?`),
  );
  const listOfLead = once(() =>
    sqlite.prepare<[number, number], OutboxItem>(`${SELECT} WHERE lead_id = ? ORDER BY id DESC LIMIT ?`),
  );
  const listAll = once(() => sqlite.prepare<[number], OutboxItem>(`${SELECT} ORDER BY id DESC LIMIT ?`));
  const counts = once(() =>
    sqlite.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state'),
  );
  const appointmentMails = once(() =>
    sqlite.prepare<[number, string], AppointmentMailRow>(
      `SELECT to_address AS a, kind, dedupe_key AS k, state FROM outbox WHERE lead_id = ? AND dedupe_key LIKE ? ORDER BY id`,
    ),
  );
  return {
    insert(m) {
      const r = insert().run(m);
      return r.changes === 1 ? Number(r.lastInsertRowid) : null;
    },
    dueIds: (now) =>
      due()
        .all(now)
        .map((r) => r.id),
    row: (id) => row().get(id),
    claim: (id, nextAttemptAt) => claim().run(nextAttemptAt, id).changes === 1,
    set: (c) => void set().run(c),
    settle: (c) => settle().run(c).changes === 1,
    item: (id) => item().get(id),
    pendingOfLead: (leadId, kinds) =>
      sqlite
        .prepare<unknown[], { id: number; subject: string; state: OutboxState; to: string }>(
          `SELECT id, subject, state, to_address AS "to" FROM outbox WHERE lead_id = ? AND state IN ('queued', 'sending')
        AND kind IN (${kinds.map(() => '?').join(',')})`,
        )
        .all(leadId, ...kinds),
    cancel: (id, reason) => void cancel().run(reason, id),
    requeueSending: (now) => requeue().run(now).changes,
    pendingDue: (now) => pendingDue().all(now),
    list: (leadId, limit) => (leadId ? listOfLead().all(leadId, limit) : listAll().all(limit)),
    countsByState: () => counts().all(),
    appointmentMails: (leadId, keyLike) => appointmentMails().all(leadId, keyLike),
  };
}
