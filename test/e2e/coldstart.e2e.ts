// Cold start: the lead list must not wait for the whole app. The start-up bundle carries the lists and English;
// the other screens (KPI charts, import, settings…) and languages are chunks loaded on first use.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Sums the bytes of every script the page loads from now on. */
function scriptBytes(page: Page): { total: () => number; urls: string[] } {
  let total = 0;
  const urls: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    urls.push(r.url());
    void r.body().then(
      (b) => {
        total += b.length;
      },
      () => undefined,
    );
  });
  return { total: () => total, urls };
}

test('the list route loads well under the old 1.7 MB of JS; KPI charts and other languages come on demand', async ({
  page,
  app,
}) => {
  const r = await app.core.dispatch('demo.load', { leads: 50 }, { transport: 'test' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const js = scriptBytes(page);
  // The start-up reads (renderer/app/boot.ts) go out in one call, shell.boot, the list's first page and its next steps
  // included: the screens take them from it instead of asking again after a first empty render.
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/invoke')) calls.push((r.postDataJSON() as { channel: string }).channel);
  });
  // Nothing in the console at start (a library's advert was printed at every start).
  const logged: string[] = [];
  page.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
  await page.goto(app.url);
  const row = page.locator('[data-testid="lead-table"] tbody tr').first();
  await expect(row).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(logged).toEqual([]);
  expect(calls.filter((c) => c === 'shell.boot')).toHaveLength(1);
  expect(calls[0]).toBe('shell.boot');
  for (const channel of [
    'auth.status',
    'settings.get',
    'app.info',
    'leads.counts',
    'desk.listPrefs.get',
    'leads.list',
    'playbook.steps',
    'notifications.list',
  ])
    expect(
      calls.filter((c) => c === channel),
      channel,
    ).toHaveLength(0);
  const initial = js.total();
  expect(initial).toBeGreaterThan(100_000);
  expect(initial, `initial JS ${initial} bytes`).toBeLessThan(800_000);
  const initialCount = js.urls.length;

  // The KPI screen brings its own chunk (the charts): it was not part of the list's bytes.
  await page.getByTestId('nav-kpi').click();
  await expect(page.getByTestId('kpi-trend')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(js.urls.length).toBeGreaterThan(initialCount);
  expect(js.total() - initial).toBeGreaterThan(200_000);

  // Another language is loaded when chosen, and the screen is translated.
  await page.getByTestId('nav-assigned').click();
  const before = js.urls.length;
  await page.getByTestId('language-switch').getByText('IT', { exact: true }).click();
  await expect(page.getByTestId('list-title')).toHaveText('Assegnato al Concessionario');
  expect(js.urls.length).toBeGreaterThan(before);
});

test('the list shows the rows in view first; scrolling to them shows the rest of the page', async ({ page, app }) => {
  const r = await app.core.dispatch('demo.load', { leads: 400 }, { transport: 'test' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const c = await app.core.dispatch('leads.counts', {}, { transport: 'test' });
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  // The view with the most leads, opened cold.
  const [view, count] = Object.entries((c.value as { counts: Record<string, number> }).counts).sort(
    (a, b) => b[1] - a[1],
  )[0]!;
  const expected = Math.min(50, count);
  await page.goto(`${app.url}#/list/${view}`);
  const rows = page.locator('[data-testid="lead-table"] tbody tr');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBeLessThan(expected); // 900 px show about 12 rows: the first render has 20, not the page's 50
  // Its last row is below the window (else the rest would follow at once).
  const last = (await rows.last().boundingBox())!;
  expect(last.y).toBeGreaterThan(page.viewportSize()!.height);
  // Scrolling to it shows the rest, in the page's order; the last one usable like the first.
  await rows.last().scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(expected);
  await rows.last().click();
  await expect(rows.last()).toHaveAttribute('data-selected', 'true');
  // The keyboard reaches them too: a new visit, then the selection moved past the first rows shows them all.
  await page.goto('about:blank');
  await page.goto(`${app.url}#/list/${view}`);
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(shown);
  await rows.first().click();
  for (let i = 0; i < shown; i++) await page.keyboard.press('ArrowDown');
  await expect(rows).toHaveCount(expected);
  await expect(rows.nth(shown)).toHaveAttribute('data-selected', 'true');
});
