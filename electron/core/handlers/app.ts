// Handlers of the frame's channels (shared/contract/app.ts).
import type { Contract } from '../../../shared/contract';
import type { appChannels } from '../../../shared/contract/app';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { generateDemo } from '../demo/generate';
import { SETUP_DONE_KEY } from '../settingsService';
import { DEFAULT_PERSON } from '../../../shared/people/defaultPerson';

export const appHandlers = (c: CoreServices) =>
  ({
    'app.info': (_i, ctx) => ({
      version: c.options.version ?? '0.1.0',
      mode: c.options.mode ?? 'browser',
      now: c.clock.now(),
      timeZone: c.settings.rules().timeZone,
      leadCount: (c.store.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n,
      currentUser: (() => {
        const a = c.actor(ctx);
        return a.id === null ? null : { id: a.id, name: a.name };
      })(),
    }),
    'settings.get': () => c.settings.all(),
    // The language is a personal choice: anyone may change it; it is also remembered as the language of the person at the desk.
    'settings.setLanguage': ({ language }, ctx) => {
      const a = c.actor(ctx);
      return c.store.sqlite.transaction(() => {
        if (a.id !== null) c.store.sqlite.prepare('UPDATE users SET language = ? WHERE id = ?').run(language, a.id);
        // The person the app created on a new database keeps a name in the desk's language until someone renames it.
        const first = c.store.sqlite.prepare('SELECT id, name FROM users ORDER BY id LIMIT 1').get() as
          { id: number; name: string } | undefined;
        if (first && (Object.values(DEFAULT_PERSON) as string[]).includes(first.name)) {
          c.store.sqlite.prepare('UPDATE users SET name = ? WHERE id = ?').run(DEFAULT_PERSON[language], first.id);
        }
        return c.settings.setLanguage(language);
      })();
    },
    'settings.setRules': (rules) => c.settings.setRules(rules),
    'settings.setDealer': (dealer) => c.settings.setDealer(dealer),
    'settings.setSetupDone': ({ done }) => {
      c.settings.set(SETUP_DONE_KEY, done);
      return c.settings.all();
    },
    'settings.setCampaigns': ({ campaigns }) => c.settings.setCampaigns(campaigns),
    // Every manager without a password gets a temporary one, answered once (docs/rules.md §12).
    'demo.load': ({ leads, seed }) => {
      const r = generateDemo(c.store, c.settings, { leads, seed, now: c.clock.now() });
      return { ...r, passwords: c.auth.passwordsForManagersWithout() };
    },
    'kpi.sla': (q) => c.kpi.sla(q, c.clock.now()),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof appChannels>;
