// Extension points of the lead page: cards stacked in the right-hand column (e.g. the next step of
// the playbook, the customer panel and reassignment). Each feature adds itself in one line here.
import type { ComponentType } from 'react';
import type { LeadDetail } from '../../../shared/contract/models';
import { NextStepSlot } from '../playbook/NextStepCard';
import { AssignCard } from '../people/AssignCard';
import { CustomerCard } from '../people/CustomerCard';

export interface LeadSlotProps {
  detail: LeadDetail;
  /** The core's clock as of now. */
  coreNow(): number;
  /** Call with the fresh detail an action returned (or after a change made elsewhere, reload()). */
  onChanged(d: LeadDetail): void;
  reload(): Promise<void>;
}

export const leadSideSlots: ComponentType<LeadSlotProps>[] = [NextStepSlot, AssignCard, CustomerCard];
