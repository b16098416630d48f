// Handlers of the data-safety channels (shared/contract/backup.ts): they only call a BackupApi, which
// is the core host's (close/reopen for restore, recovery mode) or a bare core's.
import type { Contract } from '../../../shared/contract';
import type { backupChannels } from '../../../shared/contract/backup';
import type { BackupApi } from '../backup/api';
import type { HandlerMap } from '../dispatch';

export const backupHandlers = (b: BackupApi) =>
  ({
    'shell.status': () => b.status(),
    'backup.list': ({ check }) => b.list(check),
    'backup.create': () => b.create(),
    'backup.restore': ({ file }) => b.restore(file),
    'backup.export': ({ target }) => b.exportTo(target),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof backupChannels>;
