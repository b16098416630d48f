// People end to end: the manager switches to themselves at the desk (PIN, a wrong PIN is refused with a
// translated message), assigns a lead from the lead page; the assignee, after switching to them, sees it in
// their queue (My day and the list's "My leads"), without the manager's controls; screenshots of the
// People settings, the customer card and the workshop load.
import type { LeadDetail } from '../../shared/contract/models';
import { expect, shot, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

test('the manager switches user, assigns a lead; the assignee sees it in their queue', async ({ page, app }) => {
  const managerId = (app.core.store!.sqlite.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number })
    .id;
  await call(app, 'people.save', { id: managerId, name: 'Marta Manager', roles: ['manager'], pin: '2468' });
  const anna = await call<{ id: number }>(app, 'people.save', {
    name: 'Anna Bianchi',
    roles: ['service_advisor'],
    email: 'anna@dealer.example',
  });
  const desk = await call<{ id: number }>(app, 'people.save', { name: 'Dino Desk', roles: ['booking_operator'] });
  const lead = await call<LeadDetail>(app, 'leads.create', {
    firstName: 'Giulia',
    lastName: 'Ferrante',
    leadType: 'customer_driven',
    source: 'web',
    campaign: 'service_reminder',
    email: 'giulia.ferrante@example.it',
    phone: '+39 02 1234567',
    requestFor: 'Tagliando',
  });
  expect(lead.lead.assigneeId).toBeNull();
  await call(app, 'people.switch', { userId: desk.id });

  await page.goto(`${app.url}#/lead/${lead.lead.id}`);
  await expect(page.getByTestId('user-switch')).toHaveText('Dino Desk');
  // Desk staff see who the lead is for, not the reassign control.
  await expect(page.getByTestId('assignee-name')).toBeVisible();
  await expect(page.getByTestId('assign-select')).toHaveCount(0);

  // The manager comes to the desk: a wrong PIN is refused, the right one switches.
  await page.getByTestId('user-switch').click();
  await page.getByTestId(`switch-user-${managerId}`).click();
  await page.getByTestId('pin-input').fill('1111');
  await page.getByTestId('pin-ok').click();
  await expect(page.getByText('The PIN is not correct. Please try again.')).toBeVisible();
  await page.getByTestId('pin-input').fill('2468');
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('user-switch')).toHaveText('Marta Manager');

  // Assign the lead to Anna from the lead page.
  await expect(page.getByTestId('lead-page')).toBeVisible();
  await page.getByTestId('assign-select').click();
  await page.getByRole('option', { name: 'Anna Bianchi' }).click();
  await shot(page, 'people-assign-en');
  await page.getByTestId('assign-save').click();
  await expect(page.getByTestId('assignee-name')).toHaveText('Anna Bianchi');
  const after = await app.core.leads.load(lead.lead.id);
  expect(after.assigneeId).toBe(anna.id);
  expect(after.assignedAt).toBe(lead.lead.assignedAt);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('lead-page')).toContainText('Marta Manager');
  await expect(page.getByTestId('customer-card')).toContainText('Giulia Ferrante');
  await shot(page, 'people-lead-side-en');

  // Anna comes to the desk and finds the lead in her queue.
  await page.getByTestId('user-switch').click();
  await page.getByTestId(`switch-user-${anna.id}`).click();
  await expect(page.getByTestId('user-switch')).toHaveText('Anna Bianchi');
  await page.getByTestId('nav-my-day').click();
  await expect(page.getByTestId('myday-table')).toContainText('Giulia Ferrante');
  await shot(page, 'people-myday-anna-en');
  await page.getByTestId('nav-assigned').click();
  await page.getByTestId('assignee-filter').click();
  await page.getByRole('option', { name: 'My leads and the queue' }).click();
  await expect(page.getByTestId('list-summary')).toContainText('1 item');
  await expect(page.getByTestId('lead-table')).toContainText('Giulia Ferrante');
  // She cannot reassign: no control on the lead page, and the core refuses it anyway.
  await page.goto(`${app.url}#/lead/${lead.lead.id}`);
  await expect(page.getByTestId('assignee-name')).toHaveText('Anna Bianchi');
  await expect(page.getByTestId('assign-select')).toHaveCount(0);
  const refused = await app.core.dispatch(
    'leads.reassign',
    { id: lead.lead.id, assigneeId: desk.id },
    { transport: 'http' },
  );
  expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
});

test('settings: people, rules, registry and workshop; the workshop load beside the date picker', async ({
  page,
  app,
}) => {
  await call(app, 'people.save', {
    name: 'Anna Bianchi',
    roles: ['service_advisor', 'alternate'],
    absences: [{ from: '2026-11-18', to: '2026-11-20' }],
  });
  await call(app, 'assignment.rules.set', {
    rules: [
      { leadType: 'hq_driven', targetRole: 'service_advisor' },
      { source: 'web', targetRole: 'booking_operator' },
    ],
  });
  await page.goto(`${app.url}#/settings/people`);
  await expect(page.getByTestId('people-card')).toContainText('Anna Bianchi');
  await expect(page.getByTestId('people-card')).toContainText('absent');
  await expect(page.getByTestId('rule-1')).toBeVisible();
  await shot(page, 'people-settings-en');
  await page.getByTestId('user-add').click();
  await page.getByTestId('user-name').fill('Bruno Neri');
  await page.getByTestId('user-email').fill('not-an-email');
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('user-editor')).toContainText('The e-mail address is not valid');
  await page.getByTestId('user-email').fill('bruno@dealer.example');
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('people-card')).toContainText('Bruno Neri');

  const d = await call<LeadDetail>(app, 'leads.create', {
    firstName: 'Luca',
    lastName: 'Conti',
    leadType: 'customer_driven',
    source: 'spontaneous',
    campaign: 'service_reminder',
    phone: '+39 333 1234567',
  });
  await call(app, 'leads.recordContact', {
    id: d.lead.id,
    version: d.lead.version,
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
  });
  await page.goto(`${app.url}#/lead/${d.lead.id}`);
  await page.getByTestId('action-makeAppointment').click();
  await expect(page.getByTestId('workshop-load')).toBeVisible();
  await expect(page.getByTestId('load-2026-11-18')).toContainText('0/8');
  await shot(page, 'people-workshop-load-en');
  await page.getByTestId('dialog-makeAppointment-cancel').click();

  // The same screens in the three other languages (screenshots for review).
  const titles = { fr: "Règles d'affectation", de: 'Zuweisungsregeln', it: 'Regole di assegnazione' } as const;
  for (const lang of ['fr', 'de', 'it'] as const) {
    await call(app, 'settings.setLanguage', { language: lang });
    await page.goto(`${app.url}#/settings/people`);
    await page.reload();
    await expect(page.getByTestId('rules-card')).toContainText(titles[lang]);
    await shot(page, `people-settings-${lang}`);
    await page.goto(`${app.url}#/lead/${d.lead.id}`);
    await expect(page.getByTestId('customer-card')).toBeVisible();
    await shot(page, `people-lead-side-${lang}`);
  }
});
