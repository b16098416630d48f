// Handlers of the sites (shared/contract/sites.ts; docs/rules.md §11).
import type { Contract } from '../../../shared/contract';
import type { siteChannels } from '../../../shared/contract/sites';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { CAPACITY_KEY } from '../people/workshop';

export const siteHandlers = (c: CoreServices) =>
  ({
    'sites.list': (_input, ctx) => c.sites.info(c.actor(ctx)),
    'sites.save': async (input, ctx) => {
      await c.sites.save(input);
      return c.sites.info(c.actor(ctx));
    },
    'sites.choose': async ({ siteId }, ctx) => {
      await c.sites.choose(c.actor(ctx), siteId);
      return c.sites.info(c.actor(ctx));
    },
    'sites.settings.get': async ({ siteId }) => ({
      ...(await c.sites.settingsOf(siteId)),
      group: { dealer: c.settings.get('dealer'), rules: c.settings.rules(), capacity: c.settings.get(CAPACITY_KEY) },
    }),
    'sites.settings.save': ({ siteId, ...patch }) => c.sites.saveSettings(siteId, patch),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof siteChannels>;
