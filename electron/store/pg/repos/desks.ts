// Host mode's paired desks on PostgreSQL (electron/store/repos/desks.ts).
import type { DeskRow, DesksRepo } from '../../repos/desks';
import type { Async } from '../../repos/index';
import { row, rows, run, type Queryable } from './query';

export function desksRepoPg(q: Queryable): Async<DesksRepo> {
  return {
    insert: async (name, tokenHash, now) =>
      (await row<{ id: number }>(
        q,
        'INSERT INTO desks (name, token_hash, paired_at, last_seen_at) VALUES ($1, $2, $3, $3) RETURNING id',
        [name, tokenHash, now],
      ))!.id,
    byTokenHash: (tokenHash) =>
      row(q, 'SELECT id, name, last_seen_at AS seen FROM desks WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
      ]),
    setSeen: async (id, now) => void (await run(q, 'UPDATE desks SET last_seen_at = $1 WHERE id = $2', [now, id])),
    // COLLATE NOCASE → lower(), in byte order as SQLite's
    all: () =>
      rows<DeskRow>(
        q,
        `SELECT id, name, paired_at AS "pairedAt", last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"
          FROM desks ORDER BY revoked_at IS NOT NULL, lower(name) COLLATE "C", id`,
      ),
    revoke: async (id, now) =>
      void (await run(q, 'UPDATE desks SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id])),
    exists: async (id) => (await row(q, 'SELECT 1 FROM desks WHERE id = $1', [id])) !== undefined,
  };
}
