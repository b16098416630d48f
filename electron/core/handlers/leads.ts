// Handlers of the lead lists and the lead page (shared/contract/leads.ts).
import type { Contract } from '../../../shared/contract';
import type { leadChannels } from '../../../shared/contract/leads';
import type { CallContext, HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { setAppointmentKept, type ActionInputs } from '../../../shared/rules';
import type { ActionId } from '../../../shared/domain/vocabulary';

export const leadHandlers = (c: CoreServices) => {
  /** One of the six action buttons: the action in one transaction, then the lead page as it now is. */
  const act =
    <A extends ActionId>(action: A) =>
    async ({ id, version, input }: { id: number; version: number; input: ActionInputs[A] }, ctx: CallContext) =>
      c.lists.detail((await c.leads.act(action, id, version, input, c.actor(ctx))).id);
  return {
    'leads.list': (q) => c.lists.list(q),
    'leads.counts': async () => ({ counts: await c.lists.counts(), at: c.clock.now() }),
    'leads.globalSearch': ({ q, limit }) => c.lists.globalSearch(q, limit),
    'leads.get': ({ id }) => c.lists.detail(id),
    'leads.create': async (input, ctx) => c.lists.detail((await c.leads.create(input, c.actor(ctx))).id),
    'leads.edit': act('edit'),
    'leads.recordContact': act('recordContact'),
    'leads.makeAppointment': act('makeAppointment'),
    'leads.closedInSale': act('closedInSale'),
    'leads.closedNoSale': act('closedNoSale'),
    'leads.contactAgain': act('contactAgain'),
    'leads.recordAppointmentKept': async ({ id, version, kept }, ctx) =>
      c.lists.detail(
        (
          await c.leads.apply(
            'recordAppointmentKept',
            id,
            version,
            (lead, rc) => setAppointmentKept(lead, { kept }, rc),
            c.actor(ctx),
          )
        ).id,
      ),
    'leads.undoContact': async ({ id, version, contactId }, ctx) =>
      c.lists.detail((await c.leads.fixContact(id, version, contactId, null, c.actor(ctx))).id),
    'leads.correctContact': async ({ id, version, contactId, input }, ctx) =>
      c.lists.detail((await c.leads.fixContact(id, version, contactId, input, c.actor(ctx))).id),
  } satisfies Pick<HandlerMap<Contract>, keyof typeof leadChannels>;
};
