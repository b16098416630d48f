// Settings → Data → Host & desks in the desktop app on its own: a manager connects this PC to the dealership's host
// with its address and pairing code (docs/rules.md §12.1). Browser mode stands in for the desktop app's window: its
// core has Electron main's desk control (electron/main/deskMode.ts), which pairs with a real HTTPS host, keeps
// desk.json and asks for the restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreHost } from '../../electron/core/backup/host';
import { readDeskConfig } from '../../electron/core/desk/deskConfig';
import { createDeskControl } from '../../electron/main/deskMode';
import { createHostLink, startHostServer } from '../../electron/web/hostServer';
import { expect, shot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'aslm-e2e-connect-'));
const userData = join(dir, 'user-data');
mkdirSync(userData);
let restarts = 0;
test.use({ coreOptions: { deskControl: createDeskControl({ userData, now: Date.now, restart: () => restarts++ }) } });
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a manager connects this PC to a host: a wrong code is said under its field, then the app restarts as a desk', async ({
  page,
  app,
}) => {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  const link = createHostLink();
  const hostDb = join(dir, 'host.sqlite');
  const hostCore = createCoreHost({ dbPath: hostDb, timeZone: 'Europe/Rome', log: () => undefined, hostLink: link });
  const host = await startHostServer({ core: hostCore, link, dbPath: hostDb, staticDir, listen: '127.0.0.1', port: 0 });
  try {
    await page.goto(`${app.url}#/settings/data`);
    const form = page.getByTestId('connect-form');
    await expect(form).toBeVisible();
    await page.getByTestId('connect-hostUrl').fill('front desk pc');
    await page.getByTestId('connect-code').fill('123456');
    await page.getByTestId('connect-deskName').fill('Front desk 2');
    await page.getByTestId('connect-submit').click();
    await expect(form).toContainText('Type the host');
    await expect(page.getByTestId('connect-hostUrl')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('connect-hostUrl').fill(host.url);
    const right = host.pairing.current().code;
    await page.getByTestId('connect-code').fill(right === '000000' ? '000001' : '000000');
    await page.getByTestId('connect-submit').click();
    await expect(form).toContainText('The pairing code is wrong or has expired');
    await expect(page.getByTestId('connect-code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('connect-hostUrl')).not.toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'connect-to-host-error');
    await page.getByTestId('connect-code').fill(host.pairing.current().code);
    await page.getByTestId('connect-fingerprint').fill(host.cert.fingerprint);
    await page.getByTestId('connect-submit').click();
    await expect(page.getByTestId('connect-done')).toContainText(`Connected to ${host.url}`);
    expect(readDeskConfig(userData)).toMatchObject({ hostUrl: host.url, deskName: 'Front desk 2' });
    await expect.poll(() => restarts, { timeout: 5000 }).toBe(1);
    // The host lists the new desk.
    expect((await hostCore.core()!.desks.list()).map((d) => d.name)).toContain('Front desk 2');
  } finally {
    await host.close();
    hostCore.close();
  }
});
