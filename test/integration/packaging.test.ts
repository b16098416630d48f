// The installer's configuration is valid offline and the package holds what the app needs and
// nothing of the tests or the dev tools: electron-builder packs `--dir` with a stand-in Electron.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizePhone, phoneMemoKey } from '../../shared/people/phone';

const dir = mkdtempSync(join(tmpdir(), 'aslm-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = (n: string) => join(process.cwd(), 'node_modules/.bin', n);

/** Runs a tool without blocking the test worker (a blocked worker misses vitest's heartbeats). */
function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

/** The fuses of electron-builder.yml (`electronFuses`), as @electron/fuses names them. */
const EXPECTED_FUSES = {
  runAsNode: 'false',
  enableNodeOptionsEnvironmentVariable: 'false',
  enableNodeCliInspectArguments: 'false',
  enableEmbeddedAsarIntegrityValidation: 'true',
  onlyLoadAppFromAsar: 'true',
};
/** @electron/fuses' wire: a sentinel, the wire version (1), its length, then one byte per fuse ('0' off, '1' on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuse order of wire version 1, and Electron's own defaults (run as node, NODE_OPTIONS, inspect and file:// privileges on). */
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const STOCK_WIRE = '10110001';

describe('Windows installer configuration', () => {
  it('electron-builder.yml: NSIS per user without administrator rights, app id, product name, icons, better-sqlite3 unpacked and rebuilt', () => {
    // The file is flat YAML: read the keys it must have (electron-builder itself validates it in the next test).
    const yml = readFileSync('electron-builder.yml', 'utf8');
    const key = (path: string) => {
      const parts = path.split('.');
      let block = yml;
      for (const p of parts.slice(0, -1))
        block = new RegExp(`^\\s*${p}:\\n((?:[ -].*\\n?)+)`, 'm').exec(block)?.[1] ?? '';
      return new RegExp(`^\\s*${parts.at(-1)}:\\s*(.+)$`, 'm').exec(block)?.[1]?.trim();
    };
    expect(key('appId')).toMatch(/^[a-z][\w-]*(\.[\w-]+)+$/);
    expect(key('productName')).toBe('ASLM Desk');
    expect(yml).toMatch(/^win:\n  target:\n    - target: nsis/m);
    expect([key('nsis.perMachine'), key('nsis.allowElevation'), key('nsis.oneClick')]).toEqual([
      'false',
      'false',
      'false',
    ]);
    expect(key('npmRebuild')).toBe('true'); // better-sqlite3 rebuilt for Electron's ABI by `npm run dist`
    expect(yml).toContain('asarUnpack:\n  - "**/node_modules/better-sqlite3/**"');
    expect(yml).toContain('- "!**/*.test.*"');
    expect(yml).toContain('- "!test/**"');
    expect(key('directories.buildResources')).toBe('build');
    const c = { win: { icon: key('win.icon')! } };
    const ico = readFileSync(c.win.icon);
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // a real .ico
    expect(readFileSync('build/icon.png').subarray(1, 4).toString()).toBe('PNG');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder.yml --win nsis/);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });

  it('electron-builder.yml flips the security fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from an integrity-checked asar', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    const block = /^electronFuses:\n((?: {2}.*\n?)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+):\s*(\w+)\s*$/gm)].map((m) => [m[1], m[2]]));
    expect(fuses).toMatchObject(EXPECTED_FUSES);
  });

  it('packs --dir offline with the main, preload, renderer, migrations and locales, and no tests or dev tools', async () => {
    expect(existsSync('dist/renderer/index.html') && existsSync('dist/electron/main.cjs')).toBe(true); // `npm run build` ran
    const fake = join(dir, 'electron-dist');
    mkdirSync(fake);
    // The stand-in carries a stock fuse wire, as a real Electron binary does, so that the build's fuses are flipped in it.
    writeFileSync(
      join(fake, 'electron'),
      `#!/bin/sh\necho stand-in\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${STOCK_WIRE}\n`,
    );
    chmodSync(join(fake, 'electron'), 0o755);
    writeFileSync(join(fake, 'version'), '45.4.1');
    const out = join(dir, 'out');
    const r = await run(
      bin('electron-builder'),
      [
        '--config',
        'electron-builder.yml',
        '--linux',
        'dir',
        `-c.electronDist=${fake}`,
        '-c.electronVersion=45.4.1',
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
      ],
      { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      280_000,
    );
    expect(r.status, r.out).toBe(0);
    const resources = join(out, 'linux-unpacked', 'resources');
    expect(readdirSync(resources)).toContain('app.asar');
    const list = spawnSync(bin('asar'), ['list', join(resources, 'app.asar')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(list.status).toBe(0);
    const files = list.stdout.split('\n').map((f) => f.replace(/\\/g, '/'));
    for (const f of [
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/migrations/0000_init.sql',
      '/dist/electron/pg-migrations/0000_init.sql',
      '/dist/electron/pg-migrations/meta/_journal.json',
      '/dist/renderer/index.html',
      '/locales/it/app.json',
      '/locales/de/shell.json',
      '/package.json',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /\.test\.|\/test\/|\.e2e\./.test(f) && !f.includes('/node_modules/'))).toEqual([]);
    for (const dev of [
      'vitest',
      'playwright-core',
      'typescript',
      'electron-builder',
      'drizzle-kit',
      'smtp-server',
      'tsx',
    ]) {
      expect(
        files.some((f) => f.startsWith(`/node_modules/${dev}/`)),
        dev,
      ).toBe(false);
    }
    // No package that the lockfile marks as development-only is in the package.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([k, v]) => k.startsWith('node_modules/') && v.dev)
      .map(([k]) => `/${k}/`);
    expect(devOnly.length).toBeGreaterThan(100);
    const packed = new Set(files.map((f) => /^(\/node_modules\/(?:@[^/]+\/)?[^/]+\/)/.exec(f)?.[1]).filter(Boolean));
    expect(devOnly.filter((d) => packed.has(d))).toEqual([]);
    // better-sqlite3 is unpacked from the asar (native module), and so is the import's phone worker (a worker thread
    // is started from a file on disk).
    expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))).toBe(true);
    expect(files).toContain('/dist/electron/phoneWorker.cjs');
    expect(existsSync(join(resources, 'app.asar.unpacked', 'dist', 'electron', 'phoneWorker.cjs'))).toBe(true);
    expect(files).toContain('/dist/electron/tableWorker.cjs');
    expect(existsSync(join(resources, 'app.asar.unpacked', 'dist', 'electron', 'tableWorker.cjs'))).toBe(true);
    expect(files).toContain('/dist/electron/readerWorker.cjs');
    expect(existsSync(join(resources, 'app.asar.unpacked', 'dist', 'electron', 'readerWorker.cjs'))).toBe(true);
    // The packaged executable has the fuses of electron-builder.yml flipped.
    const unpacked = join(out, 'linux-unpacked');
    const exe = readdirSync(unpacked)
      .filter((f) => statSync(join(unpacked, f)).isFile())
      .map((f) => readFileSync(join(unpacked, f)).toString('latin1'))
      .find((b) => b.includes(FUSE_SENTINEL));
    expect(exe, 'the packaged executable').toBeDefined();
    const at = exe!.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect([exe!.charCodeAt(at), exe!.charCodeAt(at + 1)]).toEqual([1, 8]);
    const wire = Object.fromEntries(FUSE_ORDER.map((f, i) => [f, exe![at + 2 + i] === '1' ? 'true' : 'false']));
    expect(wire).toMatchObject(EXPECTED_FUSES);
  }, 300_000); // electron-builder packs for ~1 min on 2 cores, longer under load
});

/**
 * A probe laid out as in the package: its main inside app.asar (here a plain folder of that name), the worker only in
 * app.asar.unpacked. Returns the main's folder.
 */
function probeLayout(name: string, worker: string): string {
  const app = join(dir, name, 'resources', 'app.asar', 'dist', 'electron');
  const unpacked = join(dir, name, 'resources', 'app.asar.unpacked', 'dist', 'electron');
  mkdirSync(app, { recursive: true });
  mkdirSync(unpacked, { recursive: true });
  copyFileSync(`dist/electron/${worker}`, join(unpacked, worker));
  return app;
}

/** Bundles a probe as scripts/build-electron.mjs bundles the main process (import.meta.url = the bundle's file). */
async function bundleProbe(contents: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    banner: { js: "const __aslmImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { __ASLM_BUNDLE__: 'true', 'import.meta.url': '__aslmImportMetaUrl' },
    external: ['better-sqlite3', 'electron'],
    outfile,
  });
}

describe('the bundled main process', () => {
  it('finds its phone worker beside it (outside the asar) and the worker answers like normalizePhone', async () => {
    expect(existsSync('dist/electron/phoneWorker.cjs')).toBe(true); // `npm run build` ran
    // The pool bundled as build-electron.mjs bundles the main process, laid out as in the package: the main inside
    // app.asar (here a plain folder of that name), the worker only in app.asar.unpacked.
    const app = probeLayout('probe', 'phoneWorker.cjs');
    await bundleProbe(
      `import { createPhonePool, startPhoneWorker } from './electron/core/people/phonePool';
          let replies;
          const pool = createPhonePool((m, e) => { console.error(m, e); process.exit(2); }, (d) => { replies = new Int32Array(d.replies); return startPhoneWorker(d); });
          const b = pool.batch();
          for (const [p, c, l] of JSON.parse(process.argv[2])) b.add(p, c, l);
          b.end();
          // The worker's own answer, not the main thread's help: wait for its reply before taking the numbers.
          const until = Date.now() + 20000;
          const poll = () => {
            if (Atomics.load(replies, 0) === 0 && Date.now() < until) return setTimeout(poll, 20);
            if (Atomics.load(replies, 0) !== 1) { console.error('the worker did not answer'); process.exit(3); }
            console.log(JSON.stringify([...b.wait()]));
            pool.close();
          };
          poll();`,
      join(app, 'probe.cjs'),
    );
    const items = [
      ['+39 333 123 4567', 'IT', 'it'],
      ['06 12 34 56 78', 'FR', 'fr'],
      ['12', null, 'de'],
      ['07700 900123', 'GB', 'en'],
    ] as const;
    const r = await run(process.execPath, [join(app, 'probe.cjs'), JSON.stringify(items)], process.env, 60_000);
    expect(r.status, r.out).toBe(0);
    expect(new Map(JSON.parse(r.out))).toEqual(
      new Map(items.map(([p, c, l]) => [phoneMemoKey(p, c, l), normalizePhone(p, c, l)])),
    );
  });

  it('loads up to its first use of Electron (nothing in the bundle fails as it loads)', async () => {
    expect(existsSync('dist/electron/main.cjs')).toBe(true);
    // Electron cannot run here: a stand-in whose first use stops the run with a known message.
    const probe = join(dir, 'probe-main.cjs');
    writeFileSync(
      probe,
      `const Module = require('node:module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === 'electron') return new Proxy({}, { get: () => { throw new Error('ELECTRON_REACHED'); } });
        return load.call(this, request, ...rest);
      };
      try { require(${JSON.stringify(join(process.cwd(), 'dist/electron/main.cjs'))}); console.log('NO_ELECTRON_USE'); }
      catch (e) { console.log(e && e.message === 'ELECTRON_REACHED' ? 'ELECTRON_REACHED' : 'FAILED ' + (e && e.stack)); }
      process.exit(0);`,
    );
    const r = await run(process.execPath, [probe], process.env, 60_000);
    expect(r.out.trim()).toBe('ELECTRON_REACHED');
  });

  it('finds its reader worker beside it (outside the asar): a search is answered there', async () => {
    expect(existsSync('dist/electron/readerWorker.cjs')).toBe(true); // `npm run build` ran
    const app = probeLayout('probe-reader', 'readerWorker.cjs');
    cpSync('dist/electron/migrations', join(app, 'migrations'), { recursive: true });
    await bundleProbe(
      `import { createAppCore } from './electron/core/appCore';
          (async () => {
            const core = createAppCore({ dbPath: process.argv[2], readers: 1, log: (m, e) => { console.error(m, e); process.exit(2); } });
            await core.dispatch('leads.create', { firstName: 'Ornella', lastName: 'Vanoni', leadType: 'customer_driven',
              source: 'web', campaign: 'service_reminder', phone: '+39 333 1234567', language: 'it' }, { transport: 'test' });
            await core.readerPool.started();
            const r = await core.dispatch('leads.globalSearch', { q: 'vanoni' }, { transport: 'test' });
            console.log(JSON.stringify({ ready: core.readerPool.ready(), served: core.readerPool.served(), total: r.ok && r.value.total }));
            await core.readerPool.close();
            core.close();
          })();`,
      join(app, 'probe.cjs'),
    );
    // better-sqlite3 from this checkout (the package has its own, unpacked beside the workers).
    const env = { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') };
    const r = await run(process.execPath, [join(app, 'probe.cjs'), join(dir, 'reader.sqlite')], env, 60_000);
    expect(r.status, r.out).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ready: 1, served: 1, total: 1 });
  });

  it('finds its table worker beside it (outside the asar): an XLSX is read there, and a huge cell refused', async () => {
    expect(existsSync('dist/electron/tableWorker.cjs')).toBe(true); // `npm run build` ran
    const app = probeLayout('probe-table', 'tableWorker.cjs');
    await bundleProbe(
      `import { readFileSync } from 'node:fs';
          import { readImportTable, startTableWorker } from './electron/core/import/tableReader';
          const out = [];
          let started = 0;
          const start = (d) => { started++; return startTableWorker(d); };
          const log = (m, e) => { console.error(m, e); process.exit(2); };
          (async () => {
            for (const f of process.argv.slice(2)) {
              try { const t = await readImportTable(f, readFileSync(f), { start, log }); out.push({ headers: t.headers, rows: t.rows.length }); }
              catch (e) { out.push({ code: e.code, reason: e.params && e.params.reason }); }
            }
            console.log(JSON.stringify({ started, out }));
          })();`,
      join(app, 'probe.cjs'),
    );
    const { xlsxFile } = await import('../fixtures/importCorpus');
    const ok = join(dir, 'ok.xlsx');
    const huge = join(dir, 'huge.xlsx');
    writeFileSync(
      ok,
      await xlsxFile([
        ['Name', 'E-mail'],
        ['Anna', 'anna@example.it'],
      ]),
    );
    writeFileSync(
      huge,
      await xlsxFile([
        ['Name', 'Notes'],
        ['Anna', 'x'.repeat(100_000)],
      ]),
    );
    const r = await run(process.execPath, [join(app, 'probe.cjs'), ok, huge], process.env, 60_000);
    expect(r.status, r.out).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      started: 2,
      out: [
        { headers: ['Name', 'E-mail'], rows: 1 },
        { code: 'IMPORT_UNREADABLE', reason: 'cell_too_long' },
      ],
    });
  });
});
