// Settings per site end to end (docs/rules.md §11.8): with two sites, a group manager chooses one in the header; the
// Dealership, Business rules and Workshop cards show the group's values as inherited ("Same as the group"); turned
// off, the site's own dealer name, SLA 1 and capacity are saved for that site only — the group's stay as they were,
// and "All sites" says which site has its own. A site's manager edits their site's values only.
import { expect, shot, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
type Own = {
  dealer: { name: string } | null;
  rules: { sla1Hours: number } | null;
  capacity: number | null;
  group: { dealer: { name: string }; rules: { sla1Hours: number }; capacity: number };
};

test("a group manager gives a site its own dealer name, SLA and capacity; the group's are unchanged", async ({
  page,
  app,
}) => {
  const group = app.core.settings.all();
  const groupCapacity = (await call<{ capacity: number }>(app, 'workshop.load', { days: 1 })).capacity;
  const milano = (
    await call<{ sites: { id: number; name: string }[] }>(app, 'sites.save', { code: 'MI', name: 'Milano' })
  ).sites[1]!.id;
  const own = () => call<Own>(app, 'sites.settings.get', { siteId: milano });

  // "All sites": the group's values, said so.
  await page.goto(`${app.url}#/settings/general`);
  await expect(page.getByTestId('dealer-group-note')).toContainText("The group's values");
  await expect(page.getByTestId('dealer-name')).toHaveValue(group.dealer.name);
  // Milano in view (the header's choice reloads the page).
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: 'Milano', exact: true }).click();
  await expect(page.getByTestId('dealer-site-note')).toContainText('Values of Milano');

  // Dealer: inherited (read-only) until "Same as the group" is off.
  const same = page.getByTestId('dealer-same');
  await expect(same).toBeChecked();
  await expect(page.getByTestId('dealer-name')).toBeDisabled();
  await expect(page.getByTestId('dealer-name')).toHaveValue(group.dealer.name);
  await same.uncheck({ force: true });
  await page.getByTestId('dealer-name').fill('Autohaus Milano');
  await page.getByTestId('dealer-save').click();
  await expect.poll(async () => (await own()).dealer?.name).toBe('Autohaus Milano');

  // SLA 1: 48 hours at Milano; the time zone stays the group's.
  await page.getByTestId('rules-same').uncheck({ force: true });
  await expect(page.getByTestId('rules-timeZone')).toBeDisabled();
  await page.getByTestId('rules-sla1Hours').fill('48');
  await page.getByTestId('rules-save').click();
  await expect.poll(async () => (await own()).rules?.sla1Hours).toBe(48);
  await expect(page.getByTestId('rules-save')).not.toHaveAttribute('data-loading');
  await page.getByTestId('dealer-card').scrollIntoViewIfNeeded();
  await shot(page, 'settings-site-general-en');

  // Workshop capacity: 3 a day at Milano.
  await page.getByTestId('settings-tab-people').click();
  await page.getByTestId('workshop-same').uncheck({ force: true });
  await page.getByTestId('workshop-capacity').fill('3');
  await page.getByTestId('workshop-save').click();
  await expect.poll(async () => (await own()).capacity).toBe(3);

  // The group's values are untouched.
  const after = await own();
  expect(after.group.dealer.name).toBe(group.dealer.name);
  expect(after.group.rules.sla1Hours).toBe(group.rules.sla1Hours);
  expect(after.group.capacity).toBe(groupCapacity);
  expect(app.core.settings.all().dealer.name).toBe(group.dealer.name);

  // Kept after a reload; "All sites" names Milano among the sites with their own.
  await page.reload();
  await expect(page.getByTestId('workshop-same')).not.toBeChecked();
  await expect(page.getByTestId('workshop-capacity')).toHaveValue('3');
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: 'All sites', exact: true }).click();
  await expect(page.getByTestId('workshop-own-sites')).toContainText('Milano');
  await expect(page.getByTestId('workshop-capacity')).toHaveValue(String(groupCapacity));

  // Back to the group's at Milano: "Same as the group" on and saved clears its own.
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: 'Milano', exact: true }).click();
  await page.getByTestId('settings-tab-people').click();
  await page.getByTestId('workshop-same').check({ force: true });
  await expect(page.getByTestId('workshop-capacity')).toHaveValue(String(groupCapacity));
  await page.getByTestId('workshop-save').click();
  await expect.poll(async () => (await own()).capacity).toBeNull();
});

test("a site's manager edits their site's values, not the group's", async ({ page, app }) => {
  const milano = (await call<{ sites: { id: number }[] }>(app, 'sites.save', { code: 'MI', name: 'Milano' })).sites[1]!
    .id;
  const mara = await call<{ id: number }>(app, 'people.save', { name: 'Mara', roles: ['manager'], siteId: milano });
  await call(app, 'people.switch', { userId: mara.id });

  await page.goto(`${app.url}#/settings/general`);
  await expect(page.getByTestId('site-badge')).toHaveText('Milano');
  await expect(page.getByTestId('dealer-site-note')).toContainText('Only a group manager changes the group');
  await expect(page.getByTestId('dealer-name')).toBeDisabled();
  // The group's campaigns: read-only for a site's manager.
  await expect(page.getByTestId('campaigns-card')).toBeVisible();
  await expect(page.getByTestId('campaign-name')).toHaveCount(0);

  await page.getByTestId('settings-tab-people').click();
  await page.getByTestId('workshop-same').uncheck({ force: true });
  await page.getByTestId('workshop-capacity').fill('5');
  await page.getByTestId('workshop-save').click();
  await expect
    .poll(async () => (await call<{ capacity: number | null }>(app, 'sites.settings.get', { siteId: milano })).capacity)
    .toBe(5);
  // The group's capacity: refused to her by the central check, whatever the screen.
  const r = await app.core.dispatch('workshop.setCapacity', { capacity: 2 }, { transport: 'test' });
  expect(r.ok ? null : r.error.code).toBe('GROUP_MANAGER_ONLY');
});
