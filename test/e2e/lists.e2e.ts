import { LANGUAGES } from '../../shared/domain/vocabulary';
import { expect, shot, test } from './fixtures';

const TITLES: Record<string, string> = {
  en: 'Assigned to Dealer',
  it: 'Assegnato al Concessionario',
};

test('empty database → load demo data → list, search a customer, sort by a column', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await shot(page, 'empty-state-en');
  await page.getByTestId('load-demo').click();
  // The managers' temporary passwords, shown once (docs/rules.md §12), before the lists.
  const once = page.getByTestId('temporary-passwords');
  await expect(once).toContainText('Write these down: they will not be shown again.');
  await expect(once.getByTestId('temporary-login')).toHaveText(['Front desk', 'giulia.ferretti@dealer.example']);
  await shot(page, 'demo-temporary-passwords');
  await page.getByTestId('temporary-passwords-done').click();
  await expect(page.getByTestId('list-title')).toHaveText(TITLES.en!);
  const rows = page.locator('[data-testid="lead-table"] tbody tr');
  await expect(rows.first()).toBeVisible();
  const expected = await app.core.dispatch('leads.list', { view: 'assigned' }, { transport: 'test' });
  if (!expected.ok) throw new Error('list failed');
  const total = (expected.value as { total: number }).total;
  await expect(page.getByTestId('list-summary')).toContainText(`${total} items`);

  // Search a customer by last name: every row shown is that customer's family name.
  const first = (expected.value as { rows: { name: string }[] }).rows[0]!.name;
  const last = first.split(' ').slice(1).join(' ');
  await page.getByTestId('list-search').fill(last);
  const searched = await app.core.dispatch('leads.list', { view: 'assigned', search: last }, { transport: 'test' });
  const n = searched.ok ? (searched.value as { total: number }).total : -1;
  // The exact count (not "8 item" inside "58 items": the unfiltered list's summary must not pass for the search's).
  await expect(page.getByTestId('list-summary')).toContainText(new RegExp(`(^|\\D)${n} item`));
  for (const name of await rows.locator('td:first-child').allInnerTexts()) expect(name).toContain(last);
  await shot(page, 'list-search-en');

  // Sort by AS Lead Name, ascending then descending.
  await page.getByTestId('list-search').fill('');
  await page.getByTestId('sort-name').click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  const asc = await rows.locator('td:first-child').allInnerTexts();
  const lastNames = asc.map((s) => s.split(' ').slice(1).join(' '));
  expect([...lastNames].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))).toEqual(lastNames);
  await page.getByTestId('sort-name').click();
  await expect(page.locator('th[aria-sort="descending"]')).toHaveCount(1);
  // The header changes at once, the rows when the page arrives: wait for the descending page before the keyboard
  // (else the arrow selects a row of the page about to be replaced).
  const desc = await app.core.dispatch(
    'leads.list',
    { view: 'assigned', sort: 'name', dir: 'desc' },
    { transport: 'test' },
  );
  if (!desc.ok) throw new Error('list failed');
  const firstDesc = String((desc.value as { rows: { id: number }[] }).rows[0]!.id);
  await expect(rows.first()).toHaveAttribute('data-lead-id', firstDesc);

  // Keyboard: arrow down then Enter opens the second lead (the one the arrow selected).
  await page.getByTestId('lead-table').focus();
  await page.keyboard.press('ArrowDown');
  const selected = page.locator('[data-testid="lead-table"] tbody tr[data-selected]');
  await expect(selected).toHaveCount(1);
  const id = await selected.getAttribute('data-lead-id');
  expect(id).toBe(await rows.nth(1).getAttribute('data-lead-id'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/lead/${id}$`));
});

test('the list screen works in all four languages and the choice persists', async ({ page, app }) => {
  await app.core.dispatch('demo.load', { leads: 300 }, { transport: 'test' });
  await page.goto(app.url);
  for (const lang of LANGUAGES) {
    await page.getByTestId('language-switch').getByText(lang.toUpperCase(), { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const title = await page.getByTestId('list-title').innerText();
    if (TITLES[lang]) expect(title).toBe(TITLES[lang]);
    expect(title).not.toContain('view.');
    await shot(page, `list-${lang}`);
  }
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByTestId('list-title')).toHaveText(TITLES.it!);
});
