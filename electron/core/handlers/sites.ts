// Handlers of the sites (shared/contract/sites.ts; docs/rules.md §11).
import type { Contract } from '../../../shared/contract';
import type { siteChannels } from '../../../shared/contract/sites';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

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
    'sites.settings.get': ({ siteId }) => c.sites.settingsOf(siteId),
    'sites.settings.save': ({ siteId, ...patch }) => c.sites.saveSettings(siteId, patch),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof siteChannels>;
