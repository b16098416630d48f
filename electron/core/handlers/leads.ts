// Handlers of the lead lists and the lead page (shared/contract/leads.ts).
import type { Contract } from '../../../shared/contract';
import type { leadChannels } from '../../../shared/contract/leads';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { setAppointmentKept } from '../../../shared/rules';

export const leadHandlers = (c: CoreServices) =>
  ({
    'leads.list': (q) => c.lists.list(q),
    'leads.counts': async () => ({ counts: await c.lists.counts(), at: c.clock.now() }),
    'leads.globalSearch': ({ q, limit }) => c.lists.globalSearch(q, limit),
    'leads.get': ({ id }) => c.lists.detail(id),
    'leads.create': async (input, ctx) => c.lists.detail((await c.leads.create(input, c.actor(ctx))).id),
    'leads.edit': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('edit', id, version, input, c.actor(ctx))).id),
    'leads.recordContact': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('recordContact', id, version, input, c.actor(ctx))).id),
    'leads.makeAppointment': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('makeAppointment', id, version, input, c.actor(ctx))).id),
    'leads.closedInSale': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('closedInSale', id, version, input, c.actor(ctx))).id),
    'leads.closedNoSale': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('closedNoSale', id, version, input, c.actor(ctx))).id),
    'leads.contactAgain': async ({ id, version, input }, ctx) =>
      c.lists.detail((await c.leads.act('contactAgain', id, version, input, c.actor(ctx))).id),
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
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof leadChannels>;
