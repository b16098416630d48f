// The settings table: one JSON value per key (the keys, schemas and defaults: electron/core/settingsRegistry.ts).
import { once, type Sqlite } from './prepared';

export interface SettingsRepo {
  /** The stored JSON text of `key`; undefined when unset. */
  value(key: string): string | undefined;
  /** Inserts or replaces the value of `key` (stored as JSON). */
  upsert(key: string, value: unknown, now: number): void;
  /**
   * Sets one entry of the JSON object stored at `key` (a value per person: created when unset, a stored value that is
   * not an object replaced) in one statement, the other entries as the database holds them — not as a cache read
   * earlier does (another app core may have written one since). Returns the stored JSON text.
   */
  setEntry(key: string, entry: string, value: unknown, now: number): string;
  /** Every stored key with its JSON text (the settings service's cache, loaded at start). */
  rows(): { key: string; value: string }[];
  /** Every stored key=value, one a line (null: none): tells whether another connection changed a setting. */
  allText(): string | null;
  /** Whether the database holds any lead (an old database without the first-run setup). */
  hasLeads(): boolean;
  /** How many leads and assignment rules use the campaign id. */
  campaignUses(campaign: string): number;
}

export function settingsRepo(sqlite: Sqlite): SettingsRepo {
  const hasLeads = once(() => sqlite.prepare('SELECT 1 FROM leads LIMIT 1'));
  const selectValue = once(() =>
    sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
  );
  const upsert = once(() =>
    sqlite.prepare<[string, string, number]>(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ),
  );
  const setEntry = once(() =>
    sqlite.prepare<[string, string, string, number, string, string], { value: string }>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, json_object(?, json(?)), ?)
        ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at,
          value = json_set(CASE WHEN json_valid(settings.value) AND json_type(settings.value) = 'object'
            THEN settings.value ELSE '{}' END, '$.' || json_quote(?), json(?))
        RETURNING value`,
    ),
  );
  const rows = once(() => sqlite.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'));
  const allText = once(() =>
    sqlite.prepare<[], { t: string | null }>("SELECT group_concat(key || '=' || value, char(10)) AS t FROM settings"),
  );
  const campaignUses = once(() =>
    sqlite.prepare<[string, string], { n: number }>(
      'SELECT (SELECT count(*) FROM leads WHERE campaign = ?) + (SELECT count(*) FROM assignment_rules WHERE campaign = ?) AS n',
    ),
  );
  return {
    value: (key) => selectValue().get(key)?.value,
    upsert: (key, value, now) => void upsert().run(key, JSON.stringify(value), now),
    setEntry: (key, entry, value, now) => {
      const json = JSON.stringify(value);
      return setEntry().get(key, entry, json, now, entry, json)!.value;
    },
    rows: () => rows().all(),
    allText: () => allText().get()!.t,
    hasLeads: () => hasLeads().get() !== undefined,
    campaignUses: (campaign) => campaignUses().get(campaign, campaign)?.n ?? 0,
  };
}
