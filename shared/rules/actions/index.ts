// One decision function per action button (docs/rules.md §3), plus what the lead page needs to
// enable or disable each button with its reason.
import type { Lead } from '../../domain/lead';
import type { ActionId } from '../../domain/vocabulary';
import type {
  ClosedInSaleInput,
  ClosedNoSaleInput,
  ContactAgainInput,
  EditInput,
  MakeAppointmentInput,
  RecordContactInput,
} from '../../contract/inputs';
import type { Result, RuleError } from '../errors';
import type { LeadChanges, RuleContext } from '../context';
import { canRecordContact, recordContact } from './recordContact';
import { canMakeAppointment, makeAppointment } from './appointment';
import { canClose, closedInSale, closedNoSale } from './close';
import { canContactAgain, contactAgain } from './contactAgain';
import { canEdit, edit } from './edit';

export { recordContact, makeAppointment, closedInSale, closedNoSale, contactAgain, edit };
export { isFinal } from './guards';
export { isPendingRecontact } from './contactAgain';
export {
  canRecordAppointmentKept,
  hadAppointment,
  setAppointmentKept,
  type AppointmentKeptInput,
} from './appointmentKept';

export interface ActionInputs {
  edit: EditInput;
  recordContact: RecordContactInput;
  makeAppointment: MakeAppointmentInput;
  closedInSale: ClosedInSaleInput;
  closedNoSale: ClosedNoSaleInput;
  contactAgain: ContactAgainInput;
}

type Decide<A extends ActionId> = (lead: Lead, input: ActionInputs[A], ctx: RuleContext) => Result<LeadChanges>;
export const DECIDE: { [A in ActionId]: Decide<A> } = {
  edit,
  recordContact,
  makeAppointment,
  closedInSale,
  closedNoSale,
  contactAgain,
};

export function decide<A extends ActionId>(
  action: A,
  lead: Lead,
  input: ActionInputs[A],
  ctx: RuleContext,
): Result<LeadChanges> {
  return (DECIDE[action] as Decide<A>)(lead, input, ctx);
}

const PRECHECK: Record<ActionId, (l: Lead) => RuleError | null> = {
  edit: canEdit,
  recordContact: canRecordContact,
  makeAppointment: canMakeAppointment,
  closedInSale: canClose,
  closedNoSale: canClose,
  contactAgain: canContactAgain,
};

export interface ActionAvailability {
  enabled: boolean;
  reason: RuleError['code'] | null;
}

/** Whether each action button is enabled, and why not — the same checks the main process enforces. */
export function availableActions(lead: Lead): Record<ActionId, ActionAvailability> {
  const out = {} as Record<ActionId, ActionAvailability>;
  for (const a of Object.keys(PRECHECK) as ActionId[]) {
    const e = PRECHECK[a](lead);
    out[a] = { enabled: e === null, reason: e?.code ?? null };
  }
  return out;
}
