// Import a file with the mapping dialog, see the new leads in Not Managed Yet, then follow "My day".
import { expect, shot, test } from './fixtures';

const CSV = [
  'Nome;Cognome;E-mail;Telefono;Campagna;Tipo;Telaio;Note',
  'Anna;Bianchi;anna.bianchi@example.it;+39 333 1234567;Service Reminder;Customer Driven;;"Tagliando\nprima possibilità"',
  'Luca;Verdi;luca.verdi@example.it;+39 333 7654321;Service Reminder;HQ Driven;ZAM57XSA1K1234567;',
  'Marta;Neri;marta@example.it;;Service Reminder;HQ Driven;ZAM123;',
  '',
].join('\r\n');

test('import a file with the mapping dialog, then follow My day', async ({ page, app }) => {
  await page.goto(`${app.url}#/import`);
  await expect(page.getByTestId('import-title')).toBeVisible();
  // Not a lead list at all: a clear message, nothing written.
  const pngChooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (
    await pngChooser
  ).setFiles({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
  });
  await expect(page.getByTestId('import-error')).toContainText('cannot be read as a lead list');
  await expect(page.getByTestId('import-error-reason')).toContainText('not text');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name: 'campagna.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'latin1') });
  await expect(page.getByTestId('import-detected')).toContainText('windows-1252');
  await expect(page.getByTestId('import-summary')).toContainText('3 rows: 2 new');
  // "Note" is not recognized: map it by hand to the customer notes.
  await page.getByTestId('map-7').click();
  await page.getByRole('option', { name: 'Customer notes' }).click();
  await expect(page.getByTestId('rejected')).toContainText('The VIN is not valid');
  await shot(page, 'import-preview-en');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-report')).toContainText('2 leads imported');
  await page.getByTestId('import-show-new').click();
  await expect(page).toHaveURL(/#\/list\/not_managed$/);
  await expect(page.locator('[data-testid="lead-table"] tbody tr')).toHaveCount(2);
  // The next-step column: both new leads are to be called now.
  await expect(page.locator('[data-testid="lead-table"] [data-testid="step-badge"][data-kind="call"]')).toHaveCount(2);
  const imported = await app.core.dispatch(
    'leads.list',
    { view: 'not_managed', search: 'bianchi' },
    { transport: 'test' },
  );
  expect(imported.ok && (imported.value as { total: number }).total).toBe(1);

  // My day: customer-driven first; call, then the voicemail step, then a call again tomorrow.
  await page.getByTestId('nav-my-day').click();
  await expect(page.getByTestId('myday-title')).toBeVisible();
  const rows = page.locator('[data-testid="myday-table"] tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Anna Bianchi');
  await rows.first().click();
  await expect(page.getByTestId('next-step-card')).toHaveAttribute('data-kind', 'call');
  await expect(page.getByTestId('script-phone')).toContainText('Anna Bianchi');
  await shot(page, 'my-day-en');
  await page.getByTestId('outcome-no_answer').click();
  await expect(page.getByTestId('next-step-card')).toHaveAttribute('data-kind', 'voicemail');
  await page.getByTestId('outcome-voicemail').click();
  await expect(page.getByTestId('next-step-card')).toHaveAttribute('data-kind', 'callAgain');
  await expect(page.getByTestId('next-step-suggested')).toBeVisible();
  await page.getByTestId('myday-due-only').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Luca Verdi');

  // Send the e-mail from the card: queued in the outbox, contact recorded.
  await rows.first().click();
  await page.getByTestId('send-email').click();
  await expect(page.getByTestId('email-subject')).toHaveValue(/il richiamo per il tagliando|service reminder/i);
  await page.getByTestId('email-send').click();
  await expect(page.getByTestId('next-step-card')).toHaveAttribute('data-kind', 'close');
  const outbox = app.core.store!.sqlite.prepare('SELECT to_address FROM outbox').all() as { to_address: string }[];
  expect(outbox).toEqual([{ to_address: 'luca.verdi@example.it' }]);
  await shot(page, 'my-day-after-email-en');
});
