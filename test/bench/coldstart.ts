// Cold start to interactive: real Chromium (Playwright, /usr/bin/chromium) against browser mode: the time from
// navigation to the first row of the lead list visible and clickable, two ways:
// - first visit: a fresh browser context per run (no cache at all — the app's first launch after installation);
// - relaunch: a new browser process per run on a profile that opened the app before (its HTTP and V8 code caches
//   kept, as Electron keeps them — with the `codeCache` privilege of app:// — on every launch after the first).
//   npm run bench:coldstart            (a 2,000-lead demo database; BENCH_DB=path to reuse one; needs `npm run build:renderer`)
// `npm run bench` calls benchColdStart() on its own database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page, type Response } from 'playwright-core';
import { createAppCore } from '../../electron/core/appCore';
import { createCoreHost } from '../../electron/core/backup/host';
import { generateDemo } from '../../electron/core/demo/generate';
import { startWebServer } from '../../electron/web/server';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';
import { percentile, type Stat } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const NOW = Date.parse('2026-11-20T10:00:00Z');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1400, height: 900 };

export interface ColdStart {
  stat: Stat;
  /** The same runs by the page's own clock: navigation → the first paint, which is the list's (nothing paints before). */
  firstPaint: Stat;
  /** A new browser process on a kept profile (warmed by earlier launches): navigation → first row clickable. */
  relaunch: Stat;
  relaunchPaint: Stat;
  scriptBytes: number;
}

/** Navigation → the first row visible and clickable, then the page's own first paint (Paint Timing). */
async function openList(page: Page, url: string): Promise<[elapsed: number, paint: number]> {
  const t = performance.now();
  await page.goto(url);
  const row = page.locator('[data-testid="lead-table"] tbody tr').first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await row.click({ trial: true });
  const elapsed = performance.now() - t;
  // Paint Timing, read once the time is taken: the browser's own moment of the first paint, without the checks
  // Playwright makes over the DevTools protocol (the measure above includes them, as a user's eyes and hand would).
  const paint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  return [elapsed, paint];
}

/**
 * Relaunches: `warm` launches fill the kept profile's caches (Chromium writes a script's code cache at its second
 * load and uses it from the third), then `runs` measured ones — each a new browser process, as the desk's morning start.
 */
async function benchRelaunch(url: string, runs: number, warm = 3): Promise<[number[], number[]]> {
  const profile = mkdtempSync(join(tmpdir(), 'aslm-coldstart-profile-'));
  const times: number[] = [];
  const paints: number[] = [];
  try {
    for (let i = 0; i < warm + runs; i++) {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        viewport: VIEWPORT,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const [elapsed, paint] = await openList(page, url);
        // The caches are written after the load: let the page settle before the process ends.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1000);
        if (i >= warm) {
          times.push(elapsed);
          paints.push(paint);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return [times, paints];
}

/** Opens the list `runs` times, each in a new context; also the JS bytes the list route loaded. */
export async function benchColdStart(dbPath: string, runs = 7): Promise<ColdStart> {
  const clock = { now: () => NOW };
  const host = createCoreHost({ dbPath, clock, timeZone: 'Europe/Rome', log: () => undefined });
  const web = await startWebServer({ core: host, staticDir: resolve(here, '../../dist/renderer'), port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const times: number[] = [];
  const paints: number[] = [];
  let scriptBytes = 0;
  let relaunchTimes: number[] = [];
  let relaunchPaints: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      // The scripts' bytes are read once the time is taken: fetching 700 kB of bodies over the DevTools protocol
      // while the page starts would load the same 2 cores the measure is about.
      const scripts: Response[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r);
      });
      const [elapsed, paint] = await openList(page, web.url);
      if (i > 0) {
        times.push(elapsed); // the first run warms the server's file cache and the database
        paints.push(paint);
      }
      await page.waitForLoadState('networkidle');
      scriptBytes = 0;
      for (const r of scripts)
        scriptBytes += await r.body().then(
          (x) => x.length,
          () => 0,
        );
      await context.close();
    }
    await browser.close(); // the relaunches below are the only browser running
    [relaunchTimes, relaunchPaints] = await benchRelaunch(web.url, runs);
  } finally {
    await browser.close();
    await web.close();
    host.close();
  }
  const stat = (name: string, xs: number[]): Stat => {
    xs.sort((a, b) => a - b);
    return { name, n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: xs.at(-1)! };
  };
  return {
    stat: stat(
      'cold start, first visit (no cache): navigation → first list row visible and clickable (Chromium)',
      times,
    ),
    firstPaint: stat('cold start: navigation → the list first painted (the page’s Paint Timing)', paints),
    relaunch: stat('relaunch (browser restarted, its caches kept): navigation → first row clickable', relaunchTimes),
    relaunchPaint: stat('relaunch: navigation → the list first painted (Paint Timing)', relaunchPaints),
    scriptBytes,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-coldstart-'));
  let dbPath = process.env.BENCH_DB;
  if (!dbPath) {
    dbPath = join(dir, 'aslm.sqlite');
    const core = createAppCore({ dbPath, clock: { now: () => NOW }, timeZone: 'Europe/Rome' });
    await generateDemo(core.data, core.settings, { leads: 2_000, now: NOW, seed: 42 });
    core.close();
  }
  const r = await benchColdStart(dbPath);
  console.log(
    `${r.stat.name}: p50 ${r.stat.p50.toFixed(0)} ms, p95 ${r.stat.p95.toFixed(0)} ms (${r.stat.n} runs); JS loaded ${(r.scriptBytes / 1024).toFixed(0)} kB`,
  );
  for (const x of [r.firstPaint, r.relaunch, r.relaunchPaint])
    console.log(`${x.name}: p50 ${x.p50.toFixed(0)} ms, p95 ${x.p95.toFixed(0)} ms (${x.n} runs)`);
  rmSync(dir, { recursive: true, force: true });
}
