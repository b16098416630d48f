// Live updates in React (docs/rules.md §12): screens re-read what they show when the core says something changed,
// a burst of changes (an import, a sweep) coalesced into one re-read after 200 ms; and whether the core is reached.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { isReachable, onLive, onReachableChange, startLive, type LiveMessage } from '../platform';

export const LIST_EVENTS = new Set(['lead.created', 'lead.changed', 'lead.assigned', 'leads.imported', 'sweep.done']);
/** A change that can move a lead between lists or change a count (or the connection came back). */
export const listChanged = (m: LiveMessage) => m.type === 'resync' || LIST_EVENTS.has(m.type);

/** Calls `refresh` (debounced) after each message `match` accepts. */
export function useLiveRefresh(match: (m: LiveMessage) => boolean, refresh: () => void, delayMs = 200): void {
  const fn = useRef(refresh);
  const accept = useRef(match);
  fn.current = refresh;
  accept.current = match;
  useEffect(() => {
    startLive();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onLive((m) => {
      if (!accept.current(m)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fn.current();
      }, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}

/** False while the core (the host, in host mode) cannot be reached. */
export function useReachable(): boolean {
  return useSyncExternalStore(onReachableChange, isReachable, () => true);
}
