// Handlers of the lead lists and the lead page (shared/contract/leads.ts).
import type { Contract } from '../../../shared/contract';
import type { leadChannels } from '../../../shared/contract/leads';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const leadHandlers = (c: CoreServices) => ({
  'leads.list': (q) => c.lists.list(q),
  'leads.counts': () => ({ counts: c.lists.counts(), at: c.clock.now() }),
  'leads.globalSearch': ({ q, limit }) => c.lists.globalSearch(q, limit),
  'leads.get': ({ id }) => c.leads.detail(id),
  'leads.create': (input, ctx) => c.leads.detail(c.leads.create(input, c.actor(ctx)).id),
  'leads.edit': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('edit', id, version, input, c.actor(ctx)).id),
  'leads.recordContact': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('recordContact', id, version, input, c.actor(ctx)).id),
  'leads.makeAppointment': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('makeAppointment', id, version, input, c.actor(ctx)).id),
  'leads.closedInSale': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('closedInSale', id, version, input, c.actor(ctx)).id),
  'leads.closedNoSale': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('closedNoSale', id, version, input, c.actor(ctx)).id),
  'leads.contactAgain': ({ id, version, input }, ctx) => c.leads.detail(c.leads.act('contactAgain', id, version, input, c.actor(ctx)).id),
}) satisfies Pick<HandlerMap<Contract>, keyof typeof leadChannels>;
