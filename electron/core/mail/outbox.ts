// The durable outbox: every e-mail is a row written in the same transaction as the action that causes
// it (dedupe key unique: written once, delivered once), delivered later by deliverDue() with retries and
// exponential backoff. Each state change goes to the lead's history as the System user.
//
// Delivery guarantee (README "E-mail delivery guarantee"): AT-LEAST-ONCE with a stable Message-ID.
// A row is claimed (state 'sending', committed) before the SMTP conversation and marked 'sent' after
// the server accepted it. A crash in between leaves it 'sending'; recover() at start-up queues it
// again, so it is sent again with the same Message-ID. Nothing is lost; a duplicate is possible only
// for a crash in the instant between the server's "250 OK" and our commit.
import { createHash } from 'node:crypto';
import type { OutboxItem } from '../../../shared/contract/mail';
import { AppError } from '../../../shared/contract/errors';
import type { AsyncStore } from '../../store/repos/index';
import type { OutboxRow } from '../../store/repos/outbox';
import { history, recordAcceptedSend, type AcceptedSend } from './outboxRecord';
import type { TxRepos } from '../leadService';
import { SendError, isEmail, type SmtpService } from './smtp';

export interface EnqueueMail {
  dedupeKey: string;
  leadId: number | null;
  kind: string;
  to: string;
  language: string;
  subject: string;
  text: string;
  html?: string | null;
  ics?: string | null;
  dueAt: number;
  expiresAt?: number | null;
  /** Why it is queued, for the history line only (else the time it is due when later than now). */
  reason?: OutboxReason;
}

/**
 * Why a row was cancelled, held or waits, as stored in `last_error` and in the history: a structured token the
 * screens translate (`reason:<id>` → mail:cancelReason.<id>, `status:<lead status>` → domain:status.<status>,
 * `code:<CODE>` → errors:code.<CODE>); any other text is a mail server's own reply, shown as it is.
 */
export type OutboxReason = `reason:${string}` | `status:${string}` | `code:${string}`;

/**
 * Called inside the transaction recording a send accepted although a cancellation caught the row while it was being
 * sent (`row` as it was: state 'cancelled'): what the cancellation decided assumed it was never received.
 */
export type SentOverCancelHook = (tx: TxRepos, row: OutboxRow, at: number) => Promise<void>;

export interface DeliveryReport {
  sent: number;
  failed: number;
  deferred: number;
  expired: number;
  waiting: boolean;
}

export interface OutboxService {
  /** Inside the caller's transaction (`r`). Returns the row id, or null when the dedupe key exists already. */
  enqueue(r: TxRepos, m: EnqueueMail, now: number): Promise<number | null>;
  /**
   * Cancels the queued rows of a lead whose kind is in `kinds` (a rescheduled reminder), and those being sent
   * right now: if that send fails, the row stays cancelled (never queued again). Returns how many.
   */
  cancelQueued(r: TxRepos, leadId: number, kinds: string[], now: number, reason: OutboxReason): Promise<number>;
  /**
   * Inside `tx`: the server accepted the row — 'sent' whatever happened meanwhile (it was delivered), once (a row
   * recorded sent already, by another core whose lease had run out, is left alone: false). Over a cancellation, the
   * hooks of onSentOverCancel run in the same transaction.
   */
  recordSent(tx: TxRepos, s: AcceptedSend): Promise<boolean>;
  /** Registers a hook for a send recorded over a cancellation (the appointment e-mails withdraw the invitation). */
  onSentOverCancel(hook: SentOverCancelHook): void;
  /** Delivers what is due at `now`, one at a time. Concurrent calls share the run in progress. */
  deliverDue(now: number | (() => number)): Promise<DeliveryReport>;
  /** At start-up: rows left 'sending' by a process that died are queued again (same Message-ID). */
  recover(now: number): Promise<number>;
  /**
   * Right after a backup is restored (before any delivery): the e-mails the backup holds as not sent yet and
   * already due may have gone out since the backup was made. They are held as 'failed' (reason:restored,
   * in the history) until a manager sends them again from Settings → E-mail; rows due later stay queued.
   */
  holdAfterRestore(now: number): Promise<number>;
  list(opts: { leadId?: number; limit: number }): Promise<{ items: OutboxItem[]; counts: Record<string, number> }>;
  retry(id: number, now: number): Promise<OutboxItem>;
}

export const MAX_ATTEMPTS = 8;
const MINUTE = 60_000;
/** 1, 2, 4, 8 … minutes, at most 6 hours. */
export const backoff = (attempts: number): number => Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
/** While the server is unreachable: 1, 2, 4 … minutes, at most 15. */
const accountBackoff = (n: number): number => Math.min(MINUTE * 2 ** Math.max(0, n - 1), 15 * MINUTE);

export function createOutbox(
  data: AsyncStore,
  smtp: SmtpService,
  log: (m: string, e?: unknown) => void,
  onQueued: () => void = () => undefined,
): OutboxService {
  const repo = data.repos.outbox;
  const sentOverCancel: SentOverCancelHook[] = [];
  let running: Promise<DeliveryReport> | null = null;
  let accountFailures = 0;
  let pauseUntil = 0;

  async function run(clock: () => number): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, deferred: 0, expired: 0, waiting: false };
    if (clock() < pauseUntil) {
      report.waiting = true;
      return report;
    }
    const ids = await repo.dueIds(clock());
    for (const id of ids) {
      const now = clock();
      const r = await repo.row(id);
      if (!r || r.state !== 'queued') continue;
      if (r.expires_at !== null && now >= r.expires_at) {
        await data.tx(async (tx) => {
          await tx.outbox.set({ id, state: 'expired', attempts: r.attempts, next: now, err: null, sentAt: null });
          await history(tx, r.lead_id, now, 'queued', 'expired', r.subject, r.to_address);
        });
        report.expired++;
        continue;
      }
      if (!isEmail(r.to_address)) {
        // Nothing to send it to (an erased customer, a bad address): this row fails, the others go on.
        await data.tx(async (tx) => {
          await tx.outbox.set({
            id,
            state: 'failed',
            attempts: r.attempts,
            next: now,
            err: 'code:EMAIL_INVALID',
            sentAt: null,
          });
          await history(tx, r.lead_id, now, 'queued', 'failed', r.subject, r.to_address, 'code:EMAIL_INVALID');
        });
        report.failed++;
        continue;
      }
      // Claim before sending (committed): a crash from here on leaves the row 'sending' for recover().
      if (!(await repo.claim(id, now + 10 * MINUTE))) continue;
      try {
        const info = await smtp.send({
          to: r.to_address,
          subject: r.subject,
          text: r.text_body,
          html: r.html_body,
          ics: r.ics,
          icsMethod: r.ics ? (r.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST') : null,
          messageId: r.message_id ?? `<outbox-${id}@aslm-desk.local>`,
        });
        const at = clock();
        await data.tx((tx) => svc.recordSent(tx, { id, attempts: r.attempts + 1, at, response: info.response }));
        accountFailures = 0;
        report.sent++;
      } catch (e) {
        const at = clock();
        if (e instanceof AppError || (e instanceof SendError && e.errorClass === 'account')) {
          // Not this message's fault (no account set up, server unreachable, login refused): it waits, uncounted.
          const reason = e instanceof SendError ? e.reason : `code:${e.code}`;
          accountFailures++;
          pauseUntil = at + accountBackoff(accountFailures);
          await data.tx(async (tx) => {
            const still = await tx.outbox.settle({ id, state: 'queued', attempts: r.attempts, next: at, err: reason });
            if (still && r.last_error === null)
              await history(tx, r.lead_id, at, 'queued', 'queued', r.subject, r.to_address, reason);
          });
          report.waiting = true;
          break;
        }
        const se = e instanceof SendError ? e : new SendError(String(e), 'transient');
        const attempts = r.attempts + 1;
        const final = se.errorClass === 'permanent' || attempts >= MAX_ATTEMPTS;
        const still = await data.tx(async (tx) => {
          const changed = await tx.outbox.settle({
            id,
            state: final ? 'failed' : 'queued',
            attempts,
            next: final ? at : at + backoff(attempts),
            err: se.reason,
          });
          if (changed && (final || r.last_error === null))
            await history(tx, r.lead_id, at, 'queued', final ? 'failed' : 'queued', r.subject, r.to_address, se.reason);
          return changed;
        });
        if (!still) continue; // cancelled while it was being sent: it stays cancelled
        if (final) report.failed++;
        else report.deferred++;
      }
    }
    return report;
  }

  const svc: OutboxService = {
    async recordSent(tx, s) {
      const was = await recordAcceptedSend(tx, s);
      if (was?.state === 'cancelled') for (const hook of sentOverCancel) await hook(tx, was, s.at);
      return was !== null;
    },
    onSentOverCancel(hook) {
      sentOverCancel.push(hook);
    },
    async enqueue(tx, m, now) {
      const messageId = `<${createHash('sha256').update(m.dedupeKey).digest('hex').slice(0, 24)}.${now}@aslm-desk.local>`;
      const rowId = await tx.outbox.insert({
        key: m.dedupeKey,
        leadId: m.leadId,
        kind: m.kind,
        to: m.to,
        language: m.language,
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        ics: m.ics ?? null,
        dueAt: m.dueAt,
        messageId,
        expiresAt: m.expiresAt ?? null,
        now,
      });
      if (rowId === null) return null;
      await history(
        tx,
        m.leadId,
        now,
        null,
        'queued',
        m.subject,
        m.to,
        m.reason ?? (m.dueAt > now ? `→ ${new Date(m.dueAt).toISOString()}` : null),
      );
      if (m.dueAt <= now) onQueued();
      return rowId;
    },
    async cancelQueued(tx, leadId, kinds, now, reason) {
      if (kinds.length === 0) return 0;
      const rows = await tx.outbox.pendingOfLead(leadId, kinds);
      for (const r of rows) {
        await tx.outbox.cancel(r.id, reason);
        await history(tx, leadId, now, r.state, 'cancelled', r.subject, r.to, reason);
      }
      return rows.length;
    },
    deliverDue(now) {
      const clock = typeof now === 'function' ? now : () => now;
      if (!running)
        running = run(clock)
          .catch((e) => {
            log('outbox delivery failed; it will be retried', e);
            return { sent: 0, failed: 0, deferred: 0, expired: 0, waiting: true };
          })
          .finally(() => {
            running = null;
          });
      return running;
    },
    async recover(now) {
      pauseUntil = 0;
      return repo.requeueSending(now);
    },
    holdAfterRestore(now) {
      return data.tx(async (tx) => {
        const rows = await tx.outbox.pendingDue(now);
        for (const r of rows) {
          await tx.outbox.set({
            id: r.id,
            state: 'failed',
            attempts: r.attempts,
            next: now,
            err: 'reason:restored',
            sentAt: null,
          });
          await history(tx, r.lead_id, now, r.state, 'failed', r.subject, r.to_address, 'reason:restored');
        }
        return rows.length;
      });
    },
    async list({ leadId, limit }) {
      const items = await repo.list(leadId, limit);
      const counts: Record<string, number> = {};
      for (const c of await repo.countsByState()) counts[c.state] = c.n;
      return { items, counts };
    },
    async retry(id, now) {
      await data.tx(async (tx) => {
        const r = await tx.outbox.row(id);
        if (!r) throw new AppError('NOT_FOUND', { params: { id } });
        if (r.state !== 'failed') throw new AppError('OUTBOX_NOT_FAILED');
        await tx.outbox.set({ id, state: 'queued', attempts: 0, next: now, err: null, sentAt: null });
        await history(tx, r.lead_id, now, 'failed', 'queued', r.subject, r.to_address);
      });
      pauseUntil = 0;
      return (await repo.item(id))!;
    },
  };
  return svc;
}
