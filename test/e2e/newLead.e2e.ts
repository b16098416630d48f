// The New lead form at a laptop's 1366×768: the phone is checked as the import checks it, the error is under the
// phone field, the Create button is on screen without scrolling, and the assignee is the person at the desk.
import { expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('new lead at 1366×768: phone error under the phone field, Create in view, assignee = the person at the desk', async ({
  page,
  app,
}) => {
  const cur = await app.core.dispatch('people.current', {}, { transport: 'test' });
  const me = cur.ok ? (cur.value as { user: { id: number; name: string } | null }).user : null;
  if (!me) throw new Error('no one at the desk');
  await page.goto(`${app.url}#/new`);
  await expect(page.getByTestId('new-lead')).toBeVisible();
  await expect(page.getByTestId('new-save')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByTestId('new-assignee')).toHaveValue(me.name);

  await page.getByTestId('new-firstName').fill('Anna');
  await page.getByTestId('new-lastName').fill('Verdi');
  await page.getByTestId('new-phone').fill('abc');
  await page.getByTestId('new-save').click();
  const phoneWrapper = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('new-phone') });
  await expect(phoneWrapper.locator('.mantine-InputWrapper-error')).toContainText('phone number is not valid');
  await expect(page.getByTestId('new-lead').locator('.mantine-InputWrapper-error')).toHaveCount(1);
  await expect(page.getByTestId('new-error')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/new$/);
  await shot(page, 'new-lead-1366-phone-error');

  // The same for the e-mail: the import's check, named on its field.
  await page.getByTestId('new-phone').fill('+39 333 1234567');
  await page.getByTestId('new-email').fill('anna@verdi.it.');
  await page.getByTestId('new-save').click();
  const emailWrapper = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId('new-email') });
  await expect(emailWrapper.locator('.mantine-InputWrapper-error')).toContainText('e-mail address is not valid');

  await page.getByTestId('new-email').fill('anna@verdi.it');
  await expect(page.getByTestId('new-save')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('new-save').click();
  await expect(page).toHaveURL(/#\/lead\/\d+$/);
  const id = Number(page.url().split('/').pop());
  expect((await app.core.leads.load(id)).assigneeId).toBe(me.id);
});
