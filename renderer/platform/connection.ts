// Whether the app reaches its core (docs/rules.md §12): a call that failed with NETWORK or a dropped live-update
// stream means "cannot be reached"; a successful call or the stream back means reached again — then every
// screen listening re-reads what it shows (a `resync` message).
import type { PushMessage } from '../../shared/contract/host';

export type LiveMessage = PushMessage | { type: 'resync'; at: number };

let callFailed = false;
let streamDown = false;
const stateFns = new Set<() => void>();
const pushFns = new Set<(m: LiveMessage) => void>();

export const isReachable = () => !callFailed && !streamDown;

function update(fn: () => void): void {
  const before = isReachable();
  fn();
  const after = isReachable();
  if (before === after) return;
  for (const f of stateFns) f();
  if (after) emitLive({ type: 'resync', at: Date.now() });
}

export const noteCall = (reached: boolean) =>
  update(() => {
    callFailed = !reached;
  });
export const noteStream = (s: 'connected' | 'reconnecting') =>
  update(() => {
    streamDown = s === 'reconnecting';
  });

export function onReachableChange(fn: () => void): () => void {
  stateFns.add(fn);
  return () => stateFns.delete(fn);
}

export function emitLive(m: LiveMessage): void {
  for (const f of pushFns) {
    try {
      f(m);
    } catch {
      /* a screen's refresh never breaks the others */
    }
  }
}

export function onLive(fn: (m: LiveMessage) => void): () => void {
  pushFns.add(fn);
  return () => pushFns.delete(fn);
}
