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
  let d = await call(app, 'leads.create', { firstName: 'Elena', lastName: 'Puntuale', leadType: 'customer_driven', source: 'web', campaign: 'service_reminder', phone: '+39 02 1234567' });
  d = await call(app, 'leads.recordContact', { id: d.lead.id, version: d.lead.version, input: { direction: 'outbound', channel: 'phone', outcome: 'reached' } });
  d = await call(app, 'leads.makeAppointment', { id: d.lead.id, version: d.lead.version, input: { appointmentAt: NOW + 2 * H, sendEmail: false } });
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
