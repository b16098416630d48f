// The outbox's queue operations on PostgreSQL, for several app cores sharing one database (issue 15).
// Same table, states and columns as SQLite's outbox (electron/core/mail/outbox.ts), same guarantee: AT-LEAST-ONCE
// with a stable Message-ID. What changes is the claim:
//  - claimDueOutbox takes up to N due rows with FOR UPDATE SKIP LOCKED and marks them 'sending' in one committed
//    transaction: two cores claiming together never get the same row; neither waits for the other.
//  - next_attempt_at of a 'sending' row is its lease's end (SQLite's claim writes now + 10 min there already). A row
//    still 'sending' after its lease belongs to a core that died (or hung) before settling it: the next claim takes
//    it again, same message_id, attempts + 1. SQLite's recover() at start-up does this for its only process.
//  - attempts is the claim's fencing token: a failure is settled only by the claim that holds the row now
//    (state 'sending' and the same attempts); a late settle by a core whose lease ran out changes nothing.
// The policy (how many attempts, the backoff) is SQLite's: test/integration/pgOutboxQueue.test.ts compares them.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { OutboxState } from '../../../shared/contract/mail';
import { SYSTEM_ACTOR } from '../../../shared/domain/lead';
import type { EnqueueMail } from '../../core/mail/outbox';
import { notifyInTransaction } from './notify';
import { withTransaction, type Queryable } from './tx';

export const PG_MAX_ATTEMPTS = 8;
const MINUTE = 60_000;
/** 1, 2, 4, 8 … minutes, at most 6 hours (as electron/core/mail/outbox.ts `backoff`). */
export const pgBackoff = (attempts: number): number =>
  Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
/** SQLite's claim holds a row 10 minutes: an SMTP conversation never takes that long. */
export const DEFAULT_LEASE_MS = 10 * MINUTE;

/** A row claimed for sending: everything the SMTP call needs, and the claim's token (attempts). */
export interface OutboxClaim {
  id: number;
  leadId: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  messageId: string;
  /** Attempts counting this one: the claim's fencing token. */
  attempts: number;
  /** last_error before this claim (the history is written on the first failure only, as SQLite's). */
  lastError: string | null;
  /** Until when this claim holds the row (next_attempt_at). */
  leaseUntil: number;
}

const CLAIM_RETURNING = `o.id, o.lead_id AS "leadId", o.kind, o.to_address AS "to", o.subject, o.text_body AS "text",
  o.html_body AS html, o.ics, coalesce(o.message_id, '<outbox-' || o.id || '@aslm-desk.local>') AS "messageId",
  o.attempts, o.last_error AS "lastError", o.next_attempt_at AS "leaseUntil"`;

/** The history line SQLite's outbox writes for a state change (as the System user, field emailDelivery). */
async function history(
  q: Queryable,
  row: { leadId: number | null; subject: string; to: string },
  at: number,
  from: string | null,
  to: OutboxState,
  reason?: string | null,
): Promise<void> {
  if (row.leadId === null) return;
  await q.query(
    `INSERT INTO history (lead_id, customer_id, at, user_id, user_name, field, old_value, new_value)
     VALUES ($1, NULL, $2, $3, $4, 'emailDelivery', $5, $6)`,
    [
      row.leadId,
      at,
      SYSTEM_ACTOR.id,
      SYSTEM_ACTOR.name,
      from,
      `${to}: ${row.subject} → ${row.to}${reason ? ` (${reason})` : ''}`,
    ],
  );
}

/** The Message-ID SQLite's enqueue gives a row: stable for the row's life, so a resend is recognisable. */
export const outboxMessageId = (dedupeKey: string, now: number): string =>
  `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 24)}.${now}@aslm-desk.local>`;

/**
 * A queued row, INSERT OR IGNORE on the dedupe key (SQLite's), its id RETURNING (none: the key exists). Parameters:
 * dedupe key, lead, kind, to, language, subject, text, html, ics, due at, Message-ID, expires at, now. Also the
 * outbox repository's insert (repos/outbox.ts).
 */
export const OUTBOX_INSERT_SQL = `INSERT INTO outbox (dedupe_key, lead_id, kind, to_address, language, subject, text_body,
  html_body, ics, due_at, state, attempts, next_attempt_at, message_id, expires_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', 0, $10, $11, $12, $13)
  ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;

/**
 * Inside the caller's transaction (`client`). Returns the row id, or null when the dedupe key exists already. With
 * `notify`, a row due now sends `outbox.queued` to the other cores on commit (the one delivering wakes up; several
 * in one transaction fold into one notification).
 */
export async function enqueueOutbox(
  client: Queryable,
  m: EnqueueMail,
  now: number,
  opts: { notify?: { origin: string } } = {},
): Promise<number | null> {
  const r = await client.query<{ id: number }>(OUTBOX_INSERT_SQL, [
    ...[m.dedupeKey, m.leadId, m.kind, m.to, m.language, m.subject, m.text, m.html ?? null, m.ics ?? null, m.dueAt],
    ...[outboxMessageId(m.dedupeKey, now), m.expiresAt ?? null, now],
  ]);
  const id = r.rows[0]?.id;
  if (id === undefined) return null;
  const reason = m.dueAt > now ? `→ ${new Date(m.dueAt).toISOString()}` : null;
  await history(client, { leadId: m.leadId, subject: m.subject, to: m.to }, now, null, 'queued', reason);
  if (opts.notify && m.dueAt <= now)
    await notifyInTransaction(client, { type: 'outbox.queued', at: now }, opts.notify.origin);
  return id;
}

export interface ClaimResult {
  claimed: OutboxClaim[];
  /** Rows past their expires_at, marked 'expired' (with their history line) instead of being sent. */
  expired: number;
}

/**
 * One transaction: rows due at `now` past their expiry become 'expired'; up to `limit` other due rows ('queued', or
 * 'sending' with a lease that ran out) become 'sending' until now + leaseMs. Rows another core is claiming or
 * settling at this moment are skipped (SKIP LOCKED), not waited for.
 */
export async function claimDueOutbox(
  pool: pg.Pool,
  opts: { now: number; limit: number; leaseMs?: number },
): Promise<ClaimResult> {
  const { now, limit } = opts;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  return withTransaction(pool, async (client) => {
    const gone = await client.query<{ leadId: number | null; subject: string; to: string }>(
      `UPDATE outbox o SET state = 'expired', next_attempt_at = $1, last_error = NULL, sent_at = NULL
       FROM (SELECT id FROM outbox WHERE state IN ('queued', 'sending') AND next_attempt_at <= $1
             AND expires_at <= $1 ORDER BY id FOR UPDATE SKIP LOCKED) e
       WHERE o.id = e.id RETURNING o.lead_id AS "leadId", o.subject, o.to_address AS "to"`,
      [now],
    );
    for (const r of gone.rows) await history(client, r, now, 'queued', 'expired');
    const claimed = await client.query<OutboxClaim>(
      `UPDATE outbox o SET state = 'sending', attempts = o.attempts + 1, next_attempt_at = $1::bigint + $3::bigint
       FROM (SELECT id FROM outbox WHERE state IN ('queued', 'sending') AND next_attempt_at <= $1
             ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) d
       WHERE o.id = d.id RETURNING ${CLAIM_RETURNING}`,
      [now, limit, leaseMs],
    );
    return { claimed: claimed.rows.sort((a, b) => a.id - b.id), expired: gone.rowCount ?? 0 };
  });
}

export interface FailurePolicy {
  maxAttempts: number;
  backoff: (attempts: number) => number;
}
const SQLITE_POLICY: FailurePolicy = { maxAttempts: PG_MAX_ATTEMPTS, backoff: pgBackoff };

/**
 * The send failed: queued again after the backoff, or 'failed' (a permanent error, or the last attempt). Only while
 * the claim still holds the row: returns the new state, or null when the row is no longer this claim's (cancelled,
 * or taken again after the lease ran out).
 */
export async function markOutboxFailed(
  pool: pg.Pool,
  claim: OutboxClaim,
  f: { at: number; reason: string; permanent: boolean },
  policy: FailurePolicy = SQLITE_POLICY,
): Promise<'queued' | 'failed' | null> {
  const final = f.permanent || claim.attempts >= policy.maxAttempts;
  const state = final ? 'failed' : 'queued';
  const next = final ? f.at : f.at + policy.backoff(claim.attempts);
  return settle(pool, claim, { state, attempts: claim.attempts, next, reason: f.reason, at: f.at, final });
}

/**
 * Not this message's fault (no account, server unreachable, login refused): queued again at `at`, this attempt not
 * counted, as SQLite's. Returns whether the claim still held the row.
 */
export async function releaseOutboxClaim(pool: pg.Pool, claim: OutboxClaim, at: number, reason: string) {
  const attempts = claim.attempts - 1;
  return (await settle(pool, claim, { state: 'queued', attempts, next: at, reason, at, final: false })) !== null;
}

async function settle(
  pool: pg.Pool,
  claim: OutboxClaim,
  s: { state: 'queued' | 'failed'; attempts: number; next: number; reason: string; at: number; final: boolean },
): Promise<'queued' | 'failed' | null> {
  return withTransaction(pool, async (client) => {
    const r = await client.query(
      `UPDATE outbox SET state = $2, attempts = $3, next_attempt_at = $4, last_error = $5, sent_at = NULL
       WHERE id = $1 AND state = 'sending' AND attempts = $6`,
      [claim.id, s.state, s.attempts, s.next, s.reason, claim.attempts],
    );
    if (r.rowCount !== 1) return null;
    if (s.final || claim.lastError === null) await history(client, claim, s.at, 'queued', s.state, s.reason);
    return s.state;
  });
}
