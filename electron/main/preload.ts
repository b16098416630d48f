// The preload: exposes the contract-typed API to the renderer, nothing else. Checked against the
// contract's Api type with `satisfies` (no hand-kept .d.ts). Live updates (docs/rules.md §12) come from main
// on two channels: the messages and the stream's state.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api } from '../../shared/contract';
import type { PushMessage } from '../../shared/contract/host';

const api = {
  invoke: (channel, input) => ipcRenderer.invoke('aslm:invoke', channel, input),
  subscribe: (onMessage, onState) => {
    const m = (_e: IpcRendererEvent, msg: PushMessage) => onMessage(msg);
    const s = (_e: IpcRendererEvent, st: 'connected' | 'reconnecting') => onState(st);
    ipcRenderer.on('aslm:push', m);
    ipcRenderer.on('aslm:pushState', s);
    return () => {
      ipcRenderer.off('aslm:push', m);
      ipcRenderer.off('aslm:pushState', s);
    };
  },
} satisfies Api;

contextBridge.exposeInMainWorld('aslm', api);
