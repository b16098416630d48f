// Secrets at rest (the SMTP password): never in plain text in the database or the logs.
// Electron's main passes one built on safeStorage (the OS keychain / DPAPI); elsewhere (browser mode,
// CLI, tests) the fallback is AES-256-GCM with a random 32-byte key in a file beside the database
// (`<db>.key`, mode 0600), never in the database itself. The stored value names its scheme.
// On PostgreSQL there is no file beside the database: the key file is ASLM_KEY_FILE, else one per server and database
// in ~/.aslm-desk; every app core on the same database needs the same key (copy the file), as it reads what another
// stored.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { besideDatabase } from '../../store/besideDatabase';

export interface Secrets {
  /** 'safeStorage', 'keyFile' or 'memory' (shown in Settings). */
  readonly kind: string;
  encrypt(plain: string): string;
  /** Throws when the value cannot be read here (another PC's keychain, a lost key file). */
  decrypt(stored: string): string;
}

function gcm(key: Buffer, kind: string, prefix: string): Secrets {
  return {
    kind,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${prefix}:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
    },
    decrypt(stored) {
      const [p, iv, tag, ct] = stored.split(':');
      if (p !== prefix || !iv || !tag || ct === undefined) throw new Error('secret not readable with this key');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    },
  };
}

/**
 * Where the key of a database is kept: ASLM_KEY_FILE if set; for a SQLite file, `<file>.key` beside it; for a
 * PostgreSQL URL, `~/.aslm-desk/pg-<host>-<port>-<database>.key` (never the user or password in the name).
 */
export function keyFilePath(dbPath: string, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env.ASLM_KEY_FILE || besideDatabase(dbPath, '.key', home);
}

/** The fallback: a random key in its key file (keyFilePath, created 0600 on first use); in memory for ':memory:'. */
export function keyFileSecrets(dbPath: string, file = keyFilePath(dbPath)): Secrets {
  if (dbPath === ':memory:') return gcm(randomBytes(32), 'memory', 'gcm1');
  let key: Buffer | null = null;
  const getKey = (): Buffer => {
    if (key) return key;
    if (existsSync(file)) {
      key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`bad key file ${file}`);
    } else {
      key = randomBytes(32);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    try {
      chmodSync(file, 0o600);
    } catch {
      /* Windows: the file lives in the user's own profile */
    }
    return key;
  };
  return {
    kind: 'keyFile',
    encrypt: (plain) => gcm(getKey(), 'keyFile', 'gcm1').encrypt(plain),
    decrypt: (stored) => gcm(getKey(), 'keyFile', 'gcm1').decrypt(stored),
  };
}

/** Electron's safeStorage, as an interface (the core never imports electron). */
export interface SafeStorageLike {
  encryptString(plain: string): Buffer;
  decryptString(enc: Buffer): string;
}
export function safeStorageSecrets(s: SafeStorageLike): Secrets {
  return {
    kind: 'safeStorage',
    encrypt: (plain) => `ss1:${s.encryptString(plain).toString('base64')}`,
    decrypt: (stored) => {
      if (!stored.startsWith('ss1:')) throw new Error('secret not stored with safeStorage');
      return s.decryptString(Buffer.from(stored.slice(4), 'base64'));
    },
  };
}
