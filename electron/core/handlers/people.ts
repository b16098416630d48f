// Handlers of people and assignment, customers and privacy, the vehicle registry and the workshop load
// (shared/contract/people.ts). Permissions are checked before these run (dispatcher → people.authorize).
import type { Contract } from '../../../shared/contract';
import type { peopleChannels } from '../../../shared/contract/people';
import { AppError } from '../../../shared/contract/errors';
import type { Actor } from '../../../shared/domain/lead';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { importVehicleRegistry } from '../people/vehicleRegistry';
import { CAPACITY_KEY, workshopLoad } from '../people/workshop';
import { assignmentRulesPdf } from '../people/rulesPdf';

export const peopleHandlers = (c: CoreServices) => {
  const current = async (a: Actor) => {
    const user = a.id === null ? null : ((await c.people.list()).find((u) => u.id === a.id) ?? null);
    return { user, canManage: await c.people.canManage(a.id) };
  };
  return {
    // With several sites, a person of one site sees their site's people and the group-wide ones (docs/rules.md §11.8):
    // the only people they may assign, edit (a site's manager) or find on their site's leads. Without sign-in, the
    // header's "who is at the desk" lists everyone (`forSwitch`): anyone there may switch to anyone.
    'people.list': async ({ forSwitch }, ctx) => {
      const users = await c.people.list();
      if (forSwitch && !c.auth.required) return { users };
      const own = await c.sites.ownSite(c.actor(ctx));
      return { users: own === null ? users : users.filter((u) => u.siteId == null || u.siteId === own) };
    },
    // A site's manager adds people to their site (never group-wide: docs/rules.md §11.8).
    'people.save': async (u, ctx) =>
      c.people.save(
        u.id == null && u.siteId === undefined
          ? { ...u, siteId: (await c.sites.ownSite(c.actor(ctx))) ?? undefined }
          : u,
      ),
    'people.current': (_i, ctx) => current(c.actor(ctx)),
    'people.switch': async ({ userId, pin }, ctx) => {
      // With sign-in, who acts is who signed in (docs/rules.md §12): to be someone else, sign out and in.
      if (c.auth.required) throw new AppError('DESK_SWITCH_DISABLED');
      await c.people.switchTo(userId, pin);
      // Who acts now: the person just switched to (the call's own actor was resolved before the switch).
      return current(await c.resolveActor({ transport: ctx.transport, deskId: ctx.deskId ?? null }));
    },
    // The rules of the site in view (docs/rules.md §11; one site: every rule).
    'assignment.rules.get': async (_i, ctx) => ({ rules: await c.assignment.rules(await c.sites.scope(c.actor(ctx))) }),
    'assignment.rules.set': async ({ rules }, ctx) => ({
      rules: await c.assignment.setRules(rules, await c.sites.scope(c.actor(ctx))),
    }),
    // The rules of the site in view, as shown (docs/rules.md §11.8).
    'assignment.rules.print': async ({ language }, ctx) => {
      const f = await assignmentRulesPdf(c, language ?? c.settings.get('language'), await c.sites.scope(c.actor(ctx)));
      return { fileName: f.fileName, mime: f.mime, base64: f.data.toString('base64'), bytes: f.data.length };
    },
    'leads.reassign': async ({ id, version, assigneeId }, ctx) => {
      await c.assignment.reassign(id, version, assigneeId, c.actor(ctx));
      return c.lists.detail(id);
    },
    'leads.bulkReassign': async ({ fromUserId, toUserId, byRules }, ctx) => {
      const ids = await c.assignment.bulkReassign(fromUserId, toUserId, byRules, c.actor(ctx));
      return { moved: ids.length, leadIds: ids };
    },
    'customers.get': ({ id }) => c.customers.get(id),
    'customers.setConsents': ({ id, leadId, consents }, ctx) =>
      c.customers.setConsents(id, leadId ?? null, consents, c.actor(ctx)),
    'customers.export': async ({ id, format, language }) => {
      const f = await c.privacy.exportFile(id, format, language ?? c.settings.get('language'));
      return { fileName: f.fileName, mime: f.mime, base64: f.data.toString('base64'), bytes: f.data.length };
    },
    'customers.erase': ({ id }, ctx) => c.privacy.erase(id, c.actor(ctx)),
    'vehicles.import': ({ name, base64 }) =>
      importVehicleRegistry(c.data, c.clock, c.settings, { name, data: Buffer.from(base64, 'base64') }),
    // Several sites: a site's load (a desk's own site; a group-wide person's choice, else the site in view); "All
    // sites": every appointment against the group's figures.
    'workshop.load': async ({ days, siteId }, ctx) => {
      const actor = c.actor(ctx);
      const own = await c.sites.ownSite(actor);
      if (own !== null && siteId != null && siteId !== own) throw new AppError('FORBIDDEN', { field: 'siteId' });
      if (siteId != null) await c.sites.ensure(siteId);
      const at = own ?? siteId ?? (await c.sites.scope(actor));
      const site =
        at === null
          ? undefined
          : { siteId: at, rules: await c.sites.rulesOf(at), capacity: (await c.sites.settingsOf(at)).capacity };
      return workshopLoad(c.data, c.settings, c.clock.now(), days, site);
    },
    'workshop.setCapacity': async ({ capacity }) => {
      await c.settings.set(CAPACITY_KEY, capacity);
      return { capacity };
    },
  } satisfies Pick<HandlerMap<Contract>, keyof typeof peopleChannels>;
};
