// Who acts (recorded in history, checked by the permission check): resolved once per call by the app core's
// dispatch, after the session check, and put into the call's context (`ctx.actor`), so that the handlers read it
// synchronously (`services.actor(ctx)`). The CLI and the background jobs resolve it themselves (`resolveActor`).
import type { Actor } from '../../../shared/domain/lead';
import type { AsyncStore } from '../../store/repos/index';
import type { CallContext } from '../dispatch';
import type { SettingsService } from '../settingsService';
import type { PeopleService } from './peopleService';
import { CURRENT_USER_KEY } from './peopleService';

/** The name of the person a new database starts with (and of who acts when nobody else can). */
export const DEFAULT_ACTOR_NAME = 'Front desk';

export interface WhoActs {
  /**
   * The caller's user (with sign-in required, always the session's: auth.authenticate sets it), else the person at
   * the desk (setting desk.currentUser). The CLI is the administrator's tool on the database itself: it acts as the
   * default (first active) manager. `defaultUser`: the first user's id (ensured at the core's start).
   */
  resolve(ctx: CallContext | undefined, defaultUser: number): Promise<Actor>;
  /** What the handlers read: the actor the dispatch resolved for this call. */
  of(ctx: CallContext): Actor;
}

export function createWhoActs(data: AsyncStore, settings: SettingsService, people: PeopleService): WhoActs {
  return {
    async resolve(ctx, defaultUser) {
      const users = data.repos.users;
      const id =
        ctx?.userId ??
        (ctx?.transport === 'cli' ? await people.defaultManager() : settings.get(CURRENT_USER_KEY)) ??
        defaultUser;
      const u = await users.activeActor(id);
      if (u) return u;
      // Someone deactivated while at the desk stays who acts (so the permission check refuses them) — never
      // silently the manager; only a user that no longer exists falls back to the default manager.
      const inactive = await users.actor(id);
      if (inactive) return inactive;
      const m = await users.activeActor(await people.defaultManager());
      return m ?? { id: defaultUser, name: DEFAULT_ACTOR_NAME };
    },
    of(ctx) {
      if (!ctx.actor)
        throw new Error('Who acts is resolved by the app core’s dispatch (else: await resolveActor(ctx))');
      return ctx.actor;
    },
  };
}
