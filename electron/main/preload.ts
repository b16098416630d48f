// The preload: exposes the contract-typed API to the renderer, nothing else. Checked against the
// contract's Api type with `satisfies` (no hand-kept .d.ts).
import { contextBridge, ipcRenderer } from 'electron';
import type { Api } from '../../shared/contract';

const api = {
  invoke: (channel, input) => ipcRenderer.invoke('aslm:invoke', channel, input),
} satisfies Api;

contextBridge.exposeInMainWorld('aslm', api);
