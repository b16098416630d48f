// Settings read-only for whoever may not save them (shared/contract/permissions.ts, renderer/features/people/useCan.ts):
// a desk clerk sees every manager's card with its values, the inputs disabled, no save/test/backup buttons and one
// line saying who can change it; a site's manager (two sites) sees the group's cards so, with "a group manager" as
// who can, and edits their own site's people (listed: their site's and the group-wide ones) and rules. The KPI
// digest and the import presets likewise.
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const MANAGER_ONLY = 'Only the Aftersales Manager';
const GROUP_ONLY = 'Only a group manager';

/** The card's reason is shown and says who may change it. */
async function readOnly(page: Page, card: string, who: string) {
  await expect(page.getByTestId(`${card}-readonly`)).toContainText(who);
}
async function gone(...ls: Locator[]) {
  for (const l of ls) await expect(l).toHaveCount(0);
}

test('the manager sees the cards editable, without a read-only note', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings/playbook`);
  await expect(page.getByTestId('pb-save')).toBeEnabled();
  await expect(page.getByTestId('template-save')).toBeVisible();
  await gone(page.getByTestId('playbook-settings-readonly'), page.getByTestId('template-editor-readonly'));
  await page.getByTestId('settings-tab-email').click();
  await expect(page.getByTestId('smtp-save')).toBeEnabled();
  await expect(page.getByTestId('notify-save')).toBeEnabled();
  await gone(page.getByTestId('smtp-settings-readonly'), page.getByTestId('notify-settings-readonly'));
  await page.getByTestId('settings-tab-data').click();
  await expect(page.getByTestId('backup-now')).toBeEnabled();
  await gone(page.getByTestId('backup-card-readonly'));
});

test("a desk clerk sees the manager's cards read-only, with who can change them", async ({ page, app }) => {
  const desk = await call<{ id: number }>(app, 'people.save', { name: 'Dora Verdi', roles: ['booking_operator'] });
  await call(app, 'people.switch', { userId: desk.id });

  await page.goto(`${app.url}#/settings/people`);
  await readOnly(page, 'people-card', MANAGER_ONLY);
  await readOnly(page, 'rules-card', MANAGER_ONLY);
  await readOnly(page, 'workshop-card', MANAGER_ONLY);
  await expect(page.getByTestId('workshop-capacity')).toBeDisabled();
  await gone(
    page.getByTestId('user-add'),
    page.getByTestId('rules-save'),
    page.getByTestId('workshop-save'),
    page.getByTestId('sites-card'),
  );
  await expect(page.getByTestId(`user-row-${desk.id}`)).toBeVisible();

  await page.getByTestId('settings-tab-playbook').click();
  await readOnly(page, 'playbook-settings', MANAGER_ONLY);
  await expect(page.getByTestId('pb-attemptsBeforeEmail')).toBeDisabled();
  await readOnly(page, 'template-editor', MANAGER_ONLY);
  // The templates stay readable (kind and language chosen), not editable.
  await expect(page.getByTestId('template-body')).not.toBeEditable();
  await expect(page.getByTestId('template-kind')).toBeEnabled();
  await gone(page.getByTestId('pb-save'), page.getByTestId('template-save'), page.getByTestId('template-reset'));

  await page.getByTestId('settings-tab-import').click();
  await readOnly(page, 'watch-folder', MANAGER_ONLY);
  await expect(page.getByTestId('watch-path')).toBeDisabled();
  await expect(page.getByTestId('watch-enabled')).toBeDisabled();
  await readOnly(page, 'registry-card', MANAGER_ONLY);
  await expect(page.getByTestId('registry-import')).toBeDisabled();
  await gone(page.getByTestId('watch-save'));

  await page.getByTestId('settings-tab-email').click();
  await readOnly(page, 'smtp-settings', MANAGER_ONLY);
  await expect(page.getByTestId('smtp-host')).toBeDisabled();
  await expect(page.getByTestId('smtp-password')).toBeDisabled();
  await readOnly(page, 'notify-settings', MANAGER_ONLY);
  await expect(page.getByTestId('notify-sla1RiskHours')).toBeDisabled();
  await gone(page.getByTestId('smtp-save'), page.getByTestId('smtp-test'), page.getByTestId('notify-save'));
  await shot(page, 'settings-email-readonly-en');

  await page.getByTestId('settings-tab-data').click();
  await readOnly(page, 'backup-card', MANAGER_ONLY);
  await readOnly(page, 'host-card', MANAGER_ONLY);
  await expect(page.getByTestId('backup-export')).toBeDisabled();
  await gone(page.getByTestId('backup-now'), page.getByTestId('backup-restore'), page.getByTestId('host-new-code'));

  // Beyond Settings: the manager's daily digest on the KPI screen, and the import presets (chosen, not saved).
  await page.goto(`${app.url}#/kpi`);
  await readOnly(page, 'digest', MANAGER_ONLY);
  await expect(page.getByTestId('digest-settings').getByRole('switch')).toBeDisabled();
  await page.goto(`${app.url}#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  const csv = 'Nome;Cognome;E-mail\r\nRita;Neri;r@example.it\r\n';
  await (await chooser).setFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('import-preset')).toBeVisible();
  await gone(page.getByTestId('import-preset-name'), page.getByTestId('import-preset-save'));
});

test("a site's manager sees the group's cards read-only and edits their site's people and rules", async ({
  page,
  app,
}) => {
  const milano = (await call<{ sites: { id: number }[] }>(app, 'sites.save', { code: 'MI', name: 'Milano' })).sites[1]!
    .id;
  const mara = await call<{ id: number }>(app, 'people.save', { name: 'Mara', roles: ['manager'], siteId: milano });
  const paolo = await call<{ id: number }>(app, 'people.save', {
    name: 'Paolo',
    roles: ['service_advisor'],
    siteId: milano,
  });
  const anna = await call<{ id: number }>(app, 'people.save', { name: 'Anna', roles: ['service_advisor'], siteId: 1 });
  const boss = (app.core.store!.sqlite.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number }).id;
  await call(app, 'people.switch', { userId: mara.id });

  await page.goto(`${app.url}#/settings/general`);
  await expect(page.getByTestId('site-badge')).toHaveText('Milano');
  await readOnly(page, 'campaigns-card', GROUP_ONLY);
  // Her site's dealer identity is hers to change (once "Same as the group" is off): no read-only note.
  await gone(page.getByTestId('dealer-card-readonly'), page.getByTestId('business-rules-card-readonly'));
  await expect(page.getByTestId('dealer-save')).toBeVisible();

  await page.getByTestId('settings-tab-people').click();
  // Her site's people and the group-wide ones, editable; another site's not listed.
  await expect(page.getByTestId(`user-row-${paolo.id}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${boss}`)).toBeVisible();
  await expect(page.getByTestId(`user-row-${anna.id}`)).toHaveCount(0);
  // The header's "who is at the desk" (no sign-in) still offers everyone, Anna of the other site too.
  await page.getByTestId('user-switch').click();
  await expect(page.getByTestId(`switch-user-${anna.id}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('user-add')).toBeVisible();
  await expect(page.getByTestId(`user-edit-${paolo.id}`)).toBeVisible();
  // A group-wide person: listed, a group manager's to edit.
  await expect(page.getByTestId(`user-edit-${boss}`)).toHaveCount(0);
  await expect(page.getByTestId('rules-save')).toBeVisible();
  await expect(page.getByTestId('workshop-save')).toBeVisible();
  await readOnly(page, 'sites-card', GROUP_ONLY);
  await expect(page.getByTestId(`site-${milano}-name`)).toBeDisabled();
  await gone(
    page.getByTestId('people-card-readonly'),
    page.getByTestId('rules-card-readonly'),
    page.getByTestId('workshop-card-readonly'),
    page.getByTestId('site-new'),
  );
  await shot(page, 'settings-people-site-manager-en');

  await page.getByTestId('settings-tab-playbook').click();
  await readOnly(page, 'playbook-settings', GROUP_ONLY);
  await readOnly(page, 'template-editor', GROUP_ONLY);
  await gone(page.getByTestId('pb-save'), page.getByTestId('template-save'));

  await page.getByTestId('settings-tab-import').click();
  await readOnly(page, 'watch-folder', GROUP_ONLY);
  await readOnly(page, 'registry-card', GROUP_ONLY);
  await expect(page.getByTestId('registry-import')).toBeDisabled();

  await page.getByTestId('settings-tab-email').click();
  await readOnly(page, 'smtp-settings', GROUP_ONLY);
  await readOnly(page, 'notify-settings', GROUP_ONLY);
  await gone(page.getByTestId('smtp-save'), page.getByTestId('notify-save'));

  await page.getByTestId('settings-tab-data').click();
  await readOnly(page, 'backup-card', GROUP_ONLY);
  await readOnly(page, 'host-card', GROUP_ONLY);
  await gone(page.getByTestId('backup-now'));
});
