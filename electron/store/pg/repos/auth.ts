// Sign-in on PostgreSQL (electron/store/repos/auth.ts): password hashes and lock, sessions. `active` and
// `mustChange` read as 0/1.
import type { Role } from '../../../../shared/domain/vocabulary';
import type { AuthRepo, SessionRow, UserAuthRow, UserLoginRow } from '../../repos/auth';
import type { Async } from '../../repos/index';
import { row, rows, run, type Queryable } from './query';

const MANAGERS = `FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager' WHERE u.active`;

export function authRepoPg(q: Queryable): Async<AuthRepo> {
  return {
    users: () => rows<UserLoginRow>(q, 'SELECT id, name, email FROM users ORDER BY active DESC, id'),
    user: (id) =>
      row<UserAuthRow>(
        q,
        `SELECT id, name, email, active::int AS active, password_hash AS hash, password_must_change::int AS "mustChange",
          failed_sign_ins AS failed, locked_until AS "lockedUntil" FROM users WHERE id = $1`,
        [id],
      ),
    roles: async (userId) =>
      (
        await rows<{ role: Role }>(q, 'SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role COLLATE "C"', [
          userId,
        ])
      ).map((r) => r.role),
    setFailed: async (userId, n, lockedUntil) =>
      void (await run(q, 'UPDATE users SET failed_sign_ins = $1, locked_until = $2 WHERE id = $3', [
        n,
        lockedUntil,
        userId,
      ])),
    setPassword: async (userId, hash, mustChange) =>
      void (await run(
        q,
        'UPDATE users SET password_hash = $1, password_must_change = $2, failed_sign_ins = 0, locked_until = NULL WHERE id = $3',
        [hash, mustChange, userId],
      )),
    session: (tokenHash) =>
      row<SessionRow>(
        q,
        `SELECT id, user_id AS "userId", expires_at AS "expiresAt", last_seen_at AS "lastSeenAt", ended_at AS "endedAt"
          FROM sessions WHERE token_hash = $1`,
        [tokenHash],
      ),
    insertSession: async (tokenHash, userId, now, expiresAt, deskId) =>
      void (await run(
        q,
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, desk_id) VALUES ($1, $2, $3, $4, $3, $5)`,
        [tokenHash, userId, now, expiresAt, deskId],
      )),
    touchSession: async (id, now) =>
      void (await run(q, 'UPDATE sessions SET last_seen_at = $1 WHERE id = $2', [now, id])),
    endSession: async (id, now) =>
      (await run(q, 'UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL', [now, id])) === 1,
    endSessionsOf: async (userId, now) =>
      void (await run(q, 'UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL', [now, userId])),
    endOtherSessionsOf: async (userId, now, keep) =>
      void (await run(
        q,
        'UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL AND token_hash <> $3',
        [now, userId, keep],
      )),
    managersWithoutPassword: () =>
      rows<UserLoginRow>(q, `SELECT u.id, u.name, u.email ${MANAGERS} AND u.password_hash IS NULL ORDER BY u.id`),
    managersWithPasswordCount: async () =>
      (await row<{ n: number }>(q, `SELECT count(*)::int AS n ${MANAGERS} AND u.password_hash IS NOT NULL`))!.n,
  };
}
