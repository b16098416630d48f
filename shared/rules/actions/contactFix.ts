// Fixing a contact recorded by mistake (issue 16, item 6). History stays append-only: an undo or a correction
// writes history rows; the lead's contact bookkeeping (attempts, first/last contact, last outcome, SLA 1) is
// recomputed from the contacts that remain, in the same transaction as the contact's change.
import type { Contact, HistoryEntry, Lead } from '../../domain/lead';
import type { RecordContactInput } from '../../contract/inputs';
import { fail, ok, type Result } from '../errors';
import { diff, type LeadPatch, type RuleContext } from '../context';
import { sla1DueAt } from '../sla';
import { isFinal } from './guards';

/** How long the core accepts an undo of a just-recorded contact (the desk is offered it for 10 s). */
export const UNDO_CONTACT_MS = 60_000;

export type ContactRow = Pick<
  Contact,
  'id' | 'at' | 'userId' | 'direction' | 'channel' | 'outcome' | 'verbatim' | 'answer'
>;

/** "#2 outbound/phone/no_answer": the n-th contact of the lead, as the history writes it. */
export const contactSummary = (n: number, c: Pick<Contact, 'direction' | 'channel' | 'outcome'>): string =>
  `#${n} ${c.direction}/${c.channel}/${c.outcome}`;

const byTime = (a: ContactRow, b: ContactRow) => a.at - b.at || a.id - b.id;

/** The lead's contact bookkeeping as the given contacts make it. */
export function contactFields(lead: Pick<Lead, 'assignedAt'>, contacts: ContactRow[], ctx: RuleContext): LeadPatch {
  const sorted = [...contacts].sort(byTime);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return {
    contactAttempts: sorted.length,
    firstContactAt: first?.at ?? null,
    sla1Met: first ? first.at <= sla1DueAt(lead.assignedAt, ctx.settings) : null,
    lastContactAt: last?.at ?? null,
    lastOutcome: last?.outcome ?? null,
  };
}

export interface ContactFix {
  patch: LeadPatch;
  history: HistoryEntry[];
  deleteContactId?: number;
  contactPatch?: RecordContactInput & { id: number };
}

/**
 * Undo of a one-click outcome: only the lead's latest contact, by whoever recorded it, within UNDO_CONTACT_MS
 * (the caller also checks the lead's version: nothing else happened since).
 */
export function undoContact(
  lead: Lead,
  contacts: ContactRow[],
  contactId: number,
  ctx: RuleContext,
): Result<ContactFix> {
  const sorted = [...contacts].sort(byTime);
  const idx = sorted.findIndex((c) => c.id === contactId);
  const c = sorted[idx];
  if (!c) return fail('CONTACT_NOT_FOUND', 'contactId');
  if (isFinal(lead)) return fail('LEAD_IS_FINAL');
  if (idx !== sorted.length - 1 || c.userId !== ctx.user.id || ctx.now - c.at > UNDO_CONTACT_MS)
    return fail('UNDO_EXPIRED');
  const rest = sorted.slice(0, -1);
  const { patch, history } = diff(lead, { ...contactFields(lead, rest, ctx), updatedAt: ctx.now }, ctx);
  history.unshift({
    at: ctx.now,
    userId: ctx.user.id,
    field: 'contactUndone',
    oldValue: contactSummary(idx + 1, c),
    newValue: null,
  });
  return ok({ patch, history, deleteContactId: c.id });
}

/** The manager's correction of a contact: direction, channel, outcome and the notes; the time stays. */
export function correctContact(
  lead: Lead,
  contacts: ContactRow[],
  contactId: number,
  input: RecordContactInput,
  ctx: RuleContext,
): Result<ContactFix> {
  const sorted = [...contacts].sort(byTime);
  const idx = sorted.findIndex((c) => c.id === contactId);
  const c = sorted[idx];
  if (!c) return fail('CONTACT_NOT_FOUND', 'contactId');
  const next: ContactRow = { ...c, ...input };
  const history: HistoryEntry[] = [];
  const before = contactSummary(idx + 1, c);
  const after = contactSummary(idx + 1, next);
  if (before !== after)
    history.push({ at: ctx.now, userId: ctx.user.id, field: 'contactCorrected', oldValue: before, newValue: after });
  if ((c.verbatim ?? null) !== (next.verbatim ?? null))
    history.push({
      at: ctx.now,
      userId: ctx.user.id,
      field: 'contactVerbatim',
      oldValue: c.verbatim,
      newValue: next.verbatim,
    });
  if ((c.answer ?? null) !== (next.answer ?? null))
    history.push({
      at: ctx.now,
      userId: ctx.user.id,
      field: 'contactAnswer',
      oldValue: c.answer,
      newValue: next.answer,
    });
  if (history.length === 0) return ok({ patch: {}, history: [] });
  const rest = sorted.map((x) => (x.id === c.id ? next : x));
  const d = diff(lead, { ...contactFields(lead, rest, ctx), updatedAt: ctx.now }, ctx);
  return ok({ patch: d.patch, history: [...history, ...d.history], contactPatch: { id: c.id, ...input } });
}
