// `npm run host`: this PC becomes the dealership's host (docs/rules.md §12) — the only process that opens the
// database; it runs the sweeps, outbox and digest, and serves the desks over HTTPS on the LAN.
//   --db FILE          database (default: ~/.aslm-desk/aslm.sqlite, or $ASLM_DB)
//   --listen ADDR:PORT address and port (default 0.0.0.0:5443: every network interface)
//   --readers N        reader threads answering the desks' lists, searches and My day (default 2; 0: none)
//   --test-clock ISO   tests only: start the app's clock at ISO and let tests move it
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCoreHost } from '../core/backup/host';
import { dbPathArg, testClockArg, usage } from './serverArgs';
import { createHostLink, startHostServer } from './hostServer';
import type { PushHub } from './push';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    listen: { type: 'string' },
    'test-clock': { type: 'string' },
    readers: { type: 'string' },
    static: { type: 'string' },
  },
  allowPositionals: false,
});

const dbPath = dbPathArg(values.db);
const m = /^(.*):(\d+)$/.exec(values.listen ?? process.env.ASLM_LISTEN ?? '0.0.0.0:5443');
const listen = m?.[1]?.replace(/^\[|\]$/g, '') ?? '';
const port = Number(m?.[2]);
if (!m || !listen || !Number.isInteger(port) || port < 0 || port > 65535)
  usage(`Invalid --listen: ${values.listen} (ADDRESS:PORT expected, e.g. 0.0.0.0:5443)`);
const readers = Number(values.readers ?? process.env.ASLM_READERS ?? 2);
if (!Number.isInteger(readers) || readers < 0 || readers > 16)
  usage(`Invalid --readers: ${values.readers} (a whole number from 0 to 16 expected)`);
const clock = testClockArg(values['test-clock']);
const link = createHostLink();
let push: PushHub | null = null;
const core = createCoreHost({
  dbPath,
  clock,
  mode: 'browser',
  validateOutput: clock !== undefined,
  // Only the host runs background work: sweeps, outbox, digest, watched folder, daily backups.
  background: true,
  dailyBackups: true,
  hostLink: link,
  // A slow read (My day, a search) never holds up another desk's action (docs/rules.md §12.3).
  readers,
  // Every desk signs in (docs/rules.md §12.2): the person acting is the session's, never a shared "who is at the desk".
  signIn: 'required',
  // After each commit, the desks are told (live updates); wired again after a restore reopens the core.
  onOpen: (c) => c.events.on((e) => push?.publish(e)),
});
const host = await startHostServer({
  core,
  link,
  dbPath,
  staticDir: values.static ?? join(here, '../../dist/renderer'),
  listen,
  port,
  testClock: clock,
  onPairingCode: (code, expiresAt) =>
    console.log(`Pairing code for the next desk: ${code} (valid until ${new Date(expiresAt).toLocaleTimeString()})`),
});
push = host.push;
console.log(`ASLM Desk host is running — database: ${dbPath}`);
console.log(`Desks open one of: ${host.addresses.join('  ')}`);
console.log(`Certificate fingerprint (SHA-256), to check on each desk: ${host.cert.fingerprint}`);
if (!core.core())
  console.log(
    `The database failed its start-up check (recovery mode): the desks are refused until a backup is restored — on this PC, open https://localhost:${host.port}/ and restore the newest checked backup.`,
  );
// First start with no manager password: a temporary one, printed here once (changed at the first sign-in).
const first = (await core.core()?.ensureFirstSignIn()) ?? null;
if (first)
  console.log(
    `First sign-in: ${first.name} — user name: ${first.login}  temporary password: ${first.password}  (shown once; to be changed at the first sign-in)`,
  );
host.pairing.current();
console.log('Press Ctrl+C to stop.');
const stop = async () => {
  await host.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
