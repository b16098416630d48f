// Data safety in the renderer: a damaged database opens on the recovery screen (translated), which lists
// the checked backups and restores one → the app is back with its data; Settings → Data & backups makes a
// backup, restores it after a confirmation and exports the database to a typed path (browser mode).
import { existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreHost } from '../../electron/core/backup/host';
import { startWebServer } from '../../electron/web/server';
import { expect, shot, test } from './fixtures';
import { damage } from '../fixtures/damage';
import { leadsIn } from '../support/leadsIn';

const here = dirname(fileURLToPath(import.meta.url));

test('a damaged database opens on the recovery screen; restoring a checked backup brings the app back', async ({
  page,
  app,
}) => {
  const r = await app.core.dispatch('demo.load', { leads: 150, seed: 7 }, { transport: 'test' });
  expect(r.ok).toBe(true);
  const leadCount = leadsIn(app.dbPath);
  expect(leadCount).toBeGreaterThanOrEqual(150);
  const backup = await app.host.create();
  await app.host.close();
  damage(app.dbPath);

  // Restart on the damaged file, as after a power cut.
  const host = createCoreHost({
    dbPath: app.dbPath,
    clock: app.clock,
    timeZone: 'Europe/Rome',
    validateOutput: true,
    log: () => undefined,
  });
  const web = await startWebServer({
    core: host,
    staticDir: resolve(here, '../../dist/renderer'),
    port: 0,
    testClock: app.clock,
  });
  try {
    await page.goto(web.url);
    const screen = page.getByTestId('recovery-screen');
    await expect(screen).toBeVisible();
    await expect(screen).toContainText('The database must be restored');
    await expect(page.getByTestId(`backup-row-${backup.file}`)).toContainText('Checked');
    await shot(page, 'recovery-en');
    await page.locator('[data-testid="recovery-language"] input[value="it"] + label').click();
    await expect(screen).toContainText('Il database deve essere ripristinato');
    await shot(page, 'recovery-it');
    await page.locator('[data-testid="recovery-language"] input[value="en"] + label').click();

    // The damaged file can be exported for support.
    const target = join(app.dir, 'support', 'damaged-copy.sqlite');
    await page.getByTestId('backup-export-path').fill(target);
    await page.getByTestId('backup-export').click();
    await expect(page.getByText(`Database exported to ${target}`)).toBeVisible();
    expect(existsSync(target)).toBe(true);

    await page.getByTestId(`backup-row-${backup.file}`).getByTestId('backup-restore').click();
    await expect(page.getByRole('dialog')).toContainText('Restore this backup?');
    await page.getByTestId('backup-restore-confirm').click();
    await expect(page.getByTestId('recovery-screen')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('nav-assigned')).toBeVisible();
    expect(host.core()).not.toBeNull();
    const info = await host.dispatch('app.info', {}, { transport: 'test' });
    expect(info.ok && (info.value as { hasLeads: boolean }).hasLeads).toBe(true);
    expect(leadsIn(app.dbPath)).toBe(leadCount);
    await expect(page.locator('[data-testid="nav-assigned"] .mantine-Badge-root')).not.toHaveText('0');
  } finally {
    await web.close();
    host.close();
  }
});

test('Settings → Data & backups: back up now, restore after a confirmation, export to a typed path', async ({
  page,
  app,
}) => {
  const create = (lastName: string) =>
    app.core.dispatch(
      'leads.create',
      {
        firstName: 'Giulia',
        lastName,
        leadType: 'customer_driven',
        source: 'web',
        campaign: 'service_reminder',
        email: `${lastName}@example.it`,
      },
      { transport: 'test' },
    );
  await create('Ferrante');
  await page.goto(`${app.url}#/settings/data`);
  const card = page.getByTestId('backup-card');
  await expect(card).toContainText('Data & backups');
  await expect(card.getByTestId('backup-empty')).toBeVisible();
  await card.getByTestId('backup-now').click();
  await expect(card.getByTestId('backup-table').locator('tbody tr')).toHaveCount(1);
  await shot(page, 'settings-backups-en');

  await create('Bianchi');
  expect(leadsIn(app.dbPath)).toBe(2);
  // Cancel first: nothing changes.
  await card.getByTestId('backup-restore').click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(leadsIn(app.dbPath)).toBe(2);
  await card.getByTestId('backup-restore').click();
  const reloaded = page.waitForEvent('load');
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByText('The backup has been restored')).toBeVisible();
  await reloaded;
  await expect.poll(() => leadsIn(app.dbPath)).toBe(1);
  await expect(page.getByTestId('backup-card')).toBeVisible(); // reloaded on the restored data

  // Export: a relative path is refused with a clear message, a full path works.
  const exportPath = page.getByTestId('backup-export-path');
  await exportPath.fill('copy.sqlite');
  await page.getByTestId('backup-export').click();
  await expect(page.getByTestId('backup-card')).toContainText('Please enter the full path of a new file');
  const target = join(app.dir, 'exports', 'aslm-copy.sqlite');
  await exportPath.fill(target);
  await page.getByTestId('backup-export').click();
  await expect(page.getByText(`Database exported to ${target}`)).toBeVisible();
  expect(statSync(target).size).toBeGreaterThan(4096);
});
