// The header's search across every list: `/` and Ctrl+K open it, the results are grouped by status,
// ↓/Enter (or a click) open the lead; `/` typed in a field stays in the field.
import { expect, shot, test } from './fixtures';

const lead = (over: Record<string, unknown>) => ({
  firstName: 'Mario',
  lastName: 'Rossi',
  leadType: 'customer_driven',
  source: 'web',
  campaign: 'service_reminder',
  email: 'mario.rossi@example.it',
  phone: '+39 333 123 4567',
  language: 'it',
  ...over,
});

test('global search: `/` opens it, a caller-ID phone finds the lead, Enter opens it; Ctrl+K and a click too', async ({
  page,
  app,
}) => {
  const create = async (over: Record<string, unknown>) => {
    const r = await app.core.dispatch('leads.create', lead(over), { transport: 'test' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { lead: { id: number; number: string } }).lead;
  };
  await create({});
  const jurgen = await create({
    firstName: 'Jürgen',
    lastName: 'Weiß',
    email: 'j.weiss@autohaus.de',
    phone: '+49 1521 730826',
    language: 'de',
  });
  const other = await create({
    firstName: 'Anna',
    lastName: 'Weissmann',
    email: 'anna@example.com',
    phone: '030 1234567',
    language: 'de',
  });
  await page.goto(app.url);
  await expect(page.locator('[data-testid="lead-table"] tbody tr').first()).toBeVisible();

  // `/` typed in the list's own search field stays there.
  await page.getByTestId('list-search').click();
  await page.keyboard.type('a/');
  await expect(page.getByTestId('list-search')).toHaveValue('a/');
  await expect(page.getByTestId('global-search-input')).toHaveCount(0);
  await page.getByTestId('list-search').fill('');
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  await page.keyboard.press('/');
  const input = page.getByTestId('global-search-input');
  await expect(input).toBeFocused();
  await input.fill('01521730826'); // the national format, as caller ID shows it
  await expect(page.getByTestId('global-search-row')).toHaveCount(1);
  await expect(page.getByTestId('global-search-group-assigned')).toContainText('Jürgen Weiß');
  await input.fill('we'); // two letters: too broad, not searched
  await expect(page.getByTestId('global-search-too-short')).toBeVisible();
  await expect(page.getByTestId('global-search-row')).toHaveCount(0);
  await input.fill('weiss');
  await expect(page.getByTestId('global-search-row')).toHaveCount(2);
  await shot(page, 'global-search-en');
  await input.press('ArrowDown');
  const second = page.getByTestId('global-search-row').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const secondText = await second.innerText();
  await input.press('Enter');
  const opened = secondText.includes('Anna') ? other : jurgen;
  await expect(page).toHaveURL(new RegExp(`#/lead/${opened.id}$`));
  await expect(page.getByText(opened.number).first()).toBeVisible();
  await expect(page.getByTestId('global-search-input')).toHaveCount(0);

  // Ctrl+K from the lead page; a number without its prefix and zeros; a click opens it.
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search-input')).toBeFocused();
  await page.getByTestId('global-search-input').fill(String(Number(jurgen.number.slice(-6))));
  await page.getByTestId('global-search-row').filter({ hasText: jurgen.number }).click();
  await expect(page).toHaveURL(new RegExp(`#/lead/${jurgen.id}$`));

  // Nothing found: said so.
  await page.getByTestId('global-search-button').click();
  await page.getByTestId('global-search-input').fill('zzzqqq');
  await expect(page.getByTestId('global-search-none')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('global-search-input')).toHaveCount(0);
});
