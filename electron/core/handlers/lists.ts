// Handlers of the list layout channels (shared/contract/lists.ts): one settings key per person.
import type { Contract } from '../../../shared/contract';
import { DEFAULT_LIST_PREFS, listPrefsSchema, normalizeListPrefs, type listChannels } from '../../../shared/contract/lists';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const listPrefsKey = (userId: number | null): string => `desk.listPrefs.${userId ?? 'desk'}`;

export const listHandlers = (c: CoreServices) => ({
  'desk.listPrefs.get': (_input, ctx) => {
    const stored = listPrefsSchema.safeParse(c.settings.get<unknown>(listPrefsKey(c.actor(ctx).id), DEFAULT_LIST_PREFS));
    return normalizeListPrefs(stored.success ? stored.data : DEFAULT_LIST_PREFS);
  },
  'desk.listPrefs.set': (prefs, ctx) => {
    const value = normalizeListPrefs(prefs);
    const key = listPrefsKey(c.actor(ctx).id);
    c.store.sqlite.transaction(() => c.settings.set(key, value))();
    return value;
  },
}) satisfies Pick<HandlerMap<Contract>, keyof typeof listChannels>;
