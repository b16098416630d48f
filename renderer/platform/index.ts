// The renderer's one door to the app core. Electron's preload API when present, the loopback HTTP
// bridge otherwise — the same contract either way.
import type { Api, ChannelName, Input, Output, Reply } from '../../shared/contract';
import { httpBridge } from './http';
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

/** Calls a channel; the reply is the output or a typed error (never throws for app errors). */
export async function invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<Reply<Output<C>>> {
  const r = await bridge.invoke(channel, input);
  if (!r.ok) noteErrorCode(r.error.code); // a session that ended sends the app back to the sign-in screen
  return r;
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
