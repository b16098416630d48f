// The core host of a core on PostgreSQL (`postgres://…`): no file to check at start, back up, restore or export
// (the server's own tools do: the backup channels answer BACKUP_UNAVAILABLE_ON_POSTGRES), no network-drive check,
// no recovery mode. The core is opened once; the background jobs start once it is ready.
import { createAppCore } from '../appCore';
import { startBackground } from '../background';
import { postgresBackupApi } from './api';
import type { CoreHost, CoreHostOptions } from './host';

const defaultLog = (msg: string, err?: unknown) => console.error(`[aslm] ${msg}`, err ?? '');

export function createPgCoreHost(opts: CoreHostOptions): CoreHost {
  const log = opts.log ?? defaultLog;
  const api = postgresBackupApi(opts.dbPath);
  const core = createAppCore({ ...opts, log, backups: api });
  const stops: (() => void)[] = [];
  if (opts.background) stops.push(startBackground(core));
  const off = opts.onOpen?.(core);
  if (off) stops.push(off);
  return {
    ...api,
    dispatch: core.dispatch,
    log,
    core: () => core,
    startupCheck: () => ({ reason: null, ran: false }),
    close: () => {
      for (const stop of stops.splice(0)) {
        try {
          stop();
        } catch (e) {
          log('stopping a job failed', e);
        }
      }
      core.close();
    },
  };
}
