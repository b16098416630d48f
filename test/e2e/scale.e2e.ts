// 250,000 leads in the browser: the biggest list view opens, sorts, searches, pages and opens a lead
// without a visible stall. Uses BENCH_DB (a database built by `npm run bench`, copied — never written)
// or bench-results/bench-250000.sqlite when present; otherwise the one the run's global setup is building in
// the background (test/e2e/scaleDb.ts), or builds it here when no build is under way.
import { test as base, expect } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { startWebServer } from '../../electron/web/server';
import { shot } from './fixtures';
import { buildScaleDb, SCALE_DB, SCALE_LEADS, SCALE_NOW } from './scaleDb';
import { showWholePage } from './layout';
import { leadsIn } from '../support/leadsIn';

const here = dirname(fileURLToPath(import.meta.url));
const NOW = SCALE_NOW;
const LEADS = SCALE_LEADS;
/** What a desk user would notice as a stall, including the round trip and the render. */
const STALL_MS = 1500;

base.setTimeout(15 * 60_000);

/** Waits while the global setup's background build is under way (its `.part` file keeps growing). */
async function backgroundBuild(): Promise<void> {
  const part = `${SCALE_DB}.part`;
  let size = -1;
  let still = 0;
  while (!existsSync(SCALE_DB) && existsSync(part)) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = existsSync(part)
      ? statSync(part).size + (existsSync(`${part}-wal`) ? statSync(`${part}-wal`).size : 0)
      : 0;
    still = now === size ? still + 1 : 0;
    size = now;
    if (still >= 30) return; // a minute without progress: the build died; build here
  }
}

base('250,000 leads: open, sort, search, page and open a lead without a stall', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-scale-'));
  const dbPath = join(dir, 'aslm.sqlite');
  const source = process.env.BENCH_DB ?? resolve(here, `../../bench-results/bench-${LEADS}.sqlite`);
  const clock = testClock(NOW);
  if (existsSync(source)) copyFileSync(source, dbPath);
  else {
    await backgroundBuild();
    if (!existsSync(SCALE_DB)) await buildScaleDb(SCALE_DB);
    copyFileSync(SCALE_DB, dbPath);
  }
  const core = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome', log: () => undefined });
  const web = await startWebServer({
    core,
    staticDir: resolve(here, '../../dist/renderer'),
    port: 0,
    testClock: clock,
  });
  try {
    expect(leadsIn(dbPath)).toBeGreaterThanOrEqual(LEADS);
    const rows = page.locator('[data-testid="lead-table"] tbody tr');
    const timed = async (label: string, act: () => Promise<unknown>, done: () => Promise<unknown>) => {
      const t = Date.now();
      await act();
      await done();
      const ms = Date.now() - t;
      console.log(`${label}: ${ms} ms`);
      expect(ms, label).toBeLessThan(STALL_MS);
    };
    await page.goto(`${web.url}#/list/assigned`);
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    await timed(
      'open Closed No Sale',
      () => page.getByTestId('nav-closed_no_sale').click(),
      () => expect(page.getByTestId('list-summary')).toContainText(/1\d\d[\s,.\u202f]?\d\d\d/),
    );
    await showWholePage(page);
    await expect(rows).toHaveCount(50);
    const before = await rows.first().getAttribute('data-lead-id');
    await timed(
      'sort by name',
      () => page.getByTestId('sort-name').click(),
      () => expect(rows.first()).not.toHaveAttribute('data-lead-id', before ?? ''),
    );
    await timed(
      'sort by name, descending',
      () => page.getByTestId('sort-name').click(),
      () => expect(page.locator('th[aria-sort="descending"]')).toHaveCount(1),
    );
    await timed(
      'sort by days from creation',
      () => page.getByTestId('sort-daysFromCreation').click(),
      () => expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1),
    );
    const total = await page.getByTestId('list-summary').innerText();
    await timed(
      'search "ros"',
      () => page.getByTestId('list-search').fill('ros'),
      () => expect(page.getByTestId('list-summary')).not.toHaveText(total),
    );
    await shot(page, 'scale-250k-search');
    await page.getByTestId('list-search').fill('');
    await expect(page.getByTestId('list-summary')).toHaveText(total);
    await timed(
      'page 2',
      () => page.locator('.mantine-Pagination-control').filter({ hasText: /^2$/ }).click(),
      () => expect(rows.first()).toBeVisible(),
    );
    await page.getByTestId('lead-table').focus();
    await page.keyboard.press('ArrowDown');
    await timed(
      'open a lead with Enter',
      () => page.keyboard.press('Enter'),
      () => expect(page.getByTestId('lead-page')).toBeVisible(),
    );
    await shot(page, 'scale-250k-lead');
  } finally {
    await web.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
