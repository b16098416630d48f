// The renderer's one door to the app core. Electron's preload API when present, the loopback HTTP
// bridge otherwise (or the LAN host's, docs/rules.md §12) — the same contract either way.
import type { Api, ChannelName, Input, Output, Reply } from '../../shared/contract';
import { emitLive, isReachable, noteCall, noteStream, onLive, onReachableChange, type LiveMessage } from './connection';
import { deskToken, httpBridge, isHostMode, setDeskToken } from './http';
import { noteErrorCode } from './session';

export { onSessionLost, sessionToken, setSessionToken } from './session';

declare global {
  interface Window {
    aslm?: Api;
  }
}

export const bridge: Api = typeof window !== 'undefined' && window.aslm ? window.aslm : httpBridge();
export const platformName: 'electron' | 'browser' =
  typeof window !== 'undefined' && window.aslm ? 'electron' : 'browser';
export { isHostMode, deskToken, setDeskToken, isReachable, onReachableChange, onLive, type LiveMessage };

const unpairedFns = new Set<() => void>();
/** Host mode: called when the host refuses this desk (never paired, or removed): the pairing screen shows. */
export function onUnpaired(fn: () => void): () => void {
  unpairedFns.add(fn);
  return () => unpairedFns.delete(fn);
}

/** Calls a channel; the reply is the output or a typed error (never throws for app errors). */
export async function invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<Reply<Output<C>>> {
  const r = await bridge.invoke(channel, input);
  if (!r.ok) noteErrorCode(r.error.code); // a session that ended sends the app back to the sign-in screen
  noteCall(r.ok || r.error.code !== 'NETWORK');
  if (!r.ok && r.error.code === 'DESK_NOT_PAIRED') for (const f of unpairedFns) f();
  return r;
}

let stopLive: (() => void) | null = null;
/** Starts the live updates (once); the screens listen with onLive. */
export function startLive(): void {
  if (stopLive || !bridge.subscribe) return;
  stopLive = bridge.subscribe(emitLive, noteStream);
}
/** "Retry now": reconnects at once instead of waiting for the next backoff step, and tries a call. */
export async function retryNow(): Promise<void> {
  if (stopLive) {
    stopLive();
    stopLive = null;
    startLive();
  }
  await invoke('shell.status', {});
}

/** Like invoke, but throws an AppCallError (with the typed error) instead of returning it. */
export class AppCallError extends Error {
  constructor(readonly error: Extract<Reply<unknown>, { ok: false }>['error']) {
    super(error.code);
  }
}
export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new AppCallError(r.error);
  return r.value;
}
