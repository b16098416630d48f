// Accessibility of every screen: axe-core (WCAG 2.1 A/AA rules: contrast ≥ 4.5:1 for text, names on buttons and
// fields, …) finds no serious or critical violation on the lists, the lead page and each of its dialogs, My day,
// SLA & KPI, import, every Settings tab, Help, the new lead form and the global search.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Found {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page, screen: string, found: Found[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250); // transitions (modals, tabs) settle
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of r.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    found.push({
      screen,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(' ')} ${n.html.slice(0, 160)}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('')}` : ''}`,
        ),
    });
  }
}

const ctx = { transport: 'test' as const };

async function seed(app: {
  core: {
    dispatch: (c: string, i: unknown, x: typeof ctx) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  };
}) {
  const demo = await app.core.dispatch('demo.load', { leads: 120 }, ctx);
  if (!demo.ok) throw new Error(JSON.stringify(demo.error));
  const list = await app.core.dispatch('leads.list', { view: 'not_managed' }, ctx);
  const lead = (list.value as { rows: { id: number }[] }).rows[0]!;
  const got = await app.core.dispatch('leads.get', { id: lead.id }, ctx);
  const version = (got.value as { lead: { version: number } }).lead.version;
  const contact = await app.core.dispatch(
    'leads.recordContact',
    { id: lead.id, version, input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' } },
    ctx,
  );
  if (!contact.ok) throw new Error(JSON.stringify(contact.error));
  return lead.id;
}

test.describe('no serious or critical axe violation', () => {
  test.describe.configure({ timeout: 300_000 });

  test('lists and the global search', async ({ page, app }) => {
    await seed(app);
    const found: Found[] = [];
    await page.goto(app.url);
    await expect(page.locator('[data-testid="lead-table"] tbody tr').first()).toBeVisible();
    await audit(page, 'list assigned', found);
    for (const view of ['in_progress', 'closed_no_sale']) {
      await page.getByTestId(`nav-${view}`).click();
      await audit(page, `list ${view}`, found);
    }
    await page.keyboard.press('/');
    await page.getByTestId('global-search-input').fill('mar');
    await expect(page.getByTestId('global-search-row').first()).toBeVisible();
    await audit(page, 'global search', found);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  test('the lead page and each of its dialogs', async ({ page, app }) => {
    const id = await seed(app);
    const found: Found[] = [];
    await page.goto(`${app.url}#/lead/${id}`);
    await expect(page.getByTestId('lead-page')).toBeVisible();
    await audit(page, 'lead page', found);
    for (const a of ['edit', 'recordContact', 'makeAppointment', 'closedInSale', 'closedNoSale', 'contactAgain']) {
      const button = page.getByTestId(`action-${a}`);
      expect(await button.getAttribute('aria-disabled'), a).toBeNull();
      await button.click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await audit(page, `dialog ${a}`, found);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  for (const group of [
    [
      ['my day', '#/my-day'],
      ['kpi', '#/kpi'],
      ['import', '#/import'],
      ['help', '#/help'],
      ['new lead', '#/new'],
    ],
    [
      ['settings general', '#/settings/general'],
      ['settings people', '#/settings/people'],
      ['settings playbook', '#/settings/playbook'],
      ['settings import', '#/settings/import'],
      ['settings email', '#/settings/email'],
      ['settings data', '#/settings/data'],
    ],
  ] as const) {
    test(`screens: ${group.map(([s]) => s).join(', ')}`, async ({ page, app }) => {
      await seed(app);
      const found: Found[] = [];
      for (const [screen, hash] of group) {
        await page.goto(`${app.url}${hash}`);
        await expect(page.getByTestId('route-loading')).toHaveCount(0);
        await expect(page.locator('main')).not.toBeEmpty();
        await audit(page, screen, found);
      }
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    });
  }
});

test('no serious or critical axe violation in the first-run setup, step by step', async ({ page, app }) => {
  await app.core.settings.set('setup.done', false);
  const found: Found[] = [];
  await page.goto(app.url);
  await expect(page.getByTestId('setup-wizard')).toBeVisible();
  await audit(page, 'setup: dealership', found);
  await page.getByTestId('setup-dealer-name').fill('Modena Motori');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-timeZone')).toBeVisible();
  await audit(page, 'setup: opening hours', found);
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-manager-name')).toBeVisible();
  await audit(page, 'setup: manager', found);
  await page.getByTestId('setup-manager-name').fill('Paola Neri');
  await page.getByTestId('setup-next').click();
  await expect(page.getByTestId('setup-smtp-host')).toBeVisible();
  await audit(page, 'setup: e-mail', found);
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
});
