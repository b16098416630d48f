// The outbox's delivery on PostgreSQL (issue 15): every core may deliver, none sends a row twice. Rows are claimed a
// few at a time with store/pg/outboxQueue.ts `claimDueOutbox` (FOR UPDATE SKIP LOCKED, marked 'sending' until the
// lease's end), sent one by one, then settled: an acceptance by the outbox's `recordSent` in a transaction of the store
// (the row read locked; recorded once; over a cancellation, the appointment e-mails' hook in that transaction), a
// failure by `markOutboxFailed` or `releaseOutboxClaim` (only while the claim still holds the row). A row left
// 'sending' by a core that died is claimed again after its lease by whichever core delivers next, with the same Message-ID: SQLite's recover() at start-up is not needed (and would take
// the rows another core is sending: it does nothing here). The address check and the account pause are SQLite's
// (electron/core/mail/outbox.ts).
import type pg from 'pg';
import { AppError } from '../../../shared/contract/errors';
import { claimDueOutbox, markOutboxFailed, releaseOutboxClaim, type OutboxClaim } from '../../store/pg/outboxQueue';
import type { AsyncStore } from '../../store/repos/index';
import type { DeliveryReport, OutboxService } from '../mail/outbox';
import { SendError, isEmail, type SmtpService } from '../mail/smtp';

/** Rows claimed per round: a short lease's worth of SMTP conversations, and another core takes the rest meanwhile. */
const BATCH = 5;
const MINUTE = 60_000;
const accountBackoff = (n: number): number => Math.min(MINUTE * 2 ** Math.max(0, n - 1), 15 * MINUTE);

/** `base`'s delivery replaced: claimed rows, the lease instead of recover(); `retry` also ends the account pause. */
export function pgDelivery(
  base: OutboxService,
  data: AsyncStore,
  pool: pg.Pool,
  smtp: SmtpService,
  log: (m: string, e?: unknown) => void,
  leaseMs?: number,
): OutboxService {
  let running: Promise<DeliveryReport> | null = null;
  let accountFailures = 0;
  let pauseUntil = 0;

  /** Sends one claimed row; the reason when the account itself failed (the round stops, the row waits uncounted). */
  async function sendOne(c: OutboxClaim, clock: () => number, report: DeliveryReport): Promise<string | void> {
    if (!isEmail(c.to)) {
      // Nothing to send it to (an erased customer, a bad address): this row fails, the others go on.
      if (await markOutboxFailed(pool, c, { at: clock(), reason: 'code:EMAIL_INVALID', permanent: true }))
        report.failed++;
      return;
    }
    try {
      const info = await smtp.send({
        to: c.to,
        subject: c.subject,
        text: c.text,
        html: c.html,
        ics: c.ics,
        icsMethod: c.ics ? (c.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST') : null,
        messageId: c.messageId,
      });
      const at = clock();
      await data.tx((tx) => base.recordSent(tx, { id: c.id, attempts: c.attempts, at, response: info.response }));
      accountFailures = 0;
      report.sent++;
    } catch (e) {
      const at = clock();
      if (e instanceof AppError || (e instanceof SendError && e.errorClass === 'account')) {
        accountFailures++;
        pauseUntil = at + accountBackoff(accountFailures);
        const reason = e instanceof SendError ? e.reason : `code:${e.code}`;
        await releaseOutboxClaim(pool, c, at, reason);
        report.waiting = true;
        return reason;
      }
      const se = e instanceof SendError ? e : new SendError(String(e), 'transient');
      const state = await markOutboxFailed(pool, c, {
        at,
        reason: se.reason,
        permanent: se.errorClass === 'permanent',
      });
      if (state === 'failed') report.failed++;
      else if (state === 'queued') report.deferred++;
    }
  }

  async function run(clock: () => number): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, deferred: 0, expired: 0, waiting: false };
    for (;;) {
      if (clock() < pauseUntil) {
        report.waiting = true;
        return report;
      }
      const { claimed, expired } = await claimDueOutbox(pool, { now: clock(), limit: BATCH, leaseMs });
      report.expired += expired;
      for (let i = 0; i < claimed.length; i++) {
        const accountFailed = await sendOne(claimed[i]!, clock, report);
        if (accountFailed === undefined) continue;
        // The account failed: the rest of the round goes back to the queue, uncounted.
        for (const c of claimed.slice(i + 1)) await releaseOutboxClaim(pool, c, clock(), accountFailed);
        return report;
      }
      if (claimed.length < BATCH) return report;
    }
  }

  return {
    ...base,
    deliverDue(now) {
      const clock = typeof now === 'function' ? now : () => now;
      running ??= run(clock)
        .catch((e: unknown) => {
          log('outbox delivery failed; it will be retried', e);
          return { sent: 0, failed: 0, deferred: 0, expired: 0, waiting: true };
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    async recover() {
      pauseUntil = 0;
      return 0;
    },
    async retry(id, now) {
      const item = await base.retry(id, now);
      pauseUntil = 0;
      return item;
    },
  };
}
