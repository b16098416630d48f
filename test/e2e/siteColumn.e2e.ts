// Each lead's site on screen (docs/rules.md §11.8): nothing with one site; with several and "All sites" in view, a
// Site column (the code, the name as title) in the list and My day, the code in the header search's results; with one
// site chosen, no column (every lead is of it); the lead page names its site whatever is in view.
import { expect, shot, test, type AppFixture } from './fixtures';
import { showWholePage } from './layout';

const dispatch = async <T>(app: AppFixture, channel: string, input: unknown): Promise<T> => {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const headers = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid="lead-table"] thead th').evaluateAll((ths) => ths.map((th) => th.dataset.column));

test('the Site column with "All sites", not with one site chosen; the lead page names its site', async ({
  page,
  app,
}) => {
  await dispatch(app, 'demo.load', { leads: 200, seed: 3 });
  const mario = await dispatch<{ lead: { id: number } }>(app, 'leads.create', {
    firstName: 'Mario',
    lastName: 'Sedeprova',
    leadType: 'customer_driven',
    source: 'web',
    campaign: 'service_reminder',
    email: 'mario.sedeprova@example.it',
    phone: '+39 333 765 4321',
    language: 'it',
  });

  // One site: no column, nothing offered in the Columns menu, no site on the lead page.
  await page.goto(`${app.url}#/list/assigned`);
  await expect(page.locator('[data-testid="lead-table"] tbody tr').first()).toBeVisible();
  expect(await headers(page)).not.toContain('site');
  await page.getByTestId('columns-menu').click();
  await expect(page.getByTestId('column-item-nextStep')).toBeVisible();
  await expect(page.getByTestId('column-item-site')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto(`${app.url}#/lead/${mario.lead.id}`);
  await expect(page.getByTestId('lead-name')).toBeVisible();
  await expect(page.getByTestId('lead-site')).toHaveCount(0);

  // A second site, Milano: Mario and every other lead move there.
  await dispatch(app, 'sites.save', { code: 'MI', name: 'Milano' });
  const db = app.core.store!.sqlite;
  db.prepare('UPDATE leads SET site_id = 2 WHERE id % 2 = 0 OR id = ?').run(mario.lead.id);
  const siteOf = (id: number) =>
    (db.prepare('SELECT site_id AS s FROM leads WHERE id = ?').get(id) as { s: number }).s === 2 ? 'MI' : 'S1';

  await page.goto(`${app.url}#/list/assigned`);
  await page.reload(); // the sites are read once per page
  const rows = page.locator('[data-testid="lead-table"] tbody tr');
  await expect(page.locator('[data-testid="lead-table"] thead th[data-column="site"]')).toBeVisible();
  expect((await headers(page)).at(-1)).toBe('site'); // a new column: after the others, movable like them
  await showWholePage(page);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: Number(tr.getAttribute('data-lead-id')),
      code: tr.querySelector('td[data-column="site"]')?.textContent,
      title: tr.querySelector('td[data-column="site"] [title]')?.getAttribute('title'),
    })),
  );
  expect(cells.length).toBeGreaterThan(3);
  expect(new Set(cells.map((c) => c.code))).toEqual(new Set(['S1', 'MI']));
  for (const c of cells) {
    expect(c.code, String(c.id)).toBe(siteOf(c.id));
    if (c.code === 'MI') expect(c.title).toBe('Milano');
  }
  await page.getByTestId('columns-menu').click();
  await expect(page.getByTestId('column-item-site')).toBeVisible();
  await page.getByTestId('column-up-site').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('columns-dropdown')).toBeHidden();
  expect((await headers(page)).slice(-2)).toEqual(['site', 'nextStep']);
  await shot(page, 'sites-list-column-en');

  // The header search: each result's site code.
  await page.getByTestId('global-search-button').click();
  await page.getByTestId('global-search-input').fill('Sedeprova');
  const hit = page.getByTestId('global-search-row').filter({ hasText: 'Sedeprova' });
  await expect(hit.getByTestId('global-search-site')).toHaveText('MI');
  await expect(hit.getByTestId('global-search-site')).toHaveAttribute('title', /Milano/);
  await page.keyboard.press('Escape');

  // My day, everyone's: the Site column too.
  await page.goto(`${app.url}#/my-day?all=1`);
  await expect(page.locator('[data-testid="myday-table"] thead th[data-column="site"]')).toBeVisible();
  const steps = await page.locator('[data-testid="myday-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: Number(tr.getAttribute('data-lead-id')),
      code: tr.querySelector('td[data-column="site"]')?.textContent,
    })),
  );
  expect(new Set(steps.map((c) => c.code))).toEqual(new Set(['S1', 'MI']));
  for (const c of steps) expect(c.code, String(c.id)).toBe(siteOf(c.id));

  // The lead page: its site's name beside the status.
  await page.goto(`${app.url}#/lead/${mario.lead.id}`);
  await expect(page.getByTestId('lead-site')).toHaveText('Milano');
  await shot(page, 'sites-lead-page-en');

  // One site chosen in the header: no column (the page reloads), the lead page still names the site.
  await page.goto(`${app.url}#/list/assigned`);
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: 'Milano', exact: true }).click();
  await expect(page.getByTestId('site-switch')).toHaveValue('Milano');
  await expect(rows.first()).toBeVisible();
  expect(await headers(page)).not.toContain('site');
  await page.goto(`${app.url}#/lead/${mario.lead.id}`);
  await expect(page.getByTestId('lead-site')).toHaveText('Milano');
  // In Italian: "Sede".
  await page.getByTestId('language-switch').getByText('IT', { exact: true }).click();
  await expect(page.getByTestId('lead-site')).toHaveAttribute('title', 'Sede: Milano');
});
