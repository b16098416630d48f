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
    // What the person sees: their site's leads, or the site chosen in the header (docs/rules.md §11).
    'leads.list': async (q, ctx) => c.lists.list(q, await c.sites.scope(c.actor(ctx))),
    'leads.counts': async (_input, ctx) => ({
      counts: await c.lists.counts(await c.sites.scope(c.actor(ctx))),
      at: c.clock.now(),
    }),
    'leads.globalSearch': async ({ q, limit }, ctx) =>
      c.lists.globalSearch(q, limit, await c.sites.scope(c.actor(ctx))),
    'leads.get': ({ id }) => c.lists.detail(id),
    'leads.create': async ({ siteId, ...input }, ctx) => {
      const who = c.actor(ctx);
      const site = await c.sites.forNewLead(who, siteId);
      return c.lists.detail((await c.leads.create(input, who, site === undefined ? {} : { siteId: site })).id);
    },
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
