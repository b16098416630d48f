// What the desk most likely has to do next on a lead: the highlighted button and the hint line.
import type { LeadDetail } from '../../../../shared/contract/models';
import type { Lead } from '../../../../shared/domain/lead';
import type { ActionId } from '../../../../shared/domain/vocabulary';
import { isFinal, isPendingRecontact } from '../../../../shared/rules/actions';

export type HintKey = 'pendingRecontact' | 'final' | 'firstContact' | 'tryAgain' | 'appointment' | 'close';

export function hintKey(l: Lead): HintKey {
  if (isPendingRecontact(l)) return 'pendingRecontact';
  if (isFinal(l)) return 'final';
  if (l.contactAttempts === 0) return 'firstContact';
  if (l.status === 'assigned' && l.lastOutcome !== 'reached') return 'tryAgain';
  if (l.status === 'assigned') return 'appointment';
  return 'close';
}

const PRIMARY: Record<HintKey, ActionId | null> = {
  pendingRecontact: 'contactAgain',
  final: null,
  firstContact: 'recordContact',
  tryAgain: 'recordContact',
  appointment: 'makeAppointment',
  close: 'closedInSale',
};

/** The button the desk most likely needs now (highlighted in the header). */
export const primaryAction = (d: LeadDetail): ActionId | null => PRIMARY[hintKey(d.lead)];
