// Handlers of the frame's channels (shared/contract/app.ts).
import type { Contract } from '../../../shared/contract';
import type { appChannels } from '../../../shared/contract/app';
import type { AppSettings } from '../../../shared/contract/app';
import type { CallContext, HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';
import { generateDemo } from '../demo/generate';
import { SETUP_DONE_KEY } from '../settingsService';
import { DEFAULT_PERSON } from '../../../shared/people/defaultPerson';

export const appHandlers = (c: CoreServices) => {
  /** With sign-in (host mode) each person has their own language (docs/rules.md §12); else the desk's. */
  const own = async (ctx: CallContext, all: AppSettings): Promise<AppSettings> => {
    if (!c.auth.required) return all;
    const id = c.actor(ctx).id;
    const language = id === null ? undefined : await c.data.repos.users.language(id);
    return language ? { ...all, language } : all;
  };
  return {
    'app.info': async (_i, ctx) => ({
      version: c.options.version ?? '0.1.0',
      mode: c.options.mode ?? 'browser',
      now: c.clock.now(),
      timeZone: c.settings.rules().timeZone,
      // Not a count: this call is in the start-up answer, and a count reads a whole index.
      hasLeads: await c.data.repos.leads.hasAny(),
      currentUser: (() => {
        const a = c.actor(ctx);
        return a.id === null ? null : { id: a.id, name: a.name };
      })(),
    }),
    'settings.get': (_i, ctx) => own(ctx, c.settings.all()),
    // The language is a personal choice: anyone may change it; it is also remembered as the language of the person at the desk.
    'settings.setLanguage': async ({ language }, ctx) => {
      const a = c.actor(ctx);
      await c.data.tx(async (r) => {
        if (a.id !== null) await r.users.setLanguage(a.id, language);
        // Host mode: the person's own language only (the other desks keep theirs; the names, which are user names, stay).
        if (c.auth.required) return;
        // The person the app created on a new database keeps a name in the desk's language until someone renames it.
        const first = await r.users.first();
        if (first && (Object.values(DEFAULT_PERSON) as string[]).includes(first.name)) {
          await r.users.rename(first.id, DEFAULT_PERSON[language]);
        }
        await c.settings.setIn(r, 'language', language);
      });
      return own(ctx, c.settings.all());
    },
    'settings.setRules': async (rules, ctx) => own(ctx, await c.settings.setRules(rules)),
    'settings.setDealer': async (dealer, ctx) => own(ctx, await c.settings.setDealer(dealer)),
    'settings.setSetupDone': async ({ done }, ctx) => {
      await c.settings.set(SETUP_DONE_KEY, done);
      return own(ctx, c.settings.all());
    },
    'settings.setCampaigns': async ({ campaigns }, ctx) => own(ctx, await c.settings.setCampaigns(campaigns)),
    // Every manager without a password gets a temporary one, answered once (docs/rules.md §12).
    'demo.load': async ({ leads, seed }) => {
      const r = await generateDemo(c.data, c.settings, { leads, seed, now: c.clock.now() });
      return { ...r, passwords: await c.auth.passwordsForManagersWithout() };
    },
    'kpi.sla': (q) => c.kpi.sla(q, c.clock.now()),
  } satisfies Pick<HandlerMap<Contract>, keyof typeof appChannels>;
};
