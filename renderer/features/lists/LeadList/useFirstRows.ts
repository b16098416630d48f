// The list's first render, when the app starts, shows the rows a screen can hold; the rest of the page follows right
// after that first paint (a page has 50 to 200 rows; 1366×768 shows about 12, 1920×1080 about 20). Rendering and
// laying out the rows nobody can see yet was a third of the start-up. Later renders (another page, a sort, a search)
// show every row at once.
import { startTransition, useEffect, useState } from 'react';

/** Rows rendered with the screen on the app's first render. */
export const FIRST_ROWS = 24;

export function useFirstRows(): number {
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (limit === Infinity) return;
    // After the browser has painted the first rows (a frame, then a task).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setLimit(Infinity)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [limit]);
  return limit;
}
