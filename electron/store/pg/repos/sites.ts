// Sites on PostgreSQL (electron/store/repos/sites.ts; migration 0009_sites).
import type { Async } from '../../repos/index';
import type { SiteRow, SitesRepo } from '../../repos/sites';
import { row, rows, run, type Queryable } from './query';

export function sitesRepoPg(q: Queryable): Async<SitesRepo> {
  return {
    list: () => rows<SiteRow>(q, 'SELECT id, code, name FROM sites ORDER BY id'),
    insert: async (code, name, now) =>
      (await row<{ id: number }>(q, 'INSERT INTO sites (code, name, created_at) VALUES ($1, $2, $3) RETURNING id', [
        code,
        name,
        now,
      ]))!.id,
    rename: (id, code, name) => run(q, 'UPDATE sites SET code = $1, name = $2 WHERE id = $3', [code, name, id]),
    byCode: async (code) => (await row<{ id: number }>(q, 'SELECT id FROM sites WHERE code = $1', [code]))?.id,
    userSite: async (userId) => {
      const r = await row<{ siteId: number | null }>(q, 'SELECT site_id AS "siteId" FROM users WHERE id = $1', [
        userId,
      ]);
      return r ? r.siteId : undefined;
    },
    setUserSite: async (userId, siteId) =>
      void (await run(q, 'UPDATE users SET site_id = $1 WHERE id = $2', [siteId, userId])),
    leadSite: async (leadId) =>
      (await row<{ siteId: number }>(q, 'SELECT site_id AS "siteId" FROM leads WHERE id = $1', [leadId]))?.siteId,
    leadSites: async (leadIds) =>
      leadIds.length === 0
        ? []
        : rows<{ id: number; siteId: number }>(
            q,
            'SELECT id, site_id AS "siteId" FROM leads WHERE id = ANY($1::int[])',
            [leadIds],
          ),
    assignedAtsAt: (siteId) =>
      rows(q, 'SELECT id, assigned_at AS a FROM leads WHERE site_id = $1 ORDER BY id', [siteId]),
    setLeadsSite: async (leadIds, siteId) => {
      if (leadIds.length > 0)
        await run(q, 'UPDATE leads SET site_id = $1 WHERE id = ANY($2::int[])', [siteId, leadIds]);
    },
    settings: (siteId) =>
      rows<{ key: string; value: string }>(q, 'SELECT key, value FROM site_settings WHERE site_id = $1 ORDER BY key', [
        siteId,
      ]),
    setSetting: async (siteId, key, value, now) =>
      void (value === undefined
        ? await run(q, 'DELETE FROM site_settings WHERE site_id = $1 AND key = $2', [siteId, key])
        : await run(
            q,
            `INSERT INTO site_settings (site_id, key, value, updated_at) VALUES ($1, $2, $3, $4)
              ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
            [siteId, key, JSON.stringify(value), now],
          )),
  };
}
