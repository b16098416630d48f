// Text-based layout checks for the screenshot tests: no badge cuts its text, the lead table fits the window.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
type Dict = Record<string, unknown>;
const ns = (lang: string, name: string): Dict =>
  JSON.parse(readFileSync(resolve(here, `../../locales/${lang}/${name}.json`), 'utf8')) as Dict;
const at = (d: Dict, path: string): string => path.split('.').reduce<unknown>((o, k) => (o as Dict)[k], d) as string;

/** The full labels the badges must show in a language: status, next step, and the SLA badge's prefix. */
export function badgeLabels(lang: string) {
  const domain = ns(lang, 'domain'),
    playbook = ns(lang, 'playbook'),
    app = ns(lang, 'app');
  return {
    status: (s: string) => at(domain, `status.${s}`),
    step: (k: string) => at(playbook, `kind.${k}`),
    sla: (k: 'sla1' | 'sla2') => at(app, `sla.${k}Short`),
  };
}

export interface BadgeReport {
  text: string;
  status?: string;
  kind?: string;
  sla?: string;
  cut: boolean;
}

/** Every visible badge of the page: its text (the DOM's, not the pixels) and whether its box cuts it. */
export async function badges(page: Page, scope = 'body'): Promise<BadgeReport[]> {
  return page
    .locator(scope)
    .first()
    .evaluate((root) => {
      const out: { text: string; status?: string; kind?: string; sla?: string; cut: boolean }[] = [];
      for (const b of root.querySelectorAll<HTMLElement>('.mantine-Badge-root')) {
        if (b.offsetParent === null) continue; // hidden
        const label = b.querySelector<HTMLElement>('.mantine-Badge-label') ?? b;
        const text = (label.textContent ?? '').trim();
        const over = (e: HTMLElement) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
        const ellipsis = getComputedStyle(label).textOverflow === 'ellipsis' && label.scrollWidth > label.clientWidth;
        out.push({
          text,
          status: b.dataset.status,
          kind: b.dataset.kind,
          sla: b.dataset.sla,
          cut: over(label) || over(b) || ellipsis || text.endsWith('…'),
        });
      }
      return out;
    });
}

/** The lead table's right edge and its last column's, against the window's width (no horizontal scrolling needed). */
export async function tableFit(
  page: Page,
): Promise<{ table: number; lastColumn: string | null; lastRight: number; window: number; scrolls: boolean }> {
  return page.getByTestId('lead-table').evaluate((t) => {
    const ths = t.querySelectorAll<HTMLElement>('thead th');
    const last = ths[ths.length - 1] ?? null;
    const scroller = t.closest<HTMLElement>('.mantine-ScrollArea-viewport');
    return {
      table: t.getBoundingClientRect().right,
      lastColumn: last?.dataset.column ?? null,
      lastRight: last?.getBoundingClientRect().right ?? 0,
      window: document.documentElement.clientWidth,
      scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false,
    };
  });
}

/**
 * No badge of the page cuts its text, and the status, next-step and SLA badges show their full translated label
 * (compared with the locale files, not with pixels). Returns how many badges were checked.
 */
export async function checkBadges(
  page: Page,
  lang: string,
  scope = 'body',
): Promise<{ checked: number; problems: string[] }> {
  const L = badgeLabels(lang);
  const problems: string[] = [];
  const all = await badges(page, scope);
  for (const b of all) {
    if (b.cut) problems.push(`cut: "${b.text}"`);
    if (b.status && !(b.text === L.status(b.status) || b.text === `${L.status(b.status)} 🔒`))
      problems.push(`status ${b.status}: "${b.text}"`);
    if (b.kind && b.text !== L.step(b.kind)) problems.push(`step ${b.kind}: "${b.text}"`);
    if (b.sla && !b.text.startsWith(L.sla('sla1')) && !b.text.startsWith(L.sla('sla2')))
      problems.push(`sla: "${b.text}"`);
  }
  return { checked: all.length, problems };
}

/**
 * A list shows the rows in view first (useFirstRows.ts): scrolls to its last row, so that the whole page is shown.
 * Tried again while the list is still rendering (a new page size or order replaces the rows: the last one found can
 * be detached before the scroll).
 */
export async function showWholePage(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByTestId('lead-table').locator('tbody tr').last().scrollIntoViewIfNeeded({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}
