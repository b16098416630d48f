// Host mode (docs/rules.md §12): the desks paired with this host. A desk's token is a long random secret
// handed out once at pairing; only its SHA-256 is stored. Revoked desks keep their row but are refused.
import { createHash, randomBytes } from 'node:crypto';
import type { AsyncStore } from '../../store/repos/index';
import type { DeskRow } from '../../store/repos/desks';

export type { DeskRow };

export interface DeskService {
  /** A new desk: its id and its token (shown to the desk once, never stored). */
  pair(name: string, now: number): Promise<{ id: number; token: string }>;
  /**
   * The desk holding this token, or null (unknown or revoked). Records when it was last seen (at most once a minute).
   * The host server's request check, before every call.
   */
  verify(token: string, now: number): Promise<{ id: number; name: string } | null>;
  list(): Promise<DeskRow[]>;
  /** Refuses the desk's token from now on; false when there is no such desk. */
  revoke(id: number, now: number): Promise<boolean>;
}

export const hashDeskToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const SEEN_EVERY_MS = 60_000;

export function createDeskService(data: AsyncStore): DeskService {
  return {
    async pair(name, now) {
      const token = randomBytes(32).toString('base64url');
      const id = await data.tx((r) => r.desks.insert(name, hashDeskToken(token), now));
      return { id, token };
    },
    async verify(token, now) {
      if (!token || token.length > 200) return null;
      const row = await data.repos.desks.byTokenHash(hashDeskToken(token));
      if (!row) return null;
      if (row.seen === null || now - row.seen >= SEEN_EVERY_MS) await data.tx((r) => r.desks.setSeen(row.id, now));
      return { id: row.id, name: row.name };
    },
    list: () => data.repos.desks.all(),
    revoke: (id, now) =>
      data.tx(async (r) => {
        if (!(await r.desks.exists(id))) return false;
        await r.desks.revoke(id, now);
        return true;
      }),
  };
}
