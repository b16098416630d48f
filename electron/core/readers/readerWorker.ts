// A reader (readerPool.ts): a worker thread with its own read-only connection to the database (WAL: it reads the
// last committed state while the main connection writes). It answers the read channels with the same handlers as
// the main core — a full core opened read-only, with sign-in off: the main core has already checked the session
// and says who acts — at the main clock's time sent with each call.
import { parentPort, workerData } from 'node:worker_threads';
import { createAppCore, type AppCore } from '../appCore';
import type { ReaderMessage, ReaderRequest, ReaderWorkerData } from './readChannels';
import { settingsRepo } from '../../store/repos/settings';

const data = workerData as ReaderWorkerData;
const port = parentPort!;
const post = (m: ReaderMessage) => port.postMessage(m);
let now = 0;
let core: AppCore;
try {
  core = createAppCore({
    dbPath: data.dbPath,
    readOnly: true,
    clock: { now: () => now },
    timeZone: data.timeZone,
    validateOutput: data.validateOutput,
    log: (msg, err) => console.error(`[aslm reader] ${msg}`, err ?? ''),
  });
} catch (e) {
  post({ type: 'failed', error: String(e) });
  throw e;
}
// A reader opens a SQLite file (createAppCore refuses a read-only core on PostgreSQL).
const sqlite = ((): NonNullable<AppCore['store']>['sqlite'] => {
  const s = core.store?.sqlite;
  if (!s) throw new Error('a reader needs a SQLite store');
  return s;
})();

// The parsed settings are kept until another connection writes the settings table (checked when the database
// changed at all: PRAGMA data_version moves on every commit by another connection).
const settingsRows = settingsRepo(sqlite);
let seenVersion = -1;
let seenSettings: string | null = null;
function freshSettings(): void {
  const v = sqlite.pragma('data_version', { simple: true }) as number;
  if (v === seenVersion) return;
  seenVersion = v;
  const t = settingsRows.allText();
  if (t !== seenSettings) {
    seenSettings = t;
    core.settings.invalidate();
  }
}

port.on('message', (m: ReaderRequest) => {
  now = m.now;
  freshSettings();
  void core.dispatch(m.channel, m.input, m.ctx).then((reply) => post({ type: 'reply', id: m.id, reply }));
});
post({ type: 'ready' });
