// What a file import reads and keeps, on PostgreSQL (electron/store/repos/imports.ts).
import type { Async } from '../../repos/index';
import type { ImportsRepo, OpenLeadKeysRow, PresetRow } from '../../repos/imports';
import { rows, run, type Queryable } from './query';

const OPEN = "(status = 'assigned' OR (status = 'appointment' AND NOT frozen))";
/** SQLite looks the keys up 500 at a time: the same chunks, the same calls. */
const CHUNK = 500;

export function importsRepoPg(q: Queryable): Async<ImportsRepo> {
  return {
    presets: () =>
      rows<PresetRow>(
        q,
        'SELECT id, name, source, mapping, updated_at AS "updatedAt" FROM import_presets ORDER BY name COLLATE "C"',
      ),
    savePreset: async (name, source, mapping, now) =>
      void (await run(
        q,
        `INSERT INTO import_presets (name, source, mapping, updated_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (name) DO UPDATE SET source = excluded.source, mapping = excluded.mapping, updated_at = excluded.updated_at`,
        [name, source, mapping, now],
      )),
    deletePreset: async (name) => (await run(q, 'DELETE FROM import_presets WHERE name = $1', [name])) > 0,
    async knownExternalIds(keys, each) {
      for (let i = 0; i < keys.length; i += CHUNK)
        for (const r of await rows<{ k: string }>(
          q,
          'SELECT external_id AS k FROM leads WHERE external_id = ANY($1::text[]) ORDER BY external_id COLLATE "C"',
          [keys.slice(i, i + CHUNK)],
        ))
          each(r.k);
    },
    openLeadKeys: (siteId) =>
      rows<OpenLeadKeysRow>(
        q,
        `SELECT id, number, first_name AS f, last_name AS l, vin, email, phone, other_phone AS p2, campaign FROM leads
          WHERE ${OPEN}${siteId === undefined ? '' : ' AND site_id = $1'} ORDER BY id`,
        siteId === undefined ? [] : [siteId],
      ),
  };
}
