// Fidelity to the manuals and the dealer standard (issue #17): the "was the appointment kept" buttons on
// the lead page, and the Print action of the list views (the manual's "print format").
import type { LeadDetail } from '../../shared/contract/models';
import { expect, NOW, test, type AppFixture } from './fixtures';

const H = 3_600_000;
async function call<T = LeadDetail>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

test('Arrived / No-show: disabled before the appointment time, then recorded and corrected', async ({ page, app }) => {
  let d = await call(app, 'leads.create', {
    firstName: 'Elena',
    lastName: 'Puntuale',
    leadType: 'customer_driven',
    source: 'web',
    campaign: 'service_reminder',
    phone: '+39 02 1234567',
  });
  d = await call(app, 'leads.recordContact', {
    id: d.lead.id,
    version: d.lead.version,
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
  });
  d = await call(app, 'leads.makeAppointment', {
    id: d.lead.id,
    version: d.lead.version,
    input: { appointmentAt: NOW + 2 * H, sendEmail: false },
  });
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await expect(page.getByTestId('appointment-kept')).toBeVisible();
  await expect(page.getByTestId('kept-arrived')).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('kept-arrived').click({ force: true });
  await expect(page.getByTestId('kept-state')).toHaveText('Not recorded yet');

  app.clock.set(NOW + 3 * H);
  await page.reload();
  await expect(page.getByTestId('kept-arrived')).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('kept-arrived').click();
  await expect(page.getByTestId('kept-state')).toHaveText('Recorded: Arrived');
  expect((await call(app, 'leads.get', { id: d.lead.id })).lead.appointmentKept).toBe(true);
  // A correction.
  await page.getByTestId('kept-noshow').click();
  await expect(page.getByTestId('kept-state')).toHaveText('Recorded: No-show');
  expect((await call(app, 'leads.get', { id: d.lead.id })).lead.appointmentKept).toBe(false);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history')).toContainText('Appointment kept');
});

test('a list view prints as it is searched: Print opens the PDF for the print dialog, the icon downloads it', async ({
  page,
  app,
}) => {
  for (const [first, last] of [
    ['Stampa', 'Uno'],
    ['Stampa', 'Due'],
    ['Altro', 'Cliente'],
  ]) {
    await call(app, 'leads.create', {
      firstName: first,
      lastName: last,
      leadType: 'customer_driven',
      source: 'web',
      campaign: 'service_reminder',
    });
  }
  await page.goto(`${app.url}#/list/assigned`);
  await expect(page.getByTestId('list-print')).toBeVisible();
  await page.getByTestId('list-search').fill('Stampa');
  await expect(page.getByTestId('list-summary')).toContainText('2 items');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-print-pdf').click()]);
  expect(download.suggestedFilename()).toBe('aslm-list-assigned-to-dealer-2026-11-18.pdf');
  const bytes = await (await import('node:fs/promises')).readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // What was printed is what the list shows: the search's two leads.
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
  expect(text).toContain('Search: “Stampa”');
  expect(text).toContain('Stampa Uno');
  expect(text).not.toContain('Altro Cliente');
  // Print: the PDF goes to a hidden frame that asks for the print dialog.
  await page.getByTestId('list-print').click();
  await expect(page.locator('iframe[src^="blob:"]')).toHaveCount(1);
});
