// The lead lists at the desk's size (1366×768): columns the person hides, reorders and resizes, and the page size,
// remembered in the core per person; the list's search, sort, filter and page kept in the address across opening a
// lead and coming back; the closed lists' order as their caption says; dates with four-digit years everywhere.
import type { Page } from '@playwright/test';
import type { ListPrefs } from '../../shared/contract/lists';
import { LANGUAGES } from '../../shared/domain/vocabulary';
import { expect, shot, test, type AppFixture } from './fixtures';
import { showWholePage } from './layout';

test.use({ viewport: { width: 1366, height: 768 } });

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const headers = (page: Page) =>
  page
    .locator('[data-testid="lead-table"] thead th')
    .evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.column));
const rows = (page: Page) => page.getByTestId('lead-table').locator('tbody tr');
const firstIds = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.slice(0, 5).map((t) => (t as HTMLElement).dataset.leadId));

test('columns hidden, moved and resized and the page size are remembered per person, in the core', async ({
  page,
  app,
}) => {
  await call(app, 'demo.load', { leads: 300 });
  const users = (
    await call<{ users: { id: number; name: string; active: boolean }[] }>(app, 'people.list', {})
  ).users.filter((u) => u.active);
  const [me, other] = [users[0]!, users[1]!];
  await call(app, 'people.switch', { userId: me.id });
  await call(app, 'settings.setLanguage', { language: 'en' });
  await page.goto(`${app.url}#/list/closed_sale`);
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(50);
  expect(await headers(page)).toEqual([
    'name',
    'createdAt',
    'status',
    'source',
    'campaign',
    'contactAttempts',
    'daysFromCreation',
    'assignee',
    'sla',
    'nextStep',
  ]);
  // Bold = customer-driven is explained: a legend under the table, and an icon (with its tooltip) beside each such name.
  await expect(page.getByTestId('list-legend')).toContainText('customer-driven');
  const cd = rows(page).locator('[data-customer-driven]');
  expect(await cd.count()).toBe(
    await page.locator('[data-testid="lead-table"] tbody tr[data-lead-type="customer_driven"]').count(),
  );

  await page.getByTestId('columns-menu').click();
  await page.getByTestId('column-shown-source').click();
  await page.getByTestId('column-up-sla').click();
  await page.getByTestId('column-up-sla').click();
  await expect(page.getByTestId('column-shown-name')).toBeDisabled(); // the name opens the lead: always shown
  await page.keyboard.press('Escape');
  expect(await headers(page)).toEqual([
    'name',
    'createdAt',
    'status',
    'campaign',
    'contactAttempts',
    'sla',
    'daysFromCreation',
    'assignee',
    'nextStep',
  ]);
  // Resize the name column from its header's edge, by dragging and with the keyboard.
  const th = page.locator('[data-testid="lead-table"] thead th[data-column="name"]');
  const before = (await th.boundingBox())!.width;
  const handle = (await page.getByTestId('resize-name').boundingBox())!;
  await page.mouse.move(handle.x + 3, handle.y + 5);
  await page.mouse.down();
  await page.mouse.move(handle.x + 60, handle.y + 5, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await th.boundingBox())!.width).toBeGreaterThan(before + 40);
  await page.getByTestId('resize-name').focus();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('page-size').click();
  await page.getByRole('option', { name: '25', exact: true }).click();
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(25);

  // Stored in the core for this person.
  await expect.poll(async () => (await call<ListPrefs>(app, 'desk.listPrefs.get', {})).pageSize).toBe(25);
  const saved = await call<ListPrefs>(app, 'desk.listPrefs.get', {});
  expect(saved.hidden).toEqual(['source']);
  expect(saved.order.indexOf('sla')).toBe(6); // two places up (the hidden source keeps its place)
  expect(saved.widths.name).toBeGreaterThan(before + 40);
  const width = (await th.boundingBox())!.width;
  await page.reload();
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(25);
  expect(await headers(page)).toEqual([
    'name',
    'createdAt',
    'status',
    'campaign',
    'contactAttempts',
    'sla',
    'daysFromCreation',
    'assignee',
    'nextStep',
  ]);
  expect(Math.abs((await th.boundingBox())!.width - width)).toBeLessThan(2);
  await shot(page, 'list-columns-custom-en');

  // A colleague at the desk has their own layout (the defaults), and back to me: mine again.
  await call(app, 'people.switch', { userId: other.id });
  await page.reload();
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(50);
  expect(await headers(page)).toContain('source');
  await call(app, 'people.switch', { userId: me.id });
  await page.reload();
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(25);
  expect(await headers(page)).not.toContain('source');
});

test('search, sort, filter and page survive opening a lead and coming back (link, Back button, reload)', async ({
  page,
  app,
}) => {
  await call(app, 'demo.load', { leads: 300 });
  await page.goto(`${app.url}#/list/closed_sale`);
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(50);
  await page.getByTestId('sort-name').click();
  await page.getByTestId('sort-name').click();
  await expect(page.locator('th[aria-sort="descending"]')).toHaveCount(1);
  await page.getByTestId('list-pagination').getByRole('button', { name: '2', exact: true }).click();
  await expect(page).toHaveURL(/#\/list\/closed_sale\?sort=name&dir=desc&page=2$/);
  const ids = await firstIds(page);
  // Open a lead, come back with the Back button: same order, same page, same rows.
  await rows(page).nth(2).locator('a').first().click();
  await expect(page.getByTestId('lead-page')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/list\/closed_sale\?sort=name&dir=desc&page=2$/);
  await expect(page.locator('th[data-column="name"][aria-sort="descending"]')).toHaveCount(1);
  await expect.poll(() => firstIds(page)).toEqual(ids);
  await expect(page.getByTestId('list-pagination').locator('[data-active]')).toHaveText('2');

  // A search and an assignee filter: kept too, and by a reload.
  const first = (await call<{ rows: { name: string }[] }>(app, 'leads.list', { view: 'closed_sale' })).rows[0]!.name;
  const last = first.split(' ').slice(1).join(' ');
  await page.getByTestId('list-search').fill(last);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(last).replace(/%20/g, '\\+')}`));
  await expect(page).not.toHaveURL(/page=/); // a new search starts at page 1
  await page.getByTestId('assignee-filter').click();
  await page.getByRole('option', { name: "Unassigned (manager's queue)", exact: true }).click();
  await expect(page).toHaveURL(/who=queue/);
  const url = page.url();
  await page.getByTestId('assignee-filter').click();
  await page.getByRole('option', { name: 'Everyone', exact: true }).click();
  await expect(page).not.toHaveURL(/who=/);
  const filtered = await firstIds(page);
  expect(filtered.length).toBeGreaterThan(0);
  await rows(page).first().locator('a').first().click();
  await expect(page.getByTestId('lead-page')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('list-search')).toHaveValue(last);
  await expect.poll(() => firstIds(page)).toEqual(filtered);
  for (const name of await rows(page).locator('td[data-column="name"]').allInnerTexts()) expect(name).toContain(last);
  await page.goto(url);
  await page.reload();
  await expect(page.getByTestId('list-search')).toHaveValue(last);
  await expect(page.getByTestId('assignee-filter')).toHaveValue("Unassigned (manager's queue)");
  // The View menu's link starts the list afresh.
  await page.getByTestId('nav-closed_sale').click();
  await expect(page.getByTestId('list-search')).toHaveValue('');
  await showWholePage(page);
  await expect(rows(page)).toHaveCount(50);
});

test('closed lists are sorted as their caption says; dates have four-digit years in every language', async ({
  page,
  app,
}) => {
  await call(app, 'demo.load', { leads: 2000 });
  const order = async (): Promise<number[][]> => {
    const all = await rows(page).evaluateAll((trs) =>
      trs.map((t) => [
        (t as HTMLElement).dataset.leadType === 'customer_driven' ? 0 : 1,
        Number(t.querySelector<HTMLElement>('[data-created]')!.dataset.created),
      ]),
    );
    return all as number[][];
  };
  const sorted = (xs: number[][], dir: 1 | -1) =>
    xs.every(
      (x, i) => i === 0 || xs[i - 1]![0]! < x[0]! || (xs[i - 1]![0] === x[0] && dir * (x[1]! - xs[i - 1]![1]!) >= 0),
    );
  for (const [view, words, dir] of [
    ['assigned', 'oldest', 1],
    ['closed_sale', 'newest', -1],
    ['closed_no_sale', 'newest', -1],
    ['lost', 'newest', -1],
  ] as const) {
    const before = view === 'assigned' ? null : await rows(page).first().getAttribute('data-lead-id');
    await page.goto(`${app.url}#/list/${view}`);
    await expect(page.getByTestId('list-sorted-by')).toHaveText(`Sorted by customer-driven first, then ${words}`);
    await expect(rows(page).first()).toBeVisible();
    // The view's own rows, not the previous view's still shown while its page loads.
    if (before) await expect(rows(page).first()).not.toHaveAttribute('data-lead-id', before);
    const xs = await order();
    expect(xs.length).toBeGreaterThan(1);
    expect(sorted(xs, dir), `${view} is ${words} first`).toBe(true);
  }
  await call(app, 'settings.setRules', {
    ...(await call<{ rules: Record<string, unknown> }>(app, 'settings.get', {})).rules,
    holidays: ['2026-12-25'],
  });
  const DATE = {
    en: /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/,
    fr: /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    de: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    it: /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/,
  };
  const PERIOD = {
    en: /\d{2}\/\d{2}\/2026 – \d{2}\/\d{2}\/2026/,
    fr: /\d{2}\/\d{2}\/2026 – \d{2}\/\d{2}\/2026/,
    de: /\d{2}\.\d{2}\.2026 – \d{2}\.\d{2}\.2026/,
    it: /\d{2}\/\d{2}\/2026 – \d{2}\/\d{2}\/2026/,
  };
  for (const lang of LANGUAGES) {
    await call(app, 'settings.setLanguage', { language: lang });
    await page.goto(`${app.url}#/list/assigned`);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const d of (await rows(page).locator('td[data-column="createdAt"]').allInnerTexts()).slice(0, 5))
      expect(d.trim()).toMatch(DATE[lang]);
    await page.goto(`${app.url}#/kpi`);
    await expect(page.getByTestId('kpi-period-days')).toHaveText(PERIOD[lang]);
    await page.goto(`${app.url}#/settings/general`);
    await expect(page.getByTestId('holiday-2026-12-25')).toContainText('2026');
    await expect(page.getByTestId('holiday-2026-12-25')).toContainText(
      lang === 'de' ? '25. Dezember' : lang === 'en' ? '25 December' : lang === 'fr' ? '25 décembre' : '25 dicembre',
    );
  }
});
