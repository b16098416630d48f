// SQLite stays on the PC's own disk (docs/rules.md §11.7): a database file shared over SMB/NFS is refused, since file
// locking over a network share is unreliable and corrupts the file. The other desks reach the data through the host.
import { realpathSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/contract/errors';

/** statfs(2) f_type magic numbers of network file systems (Linux). FUSE (sshfs…) is ambiguous and left alone. */
export const NETWORK_FS_TYPES: Readonly<Record<number, string>> = {
  0x6969: 'nfs',
  0x517b: 'smb',
  0xfe534d42: 'smb2',
  0xff534d42: 'cifs',
  0x73757245: 'coda',
  0x5346414f: 'afs',
  0x6b414653: 'kafs',
  0x01021997: '9p',
  0x00c36400: 'ceph',
  0x0bd00bd0: 'lustre',
  0x01161970: 'gfs2',
  0x7461636f: 'ocfs2',
  0x564c: 'ncp',
};

/** `\\server\share\…`, `//server/share/…`, `\\?\UNC\server\…` — but not `\\?\C:\…` nor `\\.\…` (local devices). */
export function isUncPath(path: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(path)) return true;
  return /^[\\/]{2}[^\\/?.][^\\/]*[\\/]+[^\\/]+/.test(path);
}

/**
 * Why a database path is on a network drive, or null when it is local. Pure: `fsType` is statfs's f_type of the
 * folder (Linux), `resolved` the folder's real path as Windows reports it (a mapped drive letter resolves to its UNC
 * share).
 */
export function networkDriveReason(
  path: string,
  probe: { platform: string; fsType?: number | null; resolved?: string | null },
): string | null {
  if (path === ':memory:' || path === '') return null;
  if (isUncPath(path)) return 'unc';
  if (probe.platform === 'win32' && probe.resolved && isUncPath(probe.resolved)) return 'mapped-drive';
  if (probe.platform === 'linux' && probe.fsType != null) return NETWORK_FS_TYPES[probe.fsType >>> 0] ?? null;
  return null;
}

/** The nearest existing folder of a path (the database file and its folder may not exist yet). */
function existingDir(path: string): string | null {
  let dir = dirname(resolve(path));
  for (let i = 0; i < 64; i++) {
    try {
      return realpathSync.native(dir);
    } catch {
      const up = dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
  return null;
}

/** Looks at the file system, then refuses a network path with DATABASE_ON_NETWORK_DRIVE. */
export function assertLocalDatabasePath(path: string, platform: string = process.platform): void {
  if (path === ':memory:') return;
  let reason = networkDriveReason(path, { platform });
  if (!reason) {
    const dir = existingDir(path);
    let fsType: number | null = null;
    if (dir && platform === 'linux') {
      try {
        fsType = statfsSync(dir).type;
      } catch {
        fsType = null;
      }
    }
    reason = dir ? networkDriveReason(path, { platform, fsType, resolved: dir }) : null;
  }
  if (reason) throw new AppError('DATABASE_ON_NETWORK_DRIVE', { params: { path } });
}
