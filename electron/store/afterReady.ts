// An AsyncStore whose calls wait for a start-up step (PostgreSQL's migrations) before they run: the app core is
// created synchronously (the CLI, Electron and the tests call it so), its services get their store at once, and a call
// made before the migrations are applied waits for them. Once they are, every call goes straight through.
import type { AsyncRepos, AsyncStore } from './repos/index';

export function afterReady<S extends AsyncStore>(inner: S, ready: Promise<void>): AsyncStore & { kind: S['kind'] } {
  let open = false;
  ready.then(
    () => (open = true),
    () => undefined, // whoever awaits `ready` sees the failure; every call here is refused with it
  );
  // `inner.repos` is read at call time: PostgreSQL's follows the transaction of the calling async context.
  const repos = new Proxy({} as AsyncRepos, {
    get(_t, area: string) {
      if (open) return inner.repos[area as keyof AsyncRepos];
      return new Proxy(
        {},
        {
          get(_m, method: string) {
            return (...args: unknown[]) =>
              ready.then(() => {
                const repo = inner.repos[area as keyof AsyncRepos] as unknown as Record<
                  string,
                  (...a: unknown[]) => Promise<unknown>
                >;
                return repo[method]!(...args);
              });
          },
        },
      );
    },
  });
  return {
    kind: inner.kind,
    repos,
    tx: async (fn) => {
      if (!open) await ready;
      return inner.tx(fn);
    },
    close: async () => {
      await ready.catch(() => undefined);
      await inner.close();
    },
  };
}
