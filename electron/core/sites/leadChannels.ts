// The leads a call reads or writes by id (docs/rules.md §11): checked against the acting person's site before the
// handler runs (LEAD_OTHER_SITE), as the permission check is, whatever the transport.

/** Channels whose input `id` is a lead's. */
const LEAD_ID_CHANNELS: ReadonlySet<string> = new Set([
  'leads.get',
  'leads.edit',
  'leads.recordContact',
  'leads.makeAppointment',
  'leads.closedInSale',
  'leads.closedNoSale',
  'leads.contactAgain',
  'leads.recordAppointmentKept',
  'leads.undoContact',
  'leads.correctContact',
  'leads.reassign',
  'playbook.step',
  'playbook.sendEmail',
]);

/** The lead ids a call names: its `id` on a lead channel, a `leadId`, the `ids` of the playbook's steps. */
export function leadIdsOf(channel: string, input: unknown): number[] {
  const i = (input ?? {}) as { id?: unknown; leadId?: unknown; ids?: unknown };
  const out: number[] = [];
  if (LEAD_ID_CHANNELS.has(channel) && typeof i.id === 'number') out.push(i.id);
  if (typeof i.leadId === 'number') out.push(i.leadId);
  if (channel === 'playbook.steps' && Array.isArray(i.ids))
    for (const id of i.ids) if (typeof id === 'number') out.push(id);
  return out;
}
