// Issue 16 item 9: a date-time is typed in the language's format (en-gb: 25/11/2026 10:30); an impossible date
// (31/02) is refused next to the field; the calendar button still opens the picker.
import type { LeadDetail } from '../../shared/contract/models';
import { expect, test } from './fixtures';

test('an appointment date typed in the field is booked; 31/02 is refused with a message', async ({ page, app }) => {
  const r = await app.core.dispatch(
    'leads.create',
    {
      firstName: 'Giulia',
      lastName: 'Ferrante',
      leadType: 'customer_driven',
      source: 'web',
      campaign: 'service_reminder',
      email: 'giulia.ferrante@example.it',
      phone: '+39 02 1234567',
    },
    { transport: 'test' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const d = r.value as LeadDetail;
  const id = d.lead.id;
  const c = await app.core.dispatch(
    'leads.recordContact',
    { id, version: d.lead.version, input: { direction: 'outbound', channel: 'phone', outcome: 'reached' } },
    { transport: 'test' },
  );
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  await page.goto(`${app.url}#/lead/${id}`);
  await page.getByTestId('action-makeAppointment').click();
  const field = page.getByTestId('appointment-at');
  await expect(page.getByRole('button', { name: 'Open the calendar' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the calendar' }).click();
  await expect(page.getByRole('dialog', { name: 'Open the calendar' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the calendar' }).click();
  await expect(page.getByRole('dialog', { name: 'Open the calendar' })).toHaveCount(0);

  await field.fill('31/02/2026 10:00');
  await field.blur();
  await expect(page.getByTestId('dialog-makeAppointment')).toContainText(
    'Not a valid date: type it like 25/11/2026 14:30',
  );

  await field.fill('25/11/2026 10:30');
  await expect(page.getByTestId('dialog-makeAppointment')).not.toContainText('Not a valid date');
  await page.getByTestId('dialog-makeAppointment-save').click();
  await expect(page.getByText('Appointment on 25/11/2026, 10:30')).toBeVisible();
  const row = app.core.store!.sqlite.prepare('SELECT status, appointment_at AS at FROM leads WHERE id = ?').get(id) as {
    status: string;
    at: number;
  };
  expect(row).toEqual({ status: 'appointment', at: new Date(2026, 10, 25, 10, 30).getTime() });
});
