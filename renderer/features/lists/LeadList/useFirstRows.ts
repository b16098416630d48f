// The list shows the rows in view: when it mounts, the rows the window can hold; the rest of the page (50 to 200
// rows) when the user scrolls to them, moves the selection past them, or prints. Rendering and laying out rows nobody
// sees was a third of the start-up's work, and the rest of the page rendered right after the first paint still held
// the page for ~100–200 ms just when the desk wants to click (measured, issue 16). Once shown, a page's rows all stay
// shown (another page, a sort, a search).
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * A one-line row's height (a badge with the table's 6 px padding: 38 px measured; rows whose text wraps, as at
 * 1366–1400 px wide, are 56–63 px). Fewer rows than fit would show at once that the last one is in view, and the rest
 * of the page then follows: the guess costs a second render when wrong, never a blank screen.
 */
const ROW_PX = 36;
/** What is above the first row: the header, the list's toolbar, the column titles (197–249 px measured). */
const ABOVE_ROWS_PX = 190;

/** The rows a window of this height can show (and one more), at least 10. */
export function rowsInView(windowHeight: number): number {
  return Math.max(10, Math.ceil((windowHeight - ABOVE_ROWS_PX) / ROW_PX) + 1);
}

/**
 * How many of the page's rows to render. `body`: the table's body (its last row is watched: when it comes into the
 * window, the rest follow); `rows`: the page's rows (another page, view or order: its last shown row is watched);
 * `selected`: the selected row (moving past the shown rows shows them all).
 */
export function useFirstRows(
  body: RefObject<HTMLTableSectionElement | null>,
  rows: readonly unknown[],
  selected: number,
): number {
  const [limit, setLimit] = useState(() => rowsInView(typeof window === 'undefined' ? 0 : window.innerHeight));
  const all = limit === Infinity;
  if (!all && selected >= limit) setLimit(Infinity);
  const hidden = !all && rows.length > limit;
  useEffect(() => {
    if (!hidden) return;
    const last = body.current?.lastElementChild;
    if (!last || typeof IntersectionObserver !== 'function') {
      setLimit(Infinity);
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit(Infinity);
    });
    io.observe(last);
    // Printing from the browser prints the whole page.
    const beforePrint = () => flushSync(() => setLimit(Infinity));
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      io.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, [hidden, body, limit, rows]);
  return limit;
}
