// Host mode with two desks (docs/rules.md §12): an HTTPS host on 127.0.0.1 with a temp database, two browser
// contexts each paired with its own code and signed in as a different person (the manager on desk A, a booking
// operator on desk B). A lead the manager creates and assigns to B on desk A shows in desk B's list without reload; the
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
  /** The two people and their passwords (set once, at the first start); the host's own manager session. */
  readonly people = {
    manager: { login: 'marta.manager@dealer.example', password: 'Marta manager 2026', id: 0 },
    operator: { login: 'bruno.booking@dealer.example', password: 'Bruno booking 2026', id: 0 },
  };
  session = '';
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
      signIn: 'required',
      onOpen: (c) => c.events.on((e) => s?.push.publish(e)),
    });
    const c = this.core.core()!;
    if (!this.people.manager.id) {
      await c.settings.set('setup.done', true);
      const m = await c.people.save({
        id: await c.people.defaultManager(),
        name: 'Marta Manager',
        email: this.people.manager.login,
        language: 'en',
        active: true,
        roles: ['manager'],
        absences: [],
      });
      const o = await c.people.save({
        name: 'Bruno Booking',
        email: this.people.operator.login,
        language: 'en',
        active: true,
        roles: ['booking_operator'],
        absences: [],
      });
      this.people.manager.id = m.id;
      this.people.operator.id = o.id;
      await c.auth.changePassword(m.id, '', this.people.manager.password);
      await c.auth.changePassword(o.id, '', this.people.operator.password);
      const r = await this.core.dispatch(
        'auth.signIn',
        { login: this.people.manager.login, password: this.people.manager.password },
        { transport: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      this.session = (r.value as { token: string }).token;
    }
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
  /** A lead the manager creates for the booking operator (the host's own manager session). */
  async create(lastName: string): Promise<LeadDetail> {
    const r = await this.core.dispatch(
      'leads.create',
      {
        firstName: 'Anna',
        lastName,
        leadType: 'customer_driven',
        source: 'web',
        campaign: 'service_reminder',
        assigneeId: this.people.operator.id,
      },
      { transport: 'test', sessionToken: this.session },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as LeadDetail;
  }
}

async function pairedDesk(
  browser: Browser,
  host: Host,
  name: string,
  who: { login: string; password: string },
): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(host.server.url);
  await expect(page.getByTestId('pairing-screen')).toBeVisible();
  await page.getByTestId('pair-code').fill(host.server.pairing.current().code);
  await page.getByTestId('pair-name').fill(name);
  await page.getByTestId('pair-submit').click();
  // Paired: now the person signs in (each desk its own person).
  await page.getByTestId('sign-in-login').fill(who.login);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('nav-assigned')).toBeVisible();
  return page;
}

/** Desk A's own call through the host with its desk token and its person's session (what its screens do). */
const createOnDesk = (page: Page, lastName: string, assigneeId: number) =>
  page.evaluate(
    async ([lastName, assigneeId]) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-ASLM-Desk': localStorage.getItem('aslm.deskToken') ?? '',
          'X-ASLM-Session': sessionStorage.getItem('aslm.session') ?? '',
        },
        body: JSON.stringify({
          channel: 'leads.create',
          input: {
            firstName: 'Lucia',
            lastName,
            leadType: 'customer_driven',
            source: 'web',
            campaign: 'service_reminder',
            assigneeId,
          },
        }),
      });
      return (await res.json()) as { ok: boolean; value: LeadDetail };
    },
    [lastName, assigneeId] as const,
  );

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

    const a = await pairedDesk(browser, host, 'Front desk 1', host.people.manager);
    const b = await pairedDesk(browser, host, 'Front desk 2', host.people.operator);
    // Each desk is its own person (the header names who is signed in).
    await expect(a.getByText('Marta Manager').first()).toBeVisible();
    await expect(b.getByText('Bruno Booking').first()).toBeVisible();
    await b.goto(`${host.server.url}#/list/assigned`);
    await expect(b.getByText('No leads yet')).toBeVisible();
    // Idle longer than Node's default keep-alive (5 s): the desks' next calls must not fail as if the host were down.
    await b.waitForTimeout(6000);
    await expect(b.getByTestId('connection-banner')).toHaveCount(0);
    await expect(a.getByTestId('connection-banner')).toHaveCount(0);

    // 1. Created and assigned to B's person on desk A → in desk B's list within 2 s, no reload.
    const created = await createOnDesk(a, 'Verdiwave', host.people.operator.id);
    expect(created.ok).toBe(true);
    expect(created.value.lead.assigneeId).toBe(host.people.operator.id);
    // The history names the signed-in manager, not a shared "who is at the desk".
    expect(JSON.stringify(created.value.history)).toContain('Marta Manager');
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
