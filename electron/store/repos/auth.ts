// Sign-in (electron/core/auth/authService.ts): users' password hashes and lock, sessions (by token hash).
import type { Role } from '../../../shared/domain/vocabulary';
import { once, type Sqlite } from './prepared';

/** A user as sign-in reads them (active, mustChange: 0/1). */
export interface UserAuthRow {
  id: number;
  name: string;
  email: string | null;
  active: number;
  hash: string | null;
  mustChange: number;
  failed: number;
  lockedUntil: number | null;
}
export interface SessionRow {
  id: number;
  userId: number;
  expiresAt: number;
  lastSeenAt: number;
  endedAt: number | null;
}
export type UserLoginRow = { id: number; name: string; email: string | null };

export interface AuthRepo {
  /** Every user, active ones first, by id. */
  users(): UserLoginRow[];
  user(id: number): UserAuthRow | undefined;
  roles(userId: number): Role[];
  setFailed(userId: number, failed: number, lockedUntil: number | null): void;
  /** A new password hash (the failures and the lock cleared). */
  setPassword(userId: number, hash: string, mustChange: boolean): void;
  session(tokenHash: string): SessionRow | undefined;
  insertSession(tokenHash: string, userId: number, now: number, expiresAt: number, deskId: number | null): void;
  touchSession(id: number, now: number): void;
  /** Whether the session was still open. */
  endSession(id: number, now: number): boolean;
  endSessionsOf(userId: number, now: number): void;
  /** Ends the user's open sessions but the one of `keepTokenHash`. */
  endOtherSessionsOf(userId: number, now: number, keepTokenHash: string): void;
  /** The active managers without a password, by id. */
  managersWithoutPassword(): UserLoginRow[];
  managersWithPasswordCount(): number;
}

export function authRepo(sqlite: Sqlite): AuthRepo {
  const users = once(() =>
    sqlite.prepare<[], UserLoginRow>('SELECT id, name, email FROM users ORDER BY active DESC, id'),
  );
  const user = once(() =>
    sqlite.prepare<[number], UserAuthRow>(
      `SELECT id, name, email, active, password_hash AS hash, password_must_change AS mustChange,
        failed_sign_ins AS failed, locked_until AS lockedUntil FROM users WHERE id = ?`,
    ),
  );
  const roles = once(() => sqlite.prepare<[number], { role: Role }>('SELECT role FROM user_roles WHERE user_id = ?'));
  const failed = once(() =>
    sqlite.prepare<[number, number | null, number]>(
      'UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?',
    ),
  );
  const setPassword = once(() =>
    sqlite.prepare<[string, number, number]>(
      'UPDATE users SET password_hash = ?, password_must_change = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?',
    ),
  );
  const session = once(() =>
    sqlite.prepare<[string], SessionRow>(
      `SELECT id, user_id AS userId, expires_at AS expiresAt, last_seen_at AS lastSeenAt, ended_at AS endedAt
        FROM sessions WHERE token_hash = ?`,
    ),
  );
  const newSession = once(() =>
    sqlite.prepare<[string, number, number, number, number, number | null]>(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, desk_id)
        VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  );
  const touch = once(() => sqlite.prepare<[number, number]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'));
  const end = once(() =>
    sqlite.prepare<[number, number]>('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL'),
  );
  const endAllOf = once(() =>
    sqlite.prepare<[number, number]>('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL'),
  );
  const endOthersOf = once(() =>
    sqlite.prepare<[number, number, string]>(
      'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND token_hash <> ?',
    ),
  );
  const managersWithout = once(() =>
    sqlite.prepare<[], UserLoginRow>(
      `SELECT u.id, u.name, u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager'
        WHERE u.active = 1 AND u.password_hash IS NULL ORDER BY u.id`,
    ),
  );
  const managersWith = once(() =>
    sqlite.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager'
        WHERE u.active = 1 AND u.password_hash IS NOT NULL`,
    ),
  );
  return {
    users: () => users().all(),
    user: (id) => user().get(id),
    roles: (userId) =>
      roles()
        .all(userId)
        .map((r) => r.role),
    setFailed: (userId, n, lockedUntil) => void failed().run(n, lockedUntil, userId),
    setPassword: (userId, hash, mustChange) => void setPassword().run(hash, mustChange ? 1 : 0, userId),
    session: (tokenHash) => session().get(tokenHash),
    insertSession: (tokenHash, userId, now, expiresAt, deskId) =>
      void newSession().run(tokenHash, userId, now, expiresAt, now, deskId),
    touchSession: (id, now) => void touch().run(now, id),
    endSession: (id, now) => end().run(now, id).changes === 1,
    endSessionsOf: (userId, now) => void endAllOf().run(now, userId),
    endOtherSessionsOf: (userId, now, keep) => void endOthersOf().run(now, userId, keep),
    managersWithoutPassword: () => managersWithout().all(),
    managersWithPasswordCount: () => managersWith().get()!.n,
  };
}
