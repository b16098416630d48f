// The SLA & KPI dashboard: figures for a period, and a missed SLA 1 figure clicked through to exactly its leads.
import { sla1State } from '../../shared/rules/sla';
import { LEAD_SELECT, rowToLead } from '../../electron/store/leadRow';
import type { Dashboard } from '../../shared/contract/kpi';
import { expect, shot, test } from './fixtures';

test('dashboard → click the missed SLA 1 figure → exactly those leads', async ({ page, app }) => {
  const loaded = await app.core.dispatch('demo.load', { leads: 900, seed: 5 }, { transport: 'test' });
  expect(loaded.ok).toBe(true);
  const r = await app.core.dispatch('kpi.dashboard', { period: 'last-week' }, { transport: 'test' });
  if (!r.ok) throw new Error('dashboard failed');
  const d = r.value as Dashboard;
  expect(d.totals.sla1.missed).toBeGreaterThan(0);

  await page.goto(`${app.url}#/kpi?period=last-week`);
  await expect(page.getByTestId('kpi-title')).toHaveText('SLA & KPI');
  await expect(page.getByTestId('fig-sla1-missed')).toHaveText(String(d.totals.sla1.missed));
  await expect(page.getByTestId('fig-sla1-met')).toHaveText(String(d.totals.sla1.met));
  await expect(page.getByTestId('sla-light-sla1')).toHaveAttribute('data-light', /green|amber|red/);
  await expect(page.getByTestId('kpi-trend').locator('.recharts-surface').first()).toBeVisible();
  await shot(page, 'kpi-dashboard-en');

  await page.getByTestId('fig-sla1-missed').click();
  await expect(page).toHaveURL(/#\/kpi\/leads\?f=/);
  await expect(page.getByTestId('kpi-leads-title')).toHaveText('SLA 1 missed');
  await expect(page.getByTestId('kpi-leads-total')).toHaveAttribute('data-total', String(d.totals.sla1.missed));
  const rows = page.locator('[data-testid="kpi-lead-table"] tbody tr');
  await expect(rows).toHaveCount(Math.min(50, d.totals.sla1.missed));
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-number')!));
  // Every lead shown was assigned last week and missed SLA 1 as of the week's end — by the pure rule.
  const rules = app.core.settings.rules();
  const all = (
    app.core.store!.sqlite.prepare(`SELECT ${LEAD_SELECT} FROM leads`).all() as Record<string, unknown>[]
  ).map(rowToLead);
  const expected = all.filter(
    (l) => l.assignedAt >= d.period.from && l.assignedAt < d.period.to && sla1State(l, d.period.at, rules) === 'missed',
  );
  expect(expected.length).toBe(d.totals.sla1.missed);
  const expectedNumbers = new Set(expected.map((l) => l.number));
  for (const n of shown) expect(expectedNumbers.has(n)).toBe(true);
  expect(new Set(shown).size).toBe(shown.length);
  await shot(page, 'kpi-click-through-en');

  // Back to the dashboard, same period; then a custom range.
  await page.getByTestId('kpi-back').click();
  await expect(page).toHaveURL(/#\/kpi\?period=last-week$/);
  await expect(page.getByTestId('fig-sla1-missed')).toBeVisible();
  await page.getByTestId('kpi-period').getByText('Custom').click();
  await expect(page).toHaveURL(/#\/kpi\?period=\d{4}-\d{2}-01\.\.\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('kpi-range')).toBeVisible();
  await expect(page.getByTestId('kpi-period-text')).toContainText(/01\/\d{2}\/\d{4} – /); // the range in the user's format
});

test('the report downloads as a PDF; the dashboard speaks Italian', async ({ page, app }) => {
  await app.core.dispatch('demo.load', { leads: 300, seed: 9 }, { transport: 'test' });
  await page.goto(`${app.url}#/kpi?period=this-month`);
  await expect(page.getByTestId('fig-sla1-met')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  expect(download.suggestedFilename()).toBe('aslm-report-2026-11.pdf');
  await page.getByTestId('language-switch').getByText('IT', { exact: true }).click();
  await expect(page.getByTestId('sla-card-sla1')).toContainText('SLA 1 – primo contatto entro 24 ore');
  await shot(page, 'kpi-dashboard-it');
});

test('several sites: each site a row and the total, a site chosen shows its figures and its leads', async ({
  page,
  app,
}) => {
  await app.core.dispatch('demo.load', { leads: 600, seed: 13 }, { transport: 'test' });
  const db = app.core.store!.sqlite;
  const milano = Number(
    db.prepare("INSERT INTO sites (code, name, created_at) VALUES ('MI', 'Milano', 0)").run().lastInsertRowid,
  );
  db.prepare('UPDATE leads SET site_id = ? WHERE id % 2 = 0').run(milano);
  const dash = async (siteId: number | null) => {
    const r = await app.core.dispatch('kpi.dashboard', { period: 'last-week', siteId }, { transport: 'test' });
    if (!r.ok) throw new Error('dashboard failed');
    return r.value as Dashboard;
  };
  const all = await dash(null);
  const mi = await dash(milano);
  expect(all.sites!.bySite.reduce((a, r) => a + r.assigned, 0)).toBe(all.totals.assigned);

  await page.goto(`${app.url}#/kpi?period=last-week`);
  await expect(page.getByTestId('kpi-sites')).toBeVisible();
  await expect(page.getByTestId(`site-${milano}-name`)).toHaveText('Milano');
  await expect(page.getByTestId(`site-${milano}-assigned`)).toHaveText(String(mi.totals.assigned));
  await expect(page.getByTestId('site-total-assigned')).toHaveText(String(all.totals.assigned));
  await shot(page, 'kpi-sites-en');

  // All sites' figure → its leads, each with its site's code (even ids are Milano's).
  await page.getByTestId('fig-sla1-met').click();
  await expect(page.getByTestId('kpi-leads-total')).toHaveAttribute('data-total', String(all.totals.sla1.met));
  const firstRow = page.locator('[data-testid="kpi-lead-table"] tbody tr').first();
  const id = Number(await firstRow.getAttribute('data-lead-id'));
  const first = (db.prepare('SELECT code FROM sites WHERE id = 1').get() as { code: string }).code;
  await expect(firstRow.locator('td[data-column="site"]')).toHaveText(id % 2 === 0 ? 'MI' : first);
  if (id % 2 === 0) await expect(firstRow.locator('td[data-column="site"] span')).toHaveAttribute('title', 'Milano');
  await page.goBack();

  await page.getByTestId(`site-${milano}-name`).click();
  await expect(page.getByTestId('kpi-sites')).toHaveCount(0);
  await expect(page.getByTestId('kpi-site-picker')).toHaveValue('Milano');
  await expect(page.getByTestId('fig-sla1-met')).toHaveText(String(mi.totals.sla1.met));
  await page.getByTestId('fig-sla1-met').click();
  await expect(page).toHaveURL(/#\/kpi\/leads\?f=/);
  await expect(page.getByTestId('kpi-leads-total')).toHaveAttribute('data-total', String(mi.totals.sla1.met));
});
