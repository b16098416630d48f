// The playbook's next step on the lead page (a side slot): keyed on the lead's version, so it
// reloads after any action taken in the header; its own quick actions reload the page.
import type { LeadSlotProps } from '../../lead/slots';
import { NextStepCard } from './NextStepCard';

export function NextStepSlot({ detail, reload }: LeadSlotProps) {
  return (
    <NextStepCard
      key={`${detail.lead.id}:${detail.lead.version}`}
      leadId={detail.lead.id}
      onChanged={() => void reload()}
    />
  );
}
