// The per-PC values of an app core on PostgreSQL (README.md, "Per-PC settings"): who is at this PC's desk and its
// language, kept in a small JSON file on the PC instead of the `settings` table that every core on the database shares.
// Written whole to a temporary file renamed over the old one (a crash leaves the old file or the new one, never half of
// one); a file that cannot be read or does not fit is set aside with a logged warning: the defaults, never a crash.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { besideDatabase } from '../../store/besideDatabase';
import { SETTINGS } from '../settingsRegistry';

/** The settings kept per PC on PostgreSQL (on SQLite one core owns the file: they stay in its table). */
export const LOCAL_KEYS = ['desk.currentUser', 'language'] as const;
export type LocalKey = (typeof LOCAL_KEYS)[number];
export const isLocalKey = (key: string): key is LocalKey => (LOCAL_KEYS as readonly string[]).includes(key);

/** The file as written: each key optional (absent: this PC never set it). */
const fileSchema = z.object({
  'desk.currentUser': SETTINGS['desk.currentUser'].schema.optional(),
  language: SETTINGS.language.schema.optional(),
});
export type LocalValues = z.output<typeof fileSchema>;

export interface LocalState {
  readonly path: string;
  /** This PC's value of `key`; undefined when this PC never set it. */
  get<K extends LocalKey>(key: K): LocalValues[K];
  /** Stores this PC's value (validated by the caller: SettingsService) and writes the file at once. */
  set<K extends LocalKey>(key: K, value: NonNullable<LocalValues>[K]): void;
}

/** The default file of a database: `~/.aslm-desk/pg-<host>-<port>-<database>.local.json` (besideDatabase). */
export const localStatePath = (dbPath: string): string => besideDatabase(dbPath, '.local.json');

function readValues(path: string, log: (msg: string, err?: unknown) => void): LocalValues {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`local state: ${path} cannot be read; the defaults are used`, e);
    return {};
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    log(`local state: ${path} does not fit its schema; the defaults are used`, parsed.error);
  } catch (e) {
    log(`local state: ${path} is not JSON; the defaults are used`, e);
  }
  return {};
}

/**
 * Read once at creation. `set` writes the file whole (temporary file + rename) with the key changed over what the file
 * holds then (another core of this PC on the same database, e.g. the CLI, may have written the other key since).
 */
export function createLocalState(path: string, log: (msg: string, err?: unknown) => void): LocalState {
  const values: LocalValues = readValues(path, log);
  return {
    path,
    get: (key) => values[key],
    set(key, value) {
      values[key] = value;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ ...readValues(path, log), [key]: value }, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, path);
    },
  };
}
