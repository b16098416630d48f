// The app core's start-up and who acts (electron/core/appCore.ts): a new database's first rules and first user before
// any call (`ready`, which dispatch awaits), and who acts resolved once per call after the session check.
import type { Actor } from '../../shared/domain/lead';
import type { Store } from '../store/db';
import type { AsyncStore } from '../store/repos/index';
import { usersRepo } from '../store/repos/users';
import type { AppCoreOptions } from './appCore';
import type { AuthService } from './auth/authService';
import type { Clock } from './clock';
import type { CallContext } from './dispatch';
import type { PeopleService } from './people/peopleService';
import { createWhoActs } from './people/whoActs';
import type { SettingsService } from './settingsService';

export interface CoreStart {
  ready: Promise<void>;
  /** Who acts for a caller outside dispatch (the CLI, background jobs, tests). */
  resolveActor(ctx?: CallContext): Promise<Actor>;
  /** Who acts in a dispatched call (`ctx.actor`, resolved by `authenticate`). */
  actor(ctx: CallContext): Actor;
  /** The session check, then who acts (a caller's own `actor` is never trusted). */
  authenticate(channel: string, ctx: CallContext): Promise<CallContext>;
}

export function startCore(c: {
  /** SQLite's store (null on PostgreSQL). */
  store: Store | null;
  data: AsyncStore;
  /** The store's own start-up (PostgreSQL: the migrations). */
  opened: Promise<void>;
  settings: SettingsService;
  people: PeopleService;
  auth: AuthService;
  clock: Clock;
  opts: AppCoreOptions;
  log: (msg: string, err?: unknown) => void;
  /**
   * PostgreSQL: runs the first-start writes under an advisory lock (several cores starting together on a new
   * database write its first rules and user once: the second reads what the first wrote).
   */
  firstStart?: <T>(fn: () => Promise<T>) => Promise<T>;
}): CoreStart {
  const { store, data, opened, settings, people, auth, clock, opts, log } = c;
  const firstStart = c.firstStart ?? (<T>(fn: () => Promise<T>) => fn());
  // The core's start-up: a new database's first rules (the dealer's zone) and first user, before any call (dispatch
  // waits for `ready`). SQLite: at once, as its settings (a SQLite core is ready at once: the first user written
  // synchronously, the first rules the store's first transaction). PostgreSQL: the migrations applied, the settings
  // loaded, then the same two through `data`.
  const readOnly = opts.readOnly ?? false;
  let defaultUser = -1;
  let ready: Promise<void>;
  if (store) {
    defaultUser = ensureDefaultUserSqlite(store, clock.now(), readOnly);
    ready =
      !readOnly && !settings.isSet('rules')
        ? settings.set('rules', settings.rules()).then(
            () => undefined,
            (e: unknown) => log('storing the first rules failed', e),
          )
        : Promise.resolve();
  } else {
    ready = (async () => {
      await opened;
      await settings.ready;
      defaultUser = await firstStart(async () => {
        if (!readOnly && !settings.isSet('rules')) {
          await settings.load(); // another core may have written them while this one waited for the lock
          if (!settings.isSet('rules')) await settings.set('rules', settings.rules());
        }
        return ensureDefaultUser(data, clock.now(), readOnly);
      });
    })();
    ready.catch((e: unknown) => log('the app core could not start', e));
  }
  // Who acts: resolved once per call by dispatch (after the session check) into `ctx.actor`; see people/whoActs.ts.
  const whoActs = createWhoActs(data, settings, people);
  const resolveActor = async (ctx?: CallContext): Promise<Actor> => {
    await ready;
    return whoActs.resolve(ctx, defaultUser);
  };
  const actor = (ctx: CallContext): Actor => whoActs.of(ctx);
  const authenticate = async (channel: string, ctx: CallContext): Promise<CallContext> => {
    const { actor: _dropped, ...given } = ctx;
    const who = await auth.authenticate(channel, given);
    return { ...who, actor: await whoActs.resolve(who, defaultUser) };
  };
  return { ready, resolveActor, actor, authenticate };
}

/** SQLite's first start, synchronous (the connection is there at once): as `ensureDefaultUser`. */
function ensureDefaultUserSqlite(store: Store, now: number, readOnly: boolean): number {
  const users = usersRepo(store.sqlite);
  const first = users.firstId();
  if (first !== undefined) return first;
  if (readOnly) return -1;
  return store.sqlite.transaction(() => users.createDefaultManager(now))();
}

/** The first user's id; a new database gets its first person ('Front desk', a manager) in one transaction. */
async function ensureDefaultUser(data: AsyncStore, now: number, readOnly: boolean): Promise<number> {
  const first = await data.repos.users.firstId();
  if (first !== undefined) return first;
  if (readOnly) return -1;
  return data.tx(async (r) => (await r.users.firstId()) ?? r.users.createDefaultManager(now));
}
