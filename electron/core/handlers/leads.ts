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
    'leads.create': (input, ctx) => c.lists.detail(c.leads.create(input, c.actor(ctx)).id),
    'leads.edit': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('edit', id, version, input, c.actor(ctx)).id),
    'leads.recordContact': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('recordContact', id, version, input, c.actor(ctx)).id),
    'leads.makeAppointment': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('makeAppointment', id, version, input, c.actor(ctx)).id),
    'leads.closedInSale': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('closedInSale', id, version, input, c.actor(ctx)).id),
    'leads.closedNoSale': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('closedNoSale', id, version, input, c.actor(ctx)).id),
    'leads.contactAgain': ({ id, version, input }, ctx) =>
      c.lists.detail(c.leads.act('contactAgain', id, version, input, c.actor(ctx)).id),
    'leads.recordAppointmentKept': ({ id, version, kept }, ctx) =>
      c.lists.detail(
        c.leads.apply(
          'recordAppointmentKept',
          id,
          version,
          (lead, rc) => setAppointmentKept(lead, { kept }, rc),
          c.actor(ctx),
        ).id,
      ),
    'leads.undoContact': ({ id, version, contactId }, ctx) =>
      c.lists.detail(c.leads.fixContact(id, version, contactId, null, c.actor(ctx)).id),
    'leads.correctContact': ({ id, version, contactId, input }, ctx) =>
      c.lists.detail(c.leads.fixContact(id, version, contactId, input, c.actor(ctx)).id),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof leadChannels>;
