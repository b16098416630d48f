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

export function createDeskLink(cfg: DeskConfig, sessionToken?: () => string | null | undefined): DeskLink {
  const client = createHostClient({
    url: cfg.hostUrl,
    fingerprint: cfg.fingerprint,
    deskToken: cfg.deskToken,
    sessionToken,
  });
  return {
    dispatch: (channel, input) => client.invoke(channel, input),
    subscribe: (onMessage, onState) => client.subscribe(onMessage, onState),
  };
}
