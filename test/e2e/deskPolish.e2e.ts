// Issue 16 (the desk's day, polished): first-run setup, warnings instead of blanks, the appointment e-mail that
// could not leave, undo of a one-click outcome, one guidance, the weekday switch labelled by its state.
import type { LeadDetail } from '../../shared/contract/models';
import { expect, test, type AppFixture } from './fixtures';

const t = { transport: 'test' } as const;
async function createLead(app: AppFixture, extra: Record<string, unknown> = {}): Promise<LeadDetail> {
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
      ...extra,
    },
    t,
  );
  if (!r.ok) throw new Error(`create failed: ${JSON.stringify(r.error)}`);
  return r.value as LeadDetail;
}

test('a new database opens the guided setup; its values are saved through the settings channels', async ({
  page,
  app,
}) => {
  await app.core.settings.set('setup.done', false);
  await page.goto(app.url);
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  await page.getByTestId('setup-dealer-name').fill('Modena Motori');
  await page.getByTestId('setup-dealer-phone').fill('+39 059 123456');
  await page.getByTestId('setup-dealer-email').fill('service@modena.example');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('opening-hours')).toBeVisible();
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-manager-name')).toBeVisible();
  await page.getByTestId('setup-manager-name').fill('Paola Neri');
  // The manager's password (for when the database is hosted, docs/rules.md §12): the policy's refusal, then one that fits.
  await page.getByTestId('setup-manager-password').fill('short');
  await page.getByTestId('setup-next').click();
  await expect(page.getByText('The new password is too short: please use at least 10 characters.')).toBeVisible();
  await page.getByTestId('setup-manager-password').fill('Paola Neri 2026');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-smtp-host')).toBeVisible();
  await page.getByTestId('setup-finish').click();
  await expect(page.getByTestId('setup-wizard')).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const s = app.core.settings.all();
  expect(s.dealer).toMatchObject({ name: 'Modena Motori', phone: '+39 059 123456', email: 'service@modena.example' });
  expect(s.setupDone).toBe(true);
  const first = app.core.store!.sqlite.prepare('SELECT name FROM users ORDER BY id LIMIT 1').get() as { name: string };
  expect(first.name).toBe('Paola Neri');
  const signIn = await app.core.dispatch(
    'auth.signIn',
    { login: 'paola neri', password: 'Paola Neri 2026' },
    { transport: 'test' },
  );
  expect(signIn.ok && (signIn.value as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
});

test('the setup can be skipped: "Load demo data" stays available', async ({ page, app }) => {
  await app.core.settings.set('setup.done', false);
  await page.goto(app.url);
  await page.getByTestId('setup-skip').click();
  await expect(page.getByTestId('load-demo')).toBeVisible();
  expect(app.core.settings.all().setupDone).toBe(true);
});

test('until the dealership is set, the scripts warn the desk instead of leaving blanks', async ({ page, app }) => {
  const d = await createLead(app);
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await expect(page.getByTestId('dealer-missing')).toBeVisible();
  await expect(page.getByTestId('script-voicemail')).not.toContainText(' at .');
  await page.getByTestId('send-email').click();
  await expect(page.getByTestId('email-body')).not.toHaveValue(/ at \.$/m);
  await expect(page.getByRole('dialog').getByTestId('dealer-missing')).toBeVisible();
});

test('Make an Appointment with "send e-mail" and no mail server says the confirmation could not be sent', async ({
  page,
  app,
}) => {
  let d = await createLead(app);
  const r = await app.core.dispatch(
    'leads.recordContact',
    { id: d.lead.id, version: d.lead.version, input: { direction: 'outbound', channel: 'phone', outcome: 'reached' } },
    t,
  );
  if (!r.ok) throw new Error('contact failed');
  d = r.value as LeadDetail;
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await page.getByTestId('action-makeAppointment').click();
  await page.locator('[data-testid="appointment-at-choice-0"] + label').click();
  await page.getByTestId('dialog-makeAppointment-save').click();
  await expect(page.getByText(/confirmation to the customer could not be sent/)).toBeVisible();
  const queued = app.core
    .store!.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE lead_id = ? AND state IN ('queued', 'failed')")
    .get(d.lead.id) as { n: number };
  expect(queued.n).toBeGreaterThan(0);
});

test('a one-click outcome can be undone for a short time; the history keeps both', async ({ page, app }) => {
  const d = await createLead(app);
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await page.getByTestId('outcome-no_answer').click();
  await expect(page.getByTestId('undo-contact')).toBeVisible();
  await page.getByTestId('undo-contact').click();
  await expect(page.getByTestId('contact-log-empty')).toBeVisible();
  const fields = (
    app.core.store!.sqlite.prepare('SELECT field FROM history WHERE lead_id = ?').all(d.lead.id) as { field: string }[]
  ).map((h) => h.field);
  expect(fields).toEqual(expect.arrayContaining(['contact', 'contactUndone']));
});

test('the banner and the Next-step card agree: no phone → both say send the e-mail', async ({ page, app }) => {
  const d = await createLead(app, { phone: null });
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await expect(page.getByTestId('next-step-card')).toHaveAttribute('data-kind', 'sendEmail');
  await expect(page.getByTestId('next-hint')).toHaveAttribute('data-hint', 'sendEmail');
  const reason = await page.getByTestId('next-step-reason').textContent();
  await expect(page.getByTestId('next-hint')).toContainText(reason!.trim());
});

test('Settings: the weekday switch is labelled by its state', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings/general`);
  const sw = page.getByTestId('hours-0-switch');
  await expect(sw).not.toBeChecked();
  await expect(page.getByTestId('opening-hours')).toContainText('Closed');
  await sw.check({ force: true });
  await expect(sw).toBeChecked();
  await expect(page.getByTestId('hours-0-open')).toBeVisible();
});
