// The desk's keyboard shortcuts: N new lead, on a lead page J / K next / previous lead of the list it was opened
// from and C record contact; single keys do nothing while typing in a field; Help lists them.
import { expect, test } from './fixtures';

test('N, J / K within the list the lead came from, C; ignored while typing; listed in Help', async ({ page, app }) => {
  for (const [first, last] of [
    ['Anna', 'Bianchi'],
    ['Bruno', 'Verdi'],
    ['Carla', 'Neri'],
  ]) {
    const r = await app.core.dispatch(
      'leads.create',
      {
        firstName: first,
        lastName: last,
        leadType: 'customer_driven',
        source: 'web',
        campaign: 'service_reminder',
        phone: '+39 333 1234567',
        language: 'it',
      },
      { transport: 'test' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  await page.goto(`${app.url}#/list/assigned`);
  const rows = page.locator('[data-testid="lead-table"] tbody tr');
  await expect(rows).toHaveCount(3);
  const hrefs = await rows.locator('td:first-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

  // Typing in a field: no shortcut.
  await page.getByTestId('list-search').click();
  await page.keyboard.type('n');
  await expect(page).toHaveURL(/#\/list\/assigned/);
  await page.getByTestId('list-search').fill('');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/new$/);

  await page.goto(`${app.url}#/list/assigned`);
  await expect(rows).toHaveCount(3);
  await rows.nth(0).locator('td:first-child a').click();
  await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
  await expect(page.getByTestId('lead-page')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`${hrefs[2]}$`));
  await page.keyboard.press('j'); // the last one: stays
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
  await expect(page.getByTestId('lead-page')).toBeVisible();

  await page.keyboard.press('c');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('j'); // a dialog is open: the page's shortcuts wait
  await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
  await page.keyboard.press('Escape');

  await page.goto(`${app.url}#/help`);
  await expect(page.getByTestId('help-shortcuts')).toContainText('Ctrl+K');
});
