// The notification centre end to end in browser mode: a lead newly assigned to the person at the desk
// shows in the header bell (unread count), and clicking the notification opens the lead and marks it read.
// The lead is assigned by the manager through the real reassign channel (the assignment service emits
// `lead.assigned`, the notification centre turns it into the bell's row).
import type { LeadDetail } from '../../shared/contract/models';
import { expect, shot, test } from './fixtures';

test('a newly assigned lead appears in the bell and opens from it', async ({ page, app }) => {
  await app.core.dispatch('settings.setLanguage', { language: 'it' }, { transport: 'test' });
  // The manager's copies (an unrouted new lead alerts her at once) are off here: test/integration/assignmentAlerts.test.ts.
  await app.core.dispatch(
    'notifications.settings.set',
    { sla1RiskHours: 4, copyManagers: false, copyAlternates: false, emailAssignee: true },
    { transport: 'test' },
  );
  const r = await app.core.dispatch(
    'leads.create',
    {
      firstName: 'Luca',
      lastName: 'Bianchi',
      leadType: 'hq_driven',
      source: 'hq_campaign',
      campaign: 'service_reminder',
      email: 'luca.bianchi@example.it',
      language: 'it',
    },
    { transport: 'test' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const d = r.value as LeadDetail;

  await page.goto(`${app.url}#/`);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-unread', '0');

  // The manager at the desk assigns the lead to herself.
  const me = await app.core.resolveActor();
  const a = await app.core.dispatch(
    'leads.reassign',
    { id: d.lead.id, version: d.lead.version, assigneeId: me.id },
    { transport: 'test' },
  );
  if (!a.ok) throw new Error(JSON.stringify(a.error));

  await bell.click(); // opening the bell asks the core again
  await expect(bell).toHaveAttribute('data-unread', '1');
  const item = page.getByTestId('notification-item').filter({ hasText: d.lead.number });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Lead assegnato a te');
  await expect(item).toContainText('Luca Bianchi');
  await shot(page, 'notifications-bell-it');

  await item.click();
  await expect(page).toHaveURL(new RegExp(`#/lead/${d.lead.id}$`));
  await expect(page.getByTestId('lead-header')).toContainText(d.lead.number);
  await expect(bell).toHaveAttribute('data-unread', '0');
  const row = app.core
    .store!.sqlite.prepare('SELECT read_at AS r FROM notifications WHERE lead_id = ?')
    .get(d.lead.id) as { r: number | null };
  expect(row.r).not.toBeNull();
});

test('Settings → E-mail: save the account (password write-only) and send a test e-mail to a real SMTP server', async ({
  page,
  app,
}) => {
  const { startSmtp } = await import('../integration/smtpServer');
  const smtp = await startSmtp({ user: 'desk', pass: 'Pa55-word' });
  try {
    await page.goto(`${app.url}#/settings/email`);
    const card = page.getByTestId('smtp-settings');
    await card.getByLabel('Server').fill('127.0.0.1');
    await card.getByLabel('Port').fill(String(smtp.port));
    await card.getByTestId('smtp-tls').click();
    await page.getByRole('option', { name: 'None' }).click();
    await card.getByLabel('User name').fill('desk');
    await card.getByTestId('smtp-password').fill('Pa55-word');
    await card.getByLabel('Sender address').fill('service@dealer.example');
    await card.getByLabel(/Dealer mailbox/).fill('desk@dealer.example');
    await card.getByTestId('smtp-save').click();
    await expect(card.getByText('A password is stored. Leave the field empty to keep it.')).toBeVisible();
    await expect(card.getByTestId('smtp-password')).toHaveValue('');
    await card.getByLabel('Send the test to').fill('boss@dealer.example');
    await card.getByTestId('smtp-test').click();
    await expect(page.getByText('Test e-mail sent to boss@dealer.example')).toBeVisible();
    expect(smtp.received.map((m) => [m.to, m.mail.subject])).toEqual([
      ['boss@dealer.example', 'ASLM Desk — test e-mail'],
    ]);
    await shot(page, 'settings-smtp-en');
    const stored = app.core.store!.sqlite.prepare(`SELECT value FROM settings WHERE key = 'mail.smtp'`).get() as {
      value: string;
    };
    expect(stored.value).not.toContain('Pa55-word');
  } finally {
    await smtp.close();
  }
});

test('the appointment e-mails queued by the action show in the lead history, translated, by System', async ({
  page,
  app,
}) => {
  await app.core.dispatch('settings.setLanguage', { language: 'it' }, { transport: 'test' });
  const c = await app.core.dispatch(
    'leads.create',
    {
      firstName: 'Anna',
      lastName: 'Neri',
      leadType: 'customer_driven',
      source: 'web',
      campaign: 'service_reminder',
      email: 'anna.neri@example.it',
      language: 'it',
    },
    { transport: 'test' },
  );
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  const id = (c.value as LeadDetail).lead.id;
  await app.core.dispatch(
    'leads.recordContact',
    {
      id,
      version: (await app.core.leads.load(id)).version,
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    },
    { transport: 'test' },
  );
  const r = await app.core.dispatch(
    'leads.makeAppointment',
    {
      id,
      version: (await app.core.leads.load(id)).version,
      input: { appointmentAt: app.clock.now() + 3 * 86_400_000, sendEmail: true },
    },
    { transport: 'test' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  await page.goto(`${app.url}#/lead/${id}`);
  await page.getByTestId('tab-history').click();
  const rows = page.getByTestId('history').locator('tr[data-field="emailDelivery"]');
  await expect(rows).toHaveCount(2); // confirmation + reminder to the customer (no dealer mailbox set)
  await expect(rows.first()).toContainText('in coda');
  await expect(rows.first()).toContainText('anna.neri@example.it');
  await expect(rows.first()).toContainText('Sistema');
  await expect(page.getByTestId('history')).not.toContainText('T08:00:00');
  await shot(page, 'lead-history-email-it');
  // A reschedule cancels them: the reason is translated, never a raw id.
  const r2 = await app.core.dispatch(
    'leads.makeAppointment',
    {
      id,
      version: (await app.core.leads.load(id)).version,
      input: { appointmentAt: app.clock.now() + 4 * 86_400_000, sendEmail: true },
    },
    { transport: 'test' },
  );
  if (!r2.ok) throw new Error(JSON.stringify(r2.error));
  await page.reload();
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history')).toContainText('appuntamento spostato');
  await expect(page.getByTestId('history')).not.toContainText('reason:');
  await expect(page.getByTestId('history')).not.toContainText('rescheduled');
});
