// Several sites (issue 15, docs/rules.md §11.8) in Settings → Assignment rules and the appointment dialog: a group
// manager with "All sites" in view sees each site's rules in its block, adds a rule, is told on the rule's Site field
// that it needs one, chooses it (the rule's people are then that site's), saves; choosing a site in the header shows
// only its rules, titled with its name; the workshop load beside the date picker is the lead's site's.
import type { LeadDetail } from '../../shared/contract/models';
import type { SitesInfo } from '../../shared/contract/sites';
import { expect, shot, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
type Rules = { rules: { siteId?: number; targetUserId: number | null }[] };

test('several sites: the rules per site, the Site field of a new rule, and the lead site’s workshop load', async ({
  page,
  app,
}) => {
  const info = await call<SitesInfo>(app, 'sites.save', { code: 'TO', name: 'Torino' });
  const [one, two] = info.sites as [SitesInfo['sites'][number], SitesInfo['sites'][number]];
  const anna = await call<{ id: number }>(app, 'people.save', {
    name: 'Anna Uno',
    roles: ['booking_operator'],
    siteId: one.id,
  });
  const bruno = await call<{ id: number }>(app, 'people.save', {
    name: 'Bruno Due',
    roles: ['booking_operator'],
    siteId: two.id,
  });
  await call(app, 'assignment.rules.set', {
    rules: [
      { source: 'web', targetUserId: anna.id, siteId: one.id },
      { source: 'web', targetUserId: bruno.id, siteId: two.id },
    ],
  });

  // "All sites": one block per site, each rule with its Site field.
  await page.goto(`${app.url}#/settings/people`);
  const card = page.getByTestId('rules-card');
  await expect(page.getByTestId('site-switch')).toHaveValue('All sites');
  await expect(card.getByRole('heading', { name: 'Assignment rules', exact: true })).toBeVisible();
  await expect(page.getByTestId(`rules-site-${one.id}`).getByTestId('rule-target-0')).toHaveValue('Anna Uno');
  await expect(page.getByTestId(`rules-site-${two.id}`).getByTestId('rule-target-1')).toHaveValue('Bruno Due');
  await expect(page.getByTestId('rule-site-1')).toHaveValue('Torino');
  // Torino's first rule does not move above the first site's: each site's order is its own.
  await expect(page.getByTestId('rule-1').getByRole('button', { name: 'Move up' })).toBeDisabled();

  // A new rule has no site: saving is refused, the translated error on its Site field; its people are group-wide only.
  await page.getByTestId('rule-add').click();
  await expect(page.getByTestId('rules-site-none')).toContainText('Rules without a site yet');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rule-2')).toContainText(
    "With several sites, each rule needs its site: choose it in the rule's Site field.",
  );
  await page.getByTestId('rule-target-2').click();
  await expect(page.getByRole('option', { name: 'Pool: Booking Operator' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Anna Uno' })).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'Bruno Due' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shot(page, 'sites-rules-missing-site-en');

  // Torino chosen: the rule is Torino's second, its people Torino's (not Anna of the first site); saved.
  await page.getByTestId('rule-site-2').click();
  await page.getByRole('option', { name: 'Torino' }).click();
  await expect(page.getByTestId('rules-site-none')).toHaveCount(0);
  await expect(page.getByTestId(`rules-site-${two.id}`).getByTestId('rule-2')).toContainText('2.');
  await expect(page.getByTestId('rule-2').getByRole('button', { name: 'Move up' })).toBeEnabled();
  await page.getByTestId('rule-target-2').click();
  await expect(page.getByRole('option', { name: 'Anna Uno' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Bruno Due' }).click();
  await page.getByTestId('rules-save').click();
  await expect(page.getByText('Assignment rules saved.')).toBeVisible();
  await expect(page.getByTestId('rule-2')).not.toContainText('needs its site');
  const saved = (await call<Rules>(app, 'assignment.rules.get', {})).rules;
  expect(saved.map((r) => [r.siteId, r.targetUserId])).toEqual([
    [one.id, anna.id],
    [two.id, bruno.id],
    [two.id, bruno.id],
  ]);
  await shot(page, 'sites-rules-all-en');

  // Torino in the header: its rules only, titled with its name, no Site field.
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: 'Torino' }).click();
  await expect(card.getByRole('heading', { name: 'Assignment rules — Torino' })).toBeVisible();
  await expect(page.getByTestId('rule-target-0')).toHaveValue('Bruno Due');
  await expect(page.getByTestId('rule-target-1')).toHaveValue('Bruno Due');
  await expect(page.getByTestId('rule-2')).toHaveCount(0);
  await expect(page.getByTestId('rule-site-0')).toHaveCount(0);
  await shot(page, 'sites-rules-torino-en');

  // The first site in view, a Torino lead's appointment: Torino's capacity (3, the group's is 8) and appointments.
  await call(app, 'sites.settings.save', { siteId: two.id, capacity: 3 });
  const reached = async (lastName: string, siteId: number) => {
    const d = await call<LeadDetail>(app, 'leads.create', {
      firstName: 'Luca',
      lastName,
      leadType: 'customer_driven',
      source: 'spontaneous',
      campaign: 'service_reminder',
      phone: '+39 333 1234567',
      siteId,
    });
    return call<LeadDetail>(app, 'leads.recordContact', {
      id: d.lead.id,
      version: d.lead.version,
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
  };
  const booked = await reached('Conti', two.id);
  await call(app, 'leads.makeAppointment', {
    id: booked.lead.id,
    version: booked.lead.version,
    input: { appointmentAt: Date.parse('2026-11-19T10:00:00Z'), sendEmail: false },
  });
  const lead = await reached('Neri', two.id);
  expect(lead.lead.siteId).toBe(two.id);
  await page.getByTestId('site-switch').click();
  await page.getByRole('option', { name: one.name }).click();
  await expect(card.getByRole('heading', { name: `Assignment rules — ${one.name}` })).toBeVisible();
  await page.goto(`${app.url}#/lead/${lead.lead.id}`);
  await page.getByTestId('action-makeAppointment').click();
  await expect(page.getByTestId('workshop-load')).toContainText('capacity 3');
  await expect(page.getByTestId('load-2026-11-19')).toContainText('1/3');
  await expect(page.getByTestId('load-2026-11-20')).toContainText('0/3');
  await shot(page, 'sites-workshop-load-en');
});
