// IPC registration: one channel `aslm:invoke` carrying (contract channel, input). The sender frame must
// be our renderer; the dispatcher then refuses unknown channels and parses the input by the contract.
import type { Dispatch } from '../core/dispatch';
import { isTrustedSender } from './guards';

export const IPC_CHANNEL = 'aslm:invoke';

export interface IpcMainLike {
  handle(channel: string, fn: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  ipcMain.handle(IPC_CHANNEL, async (event, channel, input) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { code: 'FORBIDDEN_SENDER' } };
    return dispatch(typeof channel === 'string' ? channel : '', input, { transport: 'ipc' });
  });
}
