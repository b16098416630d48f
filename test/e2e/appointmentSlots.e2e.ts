// The appointment dialog's one-click slots skip days at or over workshop capacity (issue 16, item 5).
import type { LeadDetail } from '../../shared/contract/models';
import { expect, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
async function reachedLead(app: AppFixture, lastName: string): Promise<LeadDetail> {
  const d = await call<LeadDetail>(app, 'leads.create', {
    firstName: 'Luca',
    lastName,
    leadType: 'customer_driven',
    source: 'spontaneous',
    campaign: 'service_reminder',
    phone: '+39 333 1234567',
  });
  return call<LeadDetail>(app, 'leads.recordContact', {
    id: d.lead.id,
    version: d.lead.version,
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
  });
}

test('the first suggested slot skips tomorrow when the workshop is full that day', async ({ page, app }) => {
  // Now: Wednesday 2026-11-18. Capacity 1, and Thursday already has its appointment.
  await call(app, 'workshop.setCapacity', { capacity: 1 });
  const a = await reachedLead(app, 'Conti');
  await call(app, 'leads.makeAppointment', {
    id: a.lead.id,
    version: a.lead.version,
    input: { appointmentAt: Date.parse('2026-11-19T10:00:00Z'), sendEmail: false },
  });
  const b = await reachedLead(app, 'Neri');
  await page.goto(`${app.url}#/lead/${b.lead.id}`);
  await page.getByTestId('action-makeAppointment').click();
  await expect(page.getByTestId('load-2026-11-19')).toContainText('1/1');
  await page.locator('[data-testid="appointment-at-choice-0"] + label').click();
  await page.getByTestId('dialog-makeAppointment-save').click();
  await expect.poll(async () => (await app.core.leads.load(b.lead.id)).appointmentAt).not.toBeNull();
  expect(new Date((await app.core.leads.load(b.lead.id)).appointmentAt!).toISOString().slice(0, 10)).toBe('2026-11-20');
});
