// Each test gets its own app: a fresh SQLite file, the real app core with a test clock, and the
// loopback HTTP server serving the built renderer (dist/renderer — `npm run build:renderer`).
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppCore } from '../../electron/core/appCore';
import { createCoreHost, type CoreHost, type CoreHostOptions } from '../../electron/core/backup/host';
import { testClock, type TestClock } from '../../electron/core/clock';
import { startWebServer, type WebServer } from '../../electron/web/server';

const here = dirname(fileURLToPath(import.meta.url));
export const NOW = Date.parse('2026-11-18T09:30:00Z');
export const SHOTS = resolve(here, '../../test-results/screens');

/** `core` is the host's open core (a new one after a restore); `host` is what the web server dispatches to. */
export interface AppFixture {
  core: AppCore;
  host: CoreHost;
  clock: TestClock;
  web: WebServer;
  url: string;
  dir: string;
  dbPath: string;
}

export const test = base.extend<{
  app: AppFixture;
  signIn: 'off' | 'required';
  coreOptions: Partial<CoreHostOptions>;
}>({
  /** `test.use({ signIn: 'required' })`: the server of a host, every call signed in (docs/rules.md §12). */
  signIn: ['off', { option: true }],
  /** More options of the core (e.g. the desktop app's `deskControl`). */
  coreOptions: [{}, { option: true }],
  app: async ({ signIn, coreOptions }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'aslm-e2e-'));
    const clock = testClock(NOW);
    const dbPath = join(dir, 'aslm.sqlite');
    const host = createCoreHost({
      dbPath,
      clock,
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      signIn,
      ...coreOptions,
    });
    // The tests start on a new database past the first-run setup (setup.e2e.ts opens it again).
    await host.core()?.settings.set('setup.done', true);
    const web = await startWebServer({
      core: host,
      staticDir: resolve(here, '../../dist/renderer'),
      port: 0,
      testClock: clock,
    });
    await use({
      get core() {
        return host.core()!;
      },
      host,
      clock,
      web,
      url: web.url,
      dir,
      dbPath,
    });
    await web.close();
    host.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

/** Saves a screenshot of the page under test-results/screens/<name>.png (kept as a test artifact). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

export { expect };
