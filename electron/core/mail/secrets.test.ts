import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFilePath, keyFileSecrets, safeStorageSecrets } from './secrets';

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
  it('key file of a PostgreSQL database: one per server and database in ~/.aslm-desk (no credentials in its name), or ASLM_KEY_FILE', () => {
    dir = mkdtempSync(join(tmpdir(), 'aslm-secrets-'));
    const url = 'postgres://aslm:s3cret@db.dealer.lan:5433/aslm_group?sslmode=require';
    const file = keyFilePath(url, {}, dir);
    expect(file).toBe(join(dir, '.aslm-desk', 'pg-db.dealer.lan-5433-aslm_group.key'));
    expect(keyFilePath('postgresql://other:pw@db.dealer.lan:5433/aslm_group', {}, dir)).toBe(file); // same database
    expect(keyFilePath('postgres://localhost/x', {}, dir)).toBe(join(dir, '.aslm-desk', 'pg-localhost-5432-x.key'));
    expect(keyFilePath(url, { ASLM_KEY_FILE: '/etc/aslm/key' }, dir)).toBe('/etc/aslm/key');
    expect(keyFilePath(join(dir, 'a.sqlite'), {}, dir)).toBe(join(dir, 'a.sqlite.key'));
    // The folder is made on first use; a second app core on the same database (same key file) reads what the first stored.
    const stored = keyFileSecrets(url, file).encrypt('smtp-pässword');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFileSecrets(url, file).decrypt(stored)).toBe('smtp-pässword');
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
