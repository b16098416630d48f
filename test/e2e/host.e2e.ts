// Host mode with two desks (docs/rules.md §12): an HTTPS host on 127.0.0.1 with a temp database, two browser
// contexts each paired with its own code. A lead created on desk A shows in desk B's list without reload; the
// same edit on the same version from both desks: one wins, the other is told and reloads; the host stopped →
// banner on the desks, restarted → banner gone and the lists refresh.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { createCoreHost, type CoreHost } from '../../electron/core/backup/host';
import { testClock } from '../../electron/core/clock';
import { createHostLink, startHostServer, type HostServer } from '../../electron/web/hostServer';
import type { LeadDetail } from '../../shared/contract/models';
import { expect, NOW, test } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));

class Host {
  core!: CoreHost;
  server!: HostServer;
  readonly dir = mkdtempSync(join(tmpdir(), 'aslm-host-e2e-'));
  readonly dbPath = join(this.dir, 'aslm.sqlite');
  readonly clock = testClock(NOW);
  async start(port = 0) {
    const link = createHostLink();
    let s: HostServer | null = null;
    this.core = createCoreHost({
      dbPath: this.dbPath,
      clock: this.clock,
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      hostLink: link,
      onOpen: (c) => c.events.on((e) => s?.push.publish(e)),
    });
    this.core.core()?.settings.set('setup.done', true);
    s = await startHostServer({
      core: this.core,
      link,
      dbPath: this.dbPath,
      staticDir: resolve(here, '../../dist/renderer'),
      listen: '127.0.0.1',
      port,
      testClock: this.clock,
    });
    this.server = s;
  }
  async stop() {
    await this.server.close();
    this.core.close();
  }
  async create(lastName: string): Promise<LeadDetail> {
    const r = await this.core.dispatch(
      'leads.create',
      { firstName: 'Anna', lastName, leadType: 'customer_driven', source: 'web', campaign: 'service_reminder' },
      { transport: 'test' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as LeadDetail;
  }
}

async function pairedDesk(browser: Browser, host: Host, name: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(host.server.url);
  await expect(page.getByTestId('pairing-screen')).toBeVisible();
  await page.getByTestId('pair-code').fill(host.server.pairing.current().code);
  await page.getByTestId('pair-name').fill(name);
  await page.getByTestId('pair-submit').click();
  await expect(page.getByTestId('nav-assigned')).toBeVisible();
  return page;
}

/** Desk A's own call through the host with its desk token (what its screens do). */
const createOnDesk = (page: Page, lastName: string) =>
  page.evaluate(async (lastName) => {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-ASLM-Desk': localStorage.getItem('aslm.deskToken') ?? '' },
      body: JSON.stringify({
        channel: 'leads.create',
        input: {
          firstName: 'Lucia',
          lastName,
          leadType: 'customer_driven',
          source: 'web',
          campaign: 'service_reminder',
        },
      }),
    });
    return (await res.json()) as { ok: boolean; value: LeadDetail };
  }, lastName);

test('two desks on one host: live lists, one wins a conflicting edit, the banner while the host is down', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const host = new Host();
  await host.start();
  try {
    // An unpaired browser gets the pairing screen; a wrong code is refused with its message.
    const strangerCtx = await browser.newContext({ ignoreHTTPSErrors: true });
    const stranger = await strangerCtx.newPage();
    await stranger.goto(host.server.url);
    await stranger.getByTestId('pair-code').fill(host.server.pairing.current().code === '111111' ? '222222' : '111111');
    await stranger.getByTestId('pair-name').fill('Stranger');
    await stranger.getByTestId('pair-submit').click();
    await expect(stranger.getByTestId('pairing-screen')).toContainText(/wrong or has expired/);
    await strangerCtx.close();

    const a = await pairedDesk(browser, host, 'Front desk 1');
    const b = await pairedDesk(browser, host, 'Front desk 2');
    await b.goto(`${host.server.url}#/list/assigned`);
    await expect(b.getByText('No leads yet')).toBeVisible();
    // Idle longer than Node's default keep-alive (5 s): the desks' next calls must not fail as if the host were down.
    await b.waitForTimeout(6000);
    await expect(b.getByTestId('connection-banner')).toHaveCount(0);
    await expect(a.getByTestId('connection-banner')).toHaveCount(0);

    // 1. Created on desk A → in desk B's list within 2 s, no reload.
    const created = await createOnDesk(a, 'Verdiwave');
    expect(created.ok).toBe(true);
    await expect(b.getByTestId('lead-table')).toContainText('Verdiwave', { timeout: 2000 });

    // 2. Both desks open the lead and its Edit dialog on the same version; A saves first, B is told and reloads.
    const id = created.value.lead.id;
    for (const p of [a, b]) {
      await p.goto(`${host.server.url}#/lead/${id}`);
      await expect(p.getByTestId('lead-page')).toBeVisible();
      await p.getByTestId('action-edit').click();
      await expect(p.getByTestId('edit-city')).toBeVisible();
    }
    await a.getByTestId('edit-city').fill('Torino');
    await a.getByTestId('dialog-edit-save').click();
    await expect(a.getByTestId('edit-city')).toHaveCount(0);
    await b.getByTestId('edit-city').fill('Milano');
    await b.getByTestId('dialog-edit-save').click();
    await expect(b.getByText('The lead has changed')).toBeVisible();
    await expect(b.getByTestId('lead-page')).toContainText('Torino');
    const versionA = await a.getByTestId('lead-page').getAttribute('data-version');
    await expect(b.getByTestId('lead-page')).toHaveAttribute('data-version', versionA!);

    // 3. The host stops: a banner on the desks; an open dialog keeps its values and shows the error.
    await b.goto(`${host.server.url}#/list/assigned`);
    await expect(b.getByTestId('lead-table')).toContainText('Verdiwave');
    await a.getByTestId('action-edit').click();
    await a.getByTestId('edit-city').fill('Genova');
    const port = host.server.port;
    await host.stop();
    await expect(b.getByTestId('connection-banner')).toBeVisible({ timeout: 10_000 });
    await a.getByTestId('dialog-edit-save').click();
    await expect(a.getByTestId('dialog-edit-error')).toBeVisible();
    await expect(a.getByTestId('edit-city')).toHaveValue('Genova');
    await expect(a.getByTestId('connection-banner')).toBeVisible();

    // … restarts on the same database: the banner goes, the list shows what changed meanwhile.
    await host.start(port);
    await host.create('Rossiback');
    await b.getByTestId('connection-retry').click();
    await expect(b.getByTestId('connection-banner')).toBeHidden({ timeout: 15_000 });
    await expect(b.getByTestId('lead-table')).toContainText('Rossiback', { timeout: 5000 });
    // Desk A retries its edit: the dialog kept the value.
    await a.getByTestId('dialog-edit-save').click();
    await expect(a.getByTestId('edit-city')).toHaveCount(0);
    await expect(a.getByTestId('lead-page')).toContainText('Genova');
    await expect(a.getByTestId('connection-banner')).toBeHidden({ timeout: 15_000 });
  } finally {
    await host.stop().catch(() => undefined);
    rmSync(host.dir, { recursive: true, force: true });
  }
});
