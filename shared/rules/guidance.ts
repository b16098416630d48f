// One guidance for the lead page (issue 16, item 5): the banner and the highlighted button come from the same
// next step as the Next-step card (nextStep.ts), so they never contradict each other.
import type { Lead } from '../domain/lead';
import type { ActionId } from '../domain/vocabulary';
import { isPendingRecontact } from './actions';
import type { NextStep } from './nextStep';

export type HintKey =
  'pendingRecontact' | 'final' | 'firstContact' | 'tryAgain' | 'sendEmail' | 'appointment' | 'close' | 'closeNoSale';

const PRIMARY: Record<HintKey, ActionId | null> = {
  pendingRecontact: 'contactAgain',
  final: null,
  firstContact: 'recordContact',
  tryAgain: 'recordContact',
  sendEmail: null,
  appointment: 'makeAppointment',
  close: 'closedInSale',
  closeNoSale: 'closedNoSale',
};

/** The banner's key and the button to highlight, from the lead's next step. */
export function guidance(
  step: Pick<NextStep, 'kind' | 'reason'>,
  lead: Pick<Lead, 'status' | 'closeReason' | 'followUpLeadId' | 'recontactAt'>,
): { hint: HintKey; primary: ActionId | null } {
  const hint = hintOf(step, lead);
  return { hint, primary: PRIMARY[hint] };
}

function hintOf(
  step: Pick<NextStep, 'kind' | 'reason'>,
  lead: Pick<Lead, 'status' | 'closeReason' | 'followUpLeadId' | 'recontactAt'>,
): HintKey {
  if (isPendingRecontact(lead as Lead)) return 'pendingRecontact';
  switch (step.kind) {
    case 'none':
      return step.reason === 'appointment_planned' ? 'close' : 'final';
    case 'call':
      return 'firstContact';
    case 'voicemail':
    case 'callAgain':
      return 'tryAgain';
    case 'sendEmail':
      return 'sendEmail';
    case 'qualify':
    case 'book':
      return 'appointment';
    case 'close':
      return step.reason === 'appointment_passed' ? 'close' : 'closeNoSale';
  }
}
