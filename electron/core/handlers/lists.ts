// Handlers of the list layout channels (shared/contract/lists.ts): the settings key `desk.listPrefs` holds one
// layout per person.
import type { Contract } from '../../../shared/contract';
import { DEFAULT_LIST_PREFS, normalizeListPrefs, type listChannels } from '../../../shared/contract/lists';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const listPrefsKey = (userId: number | null): string => String(userId ?? 'desk');

export const listHandlers = (c: CoreServices) =>
  ({
    // Read as stored (PostgreSQL: the person may have saved it through another app core), written as one entry.
    'desk.listPrefs.get': async (_input, ctx) => {
      await c.settings.reload('desk.listPrefs');
      return normalizeListPrefs(c.settings.get('desk.listPrefs')[listPrefsKey(c.actor(ctx).id)] ?? DEFAULT_LIST_PREFS);
    },
    'desk.listPrefs.set': async (prefs, ctx) => {
      const value = normalizeListPrefs(prefs);
      await c.settings.setEntry('desk.listPrefs', listPrefsKey(c.actor(ctx).id), value);
      return value;
    },
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof listChannels>;
