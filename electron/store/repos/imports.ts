// What a file import reads and keeps (electron/core/import/importService.ts): the presets, the keys already imported,
// the open leads a row may duplicate. The block's inserts: leadBlock.ts.
import type { Statement } from 'better-sqlite3';
import { once, type Sqlite } from './prepared';

export interface PresetRow {
  id: number;
  name: string;
  source: string | null;
  /** JSON of the mapping. */
  mapping: string;
  updatedAt: number;
}
/** An open lead's keys for duplicate matching: first (f) and last (l) name, second phone (p2). */
export interface OpenLeadKeysRow {
  id: number;
  number: string;
  f: string;
  l: string;
  vin: string | null;
  email: string | null;
  phone: string | null;
  p2: string | null;
  campaign: string;
}

const OPEN = "(status = 'assigned' OR (status = 'appointment' AND frozen = 0))";
const CHUNK = 500;

export interface ImportsRepo {
  presets(): PresetRow[];
  savePreset(name: string, source: string | null, mapping: string, now: number): void;
  /** Whether there was one. */
  deletePreset(name: string): boolean;
  /** Of these external ids, those of leads in the database (looked up 500 at a time). */
  knownExternalIds(keys: string[], each: (key: string) => void): void;
  /** Every open lead (assigned, or an appointment not frozen) of site `siteId` (absent: every site), in table order. */
  openLeadKeys(siteId?: number): Iterable<OpenLeadKeysRow>;
}

export function importsRepo(sqlite: Sqlite): ImportsRepo {
  const list = once(() =>
    sqlite.prepare<[], PresetRow>(
      'SELECT id, name, source, mapping, updated_at AS updatedAt FROM import_presets ORDER BY name',
    ),
  );
  const save = once(() =>
    sqlite.prepare<[string, string | null, string, number]>(
      `INSERT INTO import_presets (name, source, mapping, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET source = excluded.source, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ),
  );
  const del = once(() => sqlite.prepare<[string]>('DELETE FROM import_presets WHERE name = ?'));
  const byChunk = once(() =>
    sqlite.prepare<string[], { k: string }>(
      `SELECT external_id AS k FROM leads WHERE external_id IN (${Array(CHUNK).fill('?').join(',')})`,
    ),
  );
  const open = once(() =>
    sqlite.prepare<[], OpenLeadKeysRow>(
      // In id order, as on PostgreSQL: of several open leads with the same value, both report the same one (the last).
      `SELECT id, number, first_name AS f, last_name AS l, vin, email, phone, other_phone AS p2, campaign FROM leads WHERE ${OPEN} ORDER BY id`,
    ),
  );
  const openOfSite = once(() =>
    sqlite.prepare<[number], OpenLeadKeysRow>(
      `SELECT id, number, first_name AS f, last_name AS l, vin, email, phone, other_phone AS p2, campaign FROM leads WHERE ${OPEN} AND site_id = ?`,
    ),
  );
  return {
    presets: () => list().all(),
    savePreset: (name, source, mapping, now) => void save().run(name, source, mapping, now),
    deletePreset: (name) => del().run(name).changes > 0,
    knownExternalIds(keys, each) {
      for (let i = 0; i < keys.length; i += CHUNK) {
        const chunk = keys.slice(i, i + CHUNK);
        const stmt: Statement<string[], { k: string }> =
          chunk.length === CHUNK
            ? byChunk()
            : sqlite.prepare(
                `SELECT external_id AS k FROM leads WHERE external_id IN (${chunk.map(() => '?').join(',')})`,
              );
        for (const k of stmt.all(...chunk)) each(k.k);
      }
    },
    openLeadKeys: (siteId) => (siteId === undefined ? open().iterate() : openOfSite().iterate(siteId)),
  };
}
