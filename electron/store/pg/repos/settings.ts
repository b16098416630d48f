// The settings table on PostgreSQL (electron/store/repos/settings.ts): one JSON value (text) per key.
import type { Async } from '../../repos/index';
import type { SettingsRepo } from '../../repos/settings';
import { row, rows, run, type Queryable } from './query';

export function settingsRepoPg(q: Queryable): Async<SettingsRepo> {
  return {
    value: async (key) => (await row<{ value: string }>(q, 'SELECT value FROM settings WHERE key = $1', [key]))?.value,
    upsert: async (key, value, now) =>
      void (await run(
        q,
        `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [key, JSON.stringify(value), now],
      )),
    // The row locked by the upsert: two cores setting entries of one key at once take turns, each keeping the other's.
    // (The stored text is always JSON: written by upsert / setEntry.)
    setEntry: async (key, entry, value, now) =>
      (await row<{ value: string }>(
        q,
        `INSERT INTO settings (key, value, updated_at) VALUES ($1, jsonb_build_object($2::text, $3::jsonb)::text, $4)
          ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at,
            value = (CASE WHEN jsonb_typeof(settings.value::jsonb) = 'object' THEN settings.value::jsonb ELSE '{}'::jsonb END
              || excluded.value::jsonb)::text
          RETURNING value`,
        [key, entry, JSON.stringify(value), now],
      ))!.value,
    rows: () => rows<{ key: string; value: string }>(q, 'SELECT key, value FROM settings'),
    // By key: a table scan has no stable order on PostgreSQL (SQLite's is its rowid's). Only ever compared with
    // itself, on the same store.
    allText: async () =>
      (await row<{ t: string | null }>(
        q,
        `SELECT string_agg(key || '=' || value, E'\\n' ORDER BY key) AS t FROM settings`,
      ))!.t,
    hasLeads: async () => (await row(q, 'SELECT 1 FROM leads LIMIT 1')) !== undefined,
    campaignUses: async (campaign) =>
      (
        await row<{ n: number }>(
          q,
          'SELECT ((SELECT count(*) FROM leads WHERE campaign = $1) + (SELECT count(*) FROM assignment_rules WHERE campaign = $1))::int AS n',
          [campaign],
        )
      )?.n ?? 0,
  };
}
