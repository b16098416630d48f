import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecrets, safeStorageSecrets } from './secrets';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('secrets', () => {
  it('key file: AES-256-GCM, random IV, key file 0600 beside the database, another key cannot read it', () => {
    dir = mkdtempSync(join(tmpdir(), 'aslm-secrets-'));
    const db = join(dir, 'aslm.sqlite');
    const s = keyFileSecrets(db);
    const a = s.encrypt('pässword');
    expect(a).not.toContain('pässword');
    expect(s.encrypt('pässword')).not.toBe(a);
    expect(s.decrypt(a)).toBe('pässword');
    expect(keyFileSecrets(db).decrypt(a)).toBe('pässword'); // the same key file after a restart
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(`${db}.key`, 'utf8'), 'base64')).toHaveLength(32);
    expect(() => keyFileSecrets(join(dir, 'other.sqlite')).decrypt(a)).toThrow();
    expect(() => s.decrypt(`${a.slice(0, -4)}AAAA`)).toThrow(); // tampered
  });
  it('safeStorage: through the given encryptString/decryptString, with its own prefix', () => {
    const fake = {
      encryptString: (p: string) => Buffer.from([...Buffer.from(p)].reverse()),
      decryptString: (b: Buffer) => Buffer.from([...b].reverse()).toString(),
    };
    const s = safeStorageSecrets(fake);
    const v = s.encrypt('x1');
    expect(v.startsWith('ss1:')).toBe(true);
    expect(s.decrypt(v)).toBe('x1');
    expect(() => s.decrypt('gcm1:a:b:c')).toThrow();
  });
});
