// Host mode (docs/rules.md §12): the desks paired with this host. A desk's token is a long random secret
// handed out once at pairing; only its SHA-256 is stored. Revoked desks keep their row but are refused.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/db';

export interface DeskRow {
  id: number;
  name: string;
  pairedAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

export interface DeskService {
  /** A new desk: its id and its token (shown to the desk once, never stored). */
  pair(name: string, now: number): { id: number; token: string };
  /** The desk holding this token, or null (unknown or revoked). Records when it was last seen (at most once a minute). */
  verify(token: string, now: number): { id: number; name: string } | null;
  list(): DeskRow[];
  /** Refuses the desk's token from now on; false when there is no such desk. */
  revoke(id: number, now: number): boolean;
}

export const hashDeskToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const SEEN_EVERY_MS = 60_000;

export function createDeskService(store: Store): DeskService {
  const db = store.sqlite;
  const insert = db.prepare('INSERT INTO desks (name, token_hash, paired_at, last_seen_at) VALUES (?, ?, ?, ?)');
  const byHash = db.prepare<[string], { id: number; name: string; seen: number | null }>(
    'SELECT id, name, last_seen_at AS seen FROM desks WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const seen = db.prepare('UPDATE desks SET last_seen_at = ? WHERE id = ?');
  const all = db.prepare<[], DeskRow>(
    `SELECT id, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt
     FROM desks ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, id`,
  );
  const revoke = db.prepare('UPDATE desks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const exists = db.prepare('SELECT 1 FROM desks WHERE id = ?');
  return {
    pair(name, now) {
      const token = randomBytes(32).toString('base64url');
      const id = db.transaction(() => Number(insert.run(name, hashDeskToken(token), now, now).lastInsertRowid))();
      return { id, token };
    },
    verify(token, now) {
      if (!token || token.length > 200) return null;
      const row = byHash.get(hashDeskToken(token));
      if (!row) return null;
      if (row.seen === null || now - row.seen >= SEEN_EVERY_MS) db.transaction(() => seen.run(now, row.id))();
      return { id: row.id, name: row.name };
    },
    list: () => all.all(),
    revoke(id, now) {
      if (!exists.get(id)) return false;
      db.transaction(() => revoke.run(now, id))();
      return true;
    },
  };
}
