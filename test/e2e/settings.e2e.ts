// Settings → General end to end: the dealer's name, an opening hour and a public holiday are saved and still there
// after a reload; a refused opening hour shows its translated error next to the day; a campaign added here appears in
// the New lead form's campaign select; desk staff see the cards read-only. Screenshots of the General tab.
import { expect, shot, test, type AppFixture } from './fixtures';

async function call<T>(app: AppFixture, channel: string, input: unknown): Promise<T> {
  const r = await app.core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

test('dealer, opening hours and holidays are kept; a new campaign reaches the New lead form', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings`);
  await expect(page.getByTestId('settings-tab-general')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('dealer-name').fill('Officina Rossi Srl');
  await page.getByTestId('dealer-email').fill('not-an-email');
  await page.getByTestId('dealer-save').click();
  await expect(page.getByTestId('dealer-card')).toContainText('The e-mail address is not valid');
  await page.getByTestId('dealer-email').fill('service@rossi.example');
  await page.getByTestId('dealer-save').click();
  await expect.poll(() => app.core.settings.all().dealer.name).toBe('Officina Rossi Srl');

  // Opening hours: Tuesday closing before opening is refused next to the day; Monday opens at 09:00.
  await page.getByTestId('hours-2-close').fill('07:00');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('hours-2-error')).toContainText('The closing time must be later than the opening time');
  await page.getByTestId('hours-2-close').fill('25:00'); // typed as 24-hour HH:MM, whatever the browser's locale
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('hours-2-error')).toBeVisible();
  await page.getByTestId('hours-2-close').fill('18:30');
  await page.getByTestId('hours-1-open').fill('09:00');
  await page.getByTestId('holiday-input').fill('2026-12-08');
  await page.getByTestId('holiday-add').click();
  await expect(page.getByTestId('holiday-2026-12-08')).toBeVisible();
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('hours-2-error')).toHaveCount(0);
  await expect.poll(() => app.core.settings.rules().holidays).toEqual(['2026-12-08']);
  expect(app.core.settings.rules().openingHours[1]).toEqual({ open: '09:00', close: expect.any(String) });

  await page.reload();
  await expect(page.getByTestId('dealer-name')).toHaveValue('Officina Rossi Srl');
  await expect(page.getByTestId('dealer-email')).toHaveValue('service@rossi.example');
  await expect(page.getByTestId('hours-1-open')).toHaveValue('09:00');
  await expect(page.getByTestId('holiday-2026-12-08')).toBeVisible();

  // Campaigns: the six defaults read-only; one added; the same name again is refused with its message.
  await expect(page.getByTestId('campaign-default-service_reminder')).toHaveText('Service Reminder');
  await page.getByTestId('campaign-name').fill('Tyre hotel');
  await page.getByTestId('campaign-add').click();
  await expect(page.getByTestId('campaign-extra-tyre_hotel')).toContainText('Tyre hotel');
  await page.getByTestId('campaign-name').fill('TYRE hotel');
  await page.getByTestId('campaign-add').click();
  await expect(page.getByTestId('campaigns-card')).toContainText('already exists');
  await shot(page, 'settings-general-en');

  await page.goto(`${app.url}#/new`);
  await page.getByTestId('new-campaign').click();
  await expect(page.getByRole('option', { name: 'Tyre hotel' })).toBeVisible();
  await page.getByRole('option', { name: 'Tyre hotel' }).click();
  await expect(page.getByTestId('new-campaign')).toHaveValue('Tyre hotel');

  // A campaign a lead uses cannot be removed.
  await call(app, 'leads.create', {
    firstName: 'Rita',
    lastName: 'Neri',
    leadType: 'customer_driven',
    source: 'spontaneous',
    campaign: 'tyre_hotel',
    phone: '+39 333 1234567',
  });
  await page.goto(`${app.url}#/settings/general`);
  await page.getByTestId('campaign-remove-tyre_hotel').click();
  await expect(page.getByTestId('campaigns-error')).toContainText('cannot be removed');
  await expect(page.getByTestId('campaign-extra-tyre_hotel')).toBeVisible();
});

test('desk staff see the General settings read-only', async ({ page, app }) => {
  const desk = await call<{ id: number }>(app, 'people.save', { name: 'Dora Verdi', roles: ['booking_operator'] });
  await call(app, 'people.switch', { userId: desk.id });
  await page.goto(`${app.url}#/settings/general`);
  await expect(page.getByTestId('dealer-card-readonly')).toBeVisible();
  await expect(page.getByTestId('dealer-name')).toBeDisabled();
  await expect(page.getByTestId('dealer-save')).toHaveCount(0);
  await expect(page.getByTestId('rules-save')).toHaveCount(0);
  await expect(page.getByTestId('hours-1-open')).toBeDisabled();
  await expect(page.getByTestId('campaign-add')).toHaveCount(0);
  await shot(page, 'settings-general-readonly-en');
});
