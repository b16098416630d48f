// The outbox's history lines and the record of a send the server accepted (electron/core/mail/outbox.ts): shared by
// SQLite's delivery and PostgreSQL's (electron/core/multiCore/pgDelivery.ts), each in a transaction of the store.
import { SYSTEM_ACTOR } from '../../../shared/domain/lead';
import type { OutboxState } from '../../../shared/contract/mail';
import type { OutboxRow } from '../../store/repos/outbox';
import type { TxRepos } from '../leadService';

/** A send the server accepted, to be recorded (`attempts`: counting this one). */
export interface AcceptedSend {
  id: number;
  attempts: number;
  at: number;
  /** The server's answer (its first 120 characters go to the history). */
  response: string;
}

/** A state change in the lead's history, as the System user (field emailDelivery). */
export async function history(
  r: TxRepos,
  leadId: number | null,
  at: number,
  from: string | null,
  to: OutboxState,
  subject: string,
  address: string,
  reason?: string | null,
): Promise<void> {
  if (leadId === null) return;
  await r.history.insert(leadId, null, SYSTEM_ACTOR, [
    {
      at,
      field: 'emailDelivery',
      oldValue: from,
      newValue: `${to}: ${subject} → ${address}${reason ? ` (${reason})` : ''}`,
    },
  ]);
}

/**
 * Inside `tx`: the server accepted row `s.id`. The row is read first (PostgreSQL: locked, so a cancellation or another
 * core's record in progress is waited for and seen as it left the row); one already 'sent' is left alone. The history
 * quotes the row as it is now (an erasure during the send has scrubbed it) and says what it was before when that is
 * not 'queued' (a cancellation caught it). Returns the row as it was, or null when nothing was recorded.
 */
export async function recordAcceptedSend(tx: TxRepos, s: AcceptedSend): Promise<OutboxRow | null> {
  const cur = await tx.outbox.row(s.id);
  if (!cur || cur.state === 'sent') return null;
  const attempts = Math.max(cur.attempts, s.attempts);
  await tx.outbox.set({ id: s.id, state: 'sent', attempts, next: s.at, err: null, sentAt: s.at });
  const from = cur.state === 'cancelled' ? 'cancelled' : 'queued';
  await history(tx, cur.lead_id, s.at, from, 'sent', cur.subject, cur.to_address, s.response.slice(0, 120) || null);
  return cur;
}
