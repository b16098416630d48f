import { describe, expect, it } from 'vitest';
import { isUncPath, networkDriveReason } from './networkDrive';

describe('isUncPath', () => {
  it.each([
    ['\\\\server\\share\\aslm.sqlite', true],
    ['//server/share/aslm.sqlite', true],
    ['\\\\nas01\\Daten', true],
    ['\\\\?\\UNC\\server\\share\\aslm.sqlite', true],
    ['//?/UNC/server/share/a', true],
    ['\\\\?\\C:\\Users\\me\\aslm.sqlite', false],
    ['\\\\.\\PhysicalDrive0', false],
    ['C:\\Users\\me\\aslm.sqlite', false],
    ['/home/me/.aslm-desk/aslm.sqlite', false],
    ['\\\\server', false],
    ['relative/aslm.sqlite', false],
    [':memory:', false],
  ])('%s → %s', (path, unc) => expect(isUncPath(path)).toBe(unc));
});

describe('networkDriveReason', () => {
  it.each([
    ['//server/share/a.sqlite', { platform: 'linux' }, 'unc'],
    ['\\\\server\\share\\a.sqlite', { platform: 'win32' }, 'unc'],
    ['Z:\\aslm\\a.sqlite', { platform: 'win32', resolved: '\\\\nas\\aslm' }, 'mapped-drive'],
    ['C:\\aslm\\a.sqlite', { platform: 'win32', resolved: 'C:\\aslm' }, null],
    ['/mnt/nas/a.sqlite', { platform: 'linux', fsType: 0x6969 }, 'nfs'],
    ['/mnt/win/a.sqlite', { platform: 'linux', fsType: 0xff534d42 }, 'cifs'],
    ['/mnt/win/a.sqlite', { platform: 'linux', fsType: 0xfe534d42 }, 'smb2'],
    ['/mnt/old/a.sqlite', { platform: 'linux', fsType: 0x517b }, 'smb'],
    ['/afs/a.sqlite', { platform: 'linux', fsType: 0x5346414f }, 'afs'],
    ['/mnt/9p/a.sqlite', { platform: 'linux', fsType: 0x01021997 }, '9p'],
    // A negative f_type (a signed 32-bit reading of 0xFF534D42) is the same file system.
    ['/mnt/win/a.sqlite', { platform: 'linux', fsType: 0xff534d42 | 0 }, 'cifs'],
    ['/home/a.sqlite', { platform: 'linux', fsType: 0xef53 }, null], // ext4
    ['/home/a.sqlite', { platform: 'linux', fsType: 0x58465342 }, null], // xfs
    ['/mnt/sshfs/a.sqlite', { platform: 'linux', fsType: 0x65735546 }, null], // FUSE: ambiguous, allowed
    ['/Volumes/nas/a.sqlite', { platform: 'darwin', fsType: 0x1a }, null], // macOS numbers are not stable
    [':memory:', { platform: 'linux', fsType: 0x6969 }, null],
  ] as const)('%s %o → %s', (path, probe, reason) => expect(networkDriveReason(path, probe)).toBe(reason));
});
