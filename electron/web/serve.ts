// `npm run start:web`: the app core + the built renderer on http://127.0.0.1 (browser mode).
//   --db FILE      database (default: ~/.aslm-desk/aslm.sqlite, or $ASLM_DB)
//   --port N       port (default 5178; 0 = any free port)
//   --test-clock ISO   tests only: start the app's clock at ISO and let tests move it
//   --sign-in required  every call needs a signed-in person (docs/rules.md §12); default off (the single-PC mode)
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCoreHost } from '../core/backup/host';
import { dbPathArg, testClockArg, usage } from './serverArgs';
import { startWebServer, type WebServer } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    'test-clock': { type: 'string' },
    static: { type: 'string' },
    'sign-in': { type: 'string' },
  },
  allowPositionals: false,
});

const dbPath = dbPathArg(values.db);
const port = Number(values.port ?? process.env.ASLM_PORT ?? 5178);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`Invalid --port: ${values.port}`);
const signIn = values['sign-in'] ?? 'off';
if (signIn !== 'off' && signIn !== 'required') usage(`Invalid --sign-in: ${signIn} (off or required)`);
const clock = testClockArg(values['test-clock']);
// The core host: start-up check (recovery mode if the file is damaged), sweeps, digest and watched
// folder while the core is open, daily backups, restore while running.
const host = createCoreHost({
  dbPath,
  clock,
  mode: 'browser',
  validateOutput: clock !== undefined,
  background: true,
  dailyBackups: true,
  signIn,
  // Live updates to the page after each commit (and again after a restore reopens the core).
  onOpen: (c) => c.events.on((e) => web?.push.publish(e)),
});
// eslint-disable-next-line prefer-const -- read by onOpen before it is set
let web: WebServer | undefined;
web = await startWebServer({
  core: host,
  staticDir: values.static ?? join(here, '../../dist/renderer'),
  port,
  testClock: clock,
});
console.log(`ASLM Desk (browser mode) is running at ${web.url}  — database: ${dbPath}`);
if (!host.core())
  console.log('The database failed its start-up check: the app opens in recovery mode (restore a backup there).');
// First start with sign-in and no manager password: a temporary one, printed here once.
const first = signIn === 'required' ? ((await host.core()?.ensureFirstSignIn()) ?? null) : null;
if (first)
  console.log(
    `Sign in as ${first.name} — user name: ${first.login}  temporary password: ${first.password}  (shown once; to be changed at the first sign-in)`,
  );
console.log('Open that address in your browser. Press Ctrl+C to stop.');
const stop = async () => {
  await web.close();
  host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
