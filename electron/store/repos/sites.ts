// Sites (docs/rules.md §11, migration 0020): the dealer group's dealerships, a person's site, a lead's site and each
// site's own values of a dealership's settings (site_settings; the `settings` row stays the group-wide default).
import { once, type Sqlite } from './prepared';

export interface SiteRow {
  id: number;
  code: string;
  name: string;
}

export interface SitesRepo {
  /** Every site, by id. */
  list(): SiteRow[];
  /** A new site; its id. */
  insert(code: string, name: string, now: number): number;
  /** Renames a site; how many rows changed (0: no such site). */
  rename(id: number, code: string, name: string): number;
  /** The site that has this code, if any. */
  byCode(code: string): number | undefined;
  /** A person's site: null = group-wide; undefined = no such person. */
  userSite(userId: number): number | null | undefined;
  setUserSite(userId: number, siteId: number | null): void;
  /** A lead's site; undefined = no such lead. */
  leadSite(leadId: number): number | undefined;
  /** The sites of these leads (by primary key: a page's few rows). */
  leadSites(leadIds: number[]): { id: number; siteId: number }[];
  /** A site's leads, each with its assignment time (their stored deadlines follow the site's rule figures). */
  assignedAtsAt(siteId: number): { id: number; a: number }[];
  /** Sets the site of leads just inserted. */
  setLeadsSite(leadIds: number[], siteId: number): void;
  /** A site's own settings (key → JSON text). */
  settings(siteId: number): { key: string; value: string }[];
  /** Sets (value) or clears (undefined) a site's own value of `key`. */
  setSetting(siteId: number, key: string, value: unknown, now: number): void;
}

export function sitesRepo(sqlite: Sqlite): SitesRepo {
  const list = once(() => sqlite.prepare<[], SiteRow>('SELECT id, code, name FROM sites ORDER BY id'));
  const insert = once(() =>
    sqlite.prepare<[string, string, number]>('INSERT INTO sites (code, name, created_at) VALUES (?, ?, ?)'),
  );
  const rename = once(() =>
    sqlite.prepare<[string, string, number]>('UPDATE sites SET code = ?, name = ? WHERE id = ?'),
  );
  const byCode = once(() => sqlite.prepare<[string], { id: number }>('SELECT id FROM sites WHERE code = ?'));
  const userSite = once(() =>
    sqlite.prepare<[number], { siteId: number | null }>('SELECT site_id AS siteId FROM users WHERE id = ?'),
  );
  const setUserSite = once(() => sqlite.prepare<[number | null, number]>('UPDATE users SET site_id = ? WHERE id = ?'));
  const leadSite = once(() =>
    sqlite.prepare<[number], { siteId: number }>('SELECT site_id AS siteId FROM leads WHERE id = ?'),
  );
  const leadSites = once(() =>
    sqlite.prepare<[string], { id: number; siteId: number }>(
      'SELECT id, site_id AS siteId FROM leads WHERE id IN (SELECT value FROM json_each(?))',
    ),
  );
  const assignedAtsAt = once(() =>
    sqlite.prepare<[number], { id: number; a: number }>('SELECT id, assigned_at AS a FROM leads WHERE site_id = ?'),
  );
  const setLeadsSite = once(() =>
    sqlite.prepare<[number, string]>('UPDATE leads SET site_id = ? WHERE id IN (SELECT value FROM json_each(?))'),
  );
  const settings = once(() =>
    sqlite.prepare<[number], { key: string; value: string }>(
      'SELECT key, value FROM site_settings WHERE site_id = ? ORDER BY key',
    ),
  );
  const upsert = once(() =>
    sqlite.prepare<[number, string, string, number]>(
      `INSERT INTO site_settings (site_id, key, value, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
  );
  const clear = once(() => sqlite.prepare<[number, string]>('DELETE FROM site_settings WHERE site_id = ? AND key = ?'));
  return {
    list: () => list().all(),
    insert: (code, name, now) => Number(insert().run(code, name, now).lastInsertRowid),
    rename: (id, code, name) => rename().run(code, name, id).changes,
    byCode: (code) => byCode().get(code)?.id,
    userSite: (userId) => {
      const r = userSite().get(userId);
      return r ? r.siteId : undefined;
    },
    setUserSite: (userId, siteId) => void setUserSite().run(siteId, userId),
    leadSite: (leadId) => leadSite().get(leadId)?.siteId,
    leadSites: (leadIds) => (leadIds.length === 0 ? [] : leadSites().all(JSON.stringify(leadIds))),
    assignedAtsAt: (siteId) => assignedAtsAt().all(siteId),
    setLeadsSite: (leadIds, siteId) => {
      if (leadIds.length > 0) setLeadsSite().run(siteId, JSON.stringify(leadIds));
    },
    settings: (siteId) => settings().all(siteId),
    setSetting: (siteId, key, value, now) =>
      void (value === undefined ? clear().run(siteId, key) : upsert().run(siteId, key, JSON.stringify(value), now)),
  };
}
