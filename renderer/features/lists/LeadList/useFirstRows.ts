// The list's first render, when the app starts, shows the rows a screen can hold; the rest of the page follows as
// soon as the browser is idle, or at once when the user scrolls or moves the selection past them (a page has 50 to
// 200 rows; 1366×768 shows about 12, 1920×1080 about 20). Rendering and laying out the rows nobody can see yet was a
// third of the start-up's work, done before anything could be clicked. Later renders (another page, a sort, a search)
// show every row at once.
import { startTransition, useEffect, useState } from 'react';

/** Rows rendered with the screen on the app's first render. */
export const FIRST_ROWS = 24;
/** The longest the rest of the page waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1_000;

/** How many rows to render; `selected`: the selected row's index (moving past the first rows shows them all). */
export function useFirstRows(selected: number): number {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const all = limit === Infinity;
  if (!all && selected >= limit) setLimit(Infinity);
  useEffect(() => {
    if (all) return;
    const show = () => startTransition(() => setLimit(Infinity));
    const idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS })
        : setTimeout(show, 200);
    window.addEventListener('scroll', show, { once: true, passive: true });
    return () => {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle as number);
      else clearTimeout(idle);
      window.removeEventListener('scroll', show);
    };
  }, [all]);
  return limit;
}
