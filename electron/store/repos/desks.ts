// Host mode's paired desks (electron/core/host/deskService.ts): only a token's SHA-256 is stored.
import { once, type Sqlite } from './prepared';

export interface DeskRow {
  id: number;
  name: string;
  pairedAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

export interface DesksRepo {
  /** The new desk's id. */
  insert(name: string, tokenHash: string, now: number): number;
  /** The desk not revoked holding this token hash (seen: when it was last seen). */
  byTokenHash(tokenHash: string): { id: number; name: string; seen: number | null } | undefined;
  setSeen(id: number, now: number): void;
  /** Every desk: the revoked ones last, by name. */
  all(): DeskRow[];
  revoke(id: number, now: number): void;
  exists(id: number): boolean;
}

export function desksRepo(db: Sqlite): DesksRepo {
  const insert = once(() =>
    db.prepare<[string, string, number, number]>(
      'INSERT INTO desks (name, token_hash, paired_at, last_seen_at) VALUES (?, ?, ?, ?)',
    ),
  );
  const byHash = once(() =>
    db.prepare<[string], { id: number; name: string; seen: number | null }>(
      'SELECT id, name, last_seen_at AS seen FROM desks WHERE token_hash = ? AND revoked_at IS NULL',
    ),
  );
  const seen = once(() => db.prepare<[number, number]>('UPDATE desks SET last_seen_at = ? WHERE id = ?'));
  const all = once(() =>
    db.prepare<[], DeskRow>(
      `SELECT id, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt
     FROM desks ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, id`,
    ),
  );
  const revoke = once(() =>
    db.prepare<[number, number]>('UPDATE desks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  );
  const exists = once(() => db.prepare<[number]>('SELECT 1 FROM desks WHERE id = ?'));
  return {
    insert: (name, tokenHash, now) => Number(insert().run(name, tokenHash, now, now).lastInsertRowid),
    byTokenHash: (tokenHash) => byHash().get(tokenHash),
    setSeen: (id, now) => void seen().run(now, id),
    all: () => all().all(),
    revoke: (id, now) => void revoke().run(now, id),
    exists: (id) => exists().get(id) !== undefined,
  };
}
