// Sign-in end to end (host mode, docs/rules.md §12): the server started with sign-in required; demo data give the
// managers temporary passwords (as `aslm demo` prints them). A wrong password is refused with a translated message;
// the demo manager signs in, must change the password, lands where the address pointed, signs out; an expired
// session brings the sign-in back over the same address; the manager resets a colleague's password, shown once,
// and that colleague signs in with it in another browser context.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { generateDemo } from '../../electron/core/demo/generate';
import { expect, NOW, shot, test } from './fixtures';

/** axe-core (WCAG 2.1 A/AA) finds no serious or critical violation on this screen. */
async function accessible(page: Page): Promise<void> {
  await page.waitForTimeout(250);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.use({ signIn: 'required' });

const HOUR = 3_600_000;

test('sign in with the printed password, forced change, sign out, wrong password, expiry, reset', async ({
  page,
  app,
  browser,
}) => {
  await generateDemo(app.core.data, app.core.settings, { leads: 40, seed: 7, now: NOW });
  const printed = await app.core.auth.passwordsForManagersWithout();
  const giulia = printed.find((p) => p.name === 'Giulia Ferretti')!;
  expect(giulia.login).toBe('giulia.ferretti@dealer.example');

  await page.goto(`${app.url}#/list/in_progress`);
  await expect(page.getByRole('heading', { name: 'Sign in to ASLM Desk' })).toBeVisible();
  await shot(page, 'sign-in');
  await accessible(page);

  // A wrong password: the same message as an unknown person.
  await page.getByTestId('sign-in-login').fill(giulia.login);
  await page.getByTestId('sign-in-password').fill('not her password');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'The user name or the password is not correct. Please try again.',
  );

  // The printed temporary password → the forced change (the policy's refusal translated), then the app.
  await page.getByTestId('sign-in-password').fill(giulia.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByTestId('change-current').fill(giulia.password);
  await page.getByTestId('change-next').fill('short');
  await page.getByTestId('change-again').fill('short');
  await page.getByTestId('change-submit').click();
  await expect(page.getByText('The new password is too short: please use at least 10 characters.')).toBeVisible();
  await shot(page, 'sign-in-change-password');
  await accessible(page);
  await page.getByTestId('change-next').fill('Ferretti dealer 2026');
  await page.getByTestId('change-again').fill('Ferretti dealer 2026');
  await page.getByTestId('change-submit').click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Giulia Ferretti');
  await expect(page.getByTestId('user-switch')).toHaveCount(0); // no "who is at the desk" with sign-in
  expect(page.url()).toContain('#/list/in_progress');

  // A reload keeps the session (this tab's); Sign out ends it.
  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Giulia Ferretti');
  await page.getByTestId('signed-in-user').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByRole('heading', { name: 'Sign in to ASLM Desk' })).toBeVisible();
  await page.getByTestId('sign-in-login').fill('GIULIA.FERRETTI@dealer.example');
  await page.getByTestId('sign-in-password').fill(giulia.password); // the temporary one no longer works
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await page.getByTestId('sign-in-password').fill('Ferretti dealer 2026');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Giulia Ferretti');

  // Giulia's own language is Italian (demo data): the app follows the signed-in person.
  await page.goto(`${app.url}#/settings/people`);
  await expect(page.getByTestId('people-card')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toHaveText('Impostazioni');
  // 12 h later the session has expired: the next call (here: the window regains focus) brings the sign-in back,
  // over the same address.
  app.clock.advance(12 * HOUR + 1);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('sign-in-notice')).toHaveText('La sessione è scaduta. Accedi di nuovo.');
  await page.getByTestId('sign-in-login').fill(giulia.login);
  await page.getByTestId('sign-in-password').fill('Ferretti dealer 2026');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('people-card')).toBeVisible();
  expect(page.url()).toContain('#/settings/people');

  // The manager resets Luc's password: shown once; Luc signs in with it in his own browser context.
  const luc = app.core.store!.sqlite.prepare("SELECT id FROM users WHERE name = 'Luc Martin'").get() as { id: number };
  await expect(page.getByTestId(`user-no-password-${luc.id}`)).toHaveText('Nessuna password');
  await page.getByTestId(`user-reset-password-${luc.id}`).click();
  await page.getByTestId('reset-password-confirm').click();
  const shown = page.getByTestId('temporary-passwords');
  await expect(shown).toContainText('Annotala: non verrà più mostrata.');
  const temporary = (await shown.getByTestId('temporary-password').textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await shot(page, 'sign-in-reset-password');
  await accessible(page);
  await page.getByTestId('temporary-passwords-done').click();
  await expect(page.getByTestId(`user-no-password-${luc.id}`)).toHaveCount(0);

  const other = await browser.newContext({ locale: 'fr-FR' });
  try {
    const desk = await other.newPage();
    await desk.goto(app.url);
    await expect(desk.getByRole('heading', { name: 'Se connecter à ASLM Desk' })).toBeVisible();
    await desk.getByTestId('sign-in-login').fill('luc.martin@dealer.example');
    await desk.getByTestId('sign-in-password').fill(temporary);
    await desk.getByTestId('sign-in-submit').click();
    await expect(desk.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeVisible();
    await desk.getByTestId('change-current').fill(temporary);
    await desk.getByTestId('change-next').fill('le mot de passe de Luc');
    await desk.getByTestId('change-again').fill('le mot de passe de Luc');
    await desk.getByTestId('change-submit').click();
    await expect(desk.getByTestId('signed-in-user')).toHaveText('Luc Martin');
    // Each context is its own sign-in: the manager is still signed in on hers.
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Giulia Ferretti');
  } finally {
    await other.close();
  }

  // Five wrong passwords lock the account: the screen says until when.
  const third = await browser.newContext();
  try {
    const desk = await third.newPage();
    await desk.goto(app.url);
    for (let i = 0; i < 5; i++) {
      await desk.getByTestId('sign-in-login').fill('paolo.neri@dealer.example');
      await desk.getByTestId('sign-in-password').fill(`guess ${i}`);
      await desk.getByTestId('sign-in-submit').click();
      await expect(desk.getByTestId('sign-in-error')).toBeVisible();
    }
    await expect(desk.getByTestId('sign-in-error')).toContainText(/this account is locked until \d{1,2}:\d{2}\./);
  } finally {
    await third.close();
  }

  // Her own password, changed from the header when she likes (no reset button on her own row).
  await expect(page.getByTestId(`user-reset-password-${luc.id}`)).toBeVisible();
  const me = app.core.store!.sqlite.prepare("SELECT id FROM users WHERE name = 'Giulia Ferretti'").get() as {
    id: number;
  };
  await expect(page.getByTestId(`user-reset-password-${me.id}`)).toHaveCount(0);
  await page.getByTestId('signed-in-user').click();
  await page.getByTestId('change-password').click();
  await page.getByTestId('change-current').fill('Ferretti dealer 2026');
  await page.getByTestId('change-next').fill('Ferretti dealer 2027');
  await page.getByTestId('change-again').fill('Ferretti dealer 2027');
  await page.getByTestId('change-submit').click();
  await expect(page.getByText('La password è stata cambiata.')).toBeVisible();
  const again = await app.core.dispatch(
    'auth.signIn',
    { login: giulia.login, password: 'Ferretti dealer 2027' },
    { transport: 'test' },
  );
  expect(again.ok).toBe(true);
});
