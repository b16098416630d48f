// The Electron desk's dispatch (docs/rules.md §12): the renderer's calls go to the host through the pinned host
// client, so the renderer keeps its one code path (preload → IPC → dispatch). No database is opened here.
import type { Dispatch } from '../dispatch';
import type { PushMessage } from '../../../shared/contract/host';
import type { DeskConfig } from './deskConfig';
import { createHostClient, type PushState } from './hostClient';

export interface DeskLink {
  dispatch: Dispatch;
  /** Starts the live updates; returns the stop function. */
  subscribe(onMessage: (m: PushMessage) => void, onState: (s: PushState) => void): () => void;
}

const SESSION_GONE = new Set(['SIGN_IN_REQUIRED', 'SESSION_EXPIRED']);

/**
 * The desk's calls through the pinned client. The sign-in session (docs/rules.md §12.2) is held here, in the main
 * process, not by the page: taken from a successful `auth.signIn`, sent with every later call and the live updates,
 * dropped at `auth.signOut` or when the host says the session is gone.
 */
export function createDeskLink(cfg: DeskConfig, opts: { leave?: () => void } = {}): DeskLink {
  let session: string | null = null;
  const client = createHostClient({
    url: cfg.hostUrl,
    fingerprint: cfg.fingerprint,
    deskToken: cfg.deskToken,
    sessionToken: () => session,
  });
  return {
    dispatch: async (channel, input) => {
      // Leaving the host is this PC's own business (its desk.json), allowed to a manager signed in on the host, or
      // to anyone once the host has removed this desk.
      if (channel === 'desk.leaveHost') {
        if (!opts.leave) return { ok: false, error: { code: 'DESK_CONNECT_UNAVAILABLE' } };
        const who = await client.invoke('auth.status', {});
        // The host removed this desk: it has no access left to protect, it may go back to being a single PC.
        if (!who.ok && who.error.code === 'DESK_NOT_PAIRED') {
          opts.leave();
          return { ok: true, value: { left: true } };
        }
        if (!who.ok) return who;
        const user = (who.value as { user: { roles: string[] } | null }).user;
        if (!user) return { ok: false, error: { code: 'SIGN_IN_REQUIRED' } };
        if (!user.roles.includes('manager')) return { ok: false, error: { code: 'FORBIDDEN', params: { channel } } };
        opts.leave();
        return { ok: true, value: { left: true } };
      }
      const r = await client.invoke(channel, input);
      if (r.ok && channel === 'auth.signIn') session = (r.value as { token: string }).token;
      else if (channel === 'auth.signOut' || (!r.ok && SESSION_GONE.has(r.error.code))) session = null;
      return r;
    },
    subscribe: (onMessage, onState) => client.subscribe(onMessage, onState),
  };
}
