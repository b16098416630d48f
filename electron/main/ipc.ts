// IPC registration: one channel `aslm:invoke` carrying (contract channel, input). The sender frame must
// be the main frame of our window showing our renderer; the dispatcher then refuses unknown channels and
// parses the input by the contract.
import type { Dispatch } from '../core/dispatch';
import { isTrustedSender, type FrameLike } from './guards';

export const IPC_CHANNEL = 'aslm:invoke';

/** What the handler reads of Electron's IpcMainInvokeEvent. */
export interface IpcEventLike {
  senderFrame?: FrameLike | null;
  sender?: { mainFrame?: FrameLike | null } | null;
}

export interface IpcMainLike {
  handle(channel: string, fn: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/**
 * `window` (when given) names the one web contents allowed to call: an IPC from any other one (a second window, a
 * devtools extension page) is refused even if it shows app://.
 */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, window?: () => unknown): void {
  ipcMain.handle(IPC_CHANNEL, async (event, channel, input) => {
    const fromOurWindow = !window || (event.sender != null && event.sender === window());
    if (!fromOurWindow || !isTrustedSender(event.senderFrame, event.sender?.mainFrame))
      return { ok: false, error: { code: 'FORBIDDEN_SENDER' } };
    return dispatch(typeof channel === 'string' ? channel : '', input, { transport: 'ipc' });
  });
}
