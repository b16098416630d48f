// Sign-in (docs/rules.md §12): passwords, sessions, the lock after failed attempts, the manager's reset, and THE
// session check the dispatcher runs before the permission check (authenticate). With sign-in off (the local
// single-PC mode) authenticate passes every call through and the person at the desk acts, as before.
import { AppError } from '../../../shared/contract/errors';
import type { SignedInUser, TemporaryPassword } from '../../../shared/contract/auth';
import { ROLES, type Role } from '../../../shared/domain/vocabulary';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';
import type { CallContext } from '../dispatch';
import type { SettingsService } from '../settingsService';
import {
  checkPasswordPolicy,
  hashPassword,
  newSessionToken,
  temporaryPassword,
  tokenHash,
  verifyPassword,
} from './passwords';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const MINUTE = 60_000;
/** last_seen_at is written at most once a minute per session (not on every call). */
const TOUCH_EVERY = MINUTE;

/** Open before sign-in: what the sign-in screen needs, nothing with personal data. */
export const PUBLIC_CHANNELS: ReadonlySet<string> = new Set([
  'auth.status',
  'auth.signIn',
  'auth.signOut',
  'shell.status',
  // The start-up reads: each of its calls is checked on its own with the caller's session.
  'shell.boot',
]);
/** Open while the password must be changed (besides the public ones). */
const CHANGE_CHANNELS: ReadonlySet<string> = new Set(['auth.changePassword']);

export type SignInMode = 'off' | 'required';

interface UserAuthRow {
  id: number;
  name: string;
  email: string | null;
  active: number;
  hash: string | null;
  mustChange: number;
  failed: number;
  lockedUntil: number | null;
}
interface SessionRow {
  id: number;
  userId: number;
  expiresAt: number;
  lastSeenAt: number;
  endedAt: number | null;
}

export interface AuthService {
  readonly required: boolean;
  /** The session check: the context the call runs with (userId = the session's user), or a thrown AppError. */
  authenticate(channel: string, ctx: CallContext): CallContext;
  status(ctx: CallContext, localUserId: number | null): { user: SignedInUser | null; mustChangePassword: boolean };
  signIn(
    login: string,
    password: string,
    deskId?: number,
  ): Promise<{ token: string; user: SignedInUser; mustChangePassword: boolean; expiresAt: number }>;
  signOut(ctx: CallContext): boolean;
  /** The person's own change; their other sessions end (the one it is made from, if any, stays). */
  changePassword(userId: number, current: string, next: string, keepToken?: string): Promise<void>;
  /** A temporary password for this person (must change), their sessions ended and the lock lifted. */
  resetPassword(userId: number): string;
  /** Demo data: a temporary password for every active manager who has none (shown once). */
  passwordsForManagersWithout(): TemporaryPassword[];
  /** First start of a host: if no active manager has a password, the default manager gets a temporary one. */
  ensureFirstSignIn(defaultManager: number): TemporaryPassword | null;
}

export function createAuthService(
  store: Store,
  clock: Clock,
  settings: SettingsService,
  mode: SignInMode,
): AuthService {
  const { sqlite } = store;
  const q = {
    users: sqlite.prepare('SELECT id, name, email FROM users ORDER BY active DESC, id'),
    user: sqlite.prepare(
      `SELECT id, name, email, active, password_hash AS hash, password_must_change AS mustChange,
        failed_sign_ins AS failed, locked_until AS lockedUntil FROM users WHERE id = ?`,
    ),
    roles: sqlite.prepare('SELECT role FROM user_roles WHERE user_id = ?'),
    failed: sqlite.prepare('UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE id = ?'),
    setPassword: sqlite.prepare(
      'UPDATE users SET password_hash = ?, password_must_change = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?',
    ),
    session: sqlite.prepare(
      `SELECT id, user_id AS userId, expires_at AS expiresAt, last_seen_at AS lastSeenAt, ended_at AS endedAt
        FROM sessions WHERE token_hash = ?`,
    ),
    newSession: sqlite.prepare(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, desk_id)
        VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    touch: sqlite.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
    end: sqlite.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL'),
    endAllOf: sqlite.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL'),
    endOthersOf: sqlite.prepare(
      'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND token_hash <> ?',
    ),
    managersWithout: sqlite.prepare(
      `SELECT u.id, u.name, u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager'
        WHERE u.active = 1 AND u.password_hash IS NULL ORDER BY u.id`,
    ),
    managersWith: sqlite.prepare(
      `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager'
        WHERE u.active = 1 AND u.password_hash IS NOT NULL`,
    ),
  };
  const required = mode === 'required';
  const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
  const userRow = (id: number) => q.user.get(id) as UserAuthRow | undefined;
  const signedIn = (u: { id: number; name: string }): SignedInUser => {
    const rs = (q.roles.all(u.id) as { role: Role }[]).map((r) => r.role);
    return { id: u.id, name: u.name, roles: ROLES.filter((r) => rs.includes(r)) };
  };
  const loginOf = (u: { name: string; email: string | null }) => u.email ?? u.name;

  /** The session of this token, if it is still open (an expired one is ended here). */
  function session(token: string | undefined, now: number): { row: SessionRow; user: UserAuthRow } | AppError {
    if (!token) return new AppError('SIGN_IN_REQUIRED');
    const row = q.session.get(tokenHash(token)) as SessionRow | undefined;
    if (!row || row.endedAt !== null) return new AppError('SIGN_IN_REQUIRED');
    const idle = settings.get('auth.session').idleMinutes * MINUTE;
    if (now >= row.expiresAt || now >= row.lastSeenAt + idle) {
      q.end.run(now, row.id);
      return new AppError('SESSION_EXPIRED');
    }
    const user = userRow(row.userId);
    if (!user || user.active !== 1) {
      q.end.run(now, row.id);
      return new AppError('SIGN_IN_REQUIRED');
    }
    return { row, user };
  }

  function setTemporary(u: { id: number; name: string; email: string | null }): TemporaryPassword {
    const password = temporaryPassword();
    q.setPassword.run(hashPassword(password), 1, u.id);
    return { userId: u.id, name: u.name, login: loginOf(u), password };
  }

  return {
    required,
    authenticate(channel, ctx) {
      if (!required) return ctx;
      // The caller never chooses who acts: only the session does.
      const { userId: _ignored, ...rest } = ctx;
      if (PUBLIC_CHANNELS.has(channel)) return rest;
      const now = clock.now();
      const s = session(ctx.sessionToken, now);
      if (s instanceof AppError) throw s;
      if (s.user.mustChange === 1 && !CHANGE_CHANNELS.has(channel)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      if (now - s.row.lastSeenAt >= TOUCH_EVERY) q.touch.run(now, s.row.id);
      return { ...rest, userId: s.user.id };
    },
    status(ctx, localUserId) {
      if (!required) {
        const u = localUserId === null ? undefined : userRow(localUserId);
        return { user: u ? signedIn(u) : null, mustChangePassword: false };
      }
      const s = session(ctx.sessionToken, clock.now());
      if (s instanceof AppError) return { user: null, mustChangePassword: false };
      return { user: signedIn(s.user), mustChangePassword: s.user.mustChange === 1 };
    },
    async signIn(login, password, deskId) {
      const wanted = fold(login);
      const all = q.users.all() as { id: number; name: string; email: string | null }[];
      // The e-mail first (unique in practice), then the name; the same answer for "no such person" and a wrong password.
      const match = all.find((u) => u.email && fold(u.email) === wanted) ?? all.find((u) => fold(u.name) === wanted);
      const before = match ? userRow(match.id) : undefined;
      const lockedAt = clock.now();
      if (before?.lockedUntil != null && before.lockedUntil > lockedAt)
        throw new AppError('ACCOUNT_LOCKED', { params: { until: before.lockedUntil } });
      const good = await verifyPassword(password, before?.hash ?? null);
      const now = clock.now();
      const outcome = sqlite.transaction(() => {
        const u = before ? userRow(before.id) : undefined;
        if (!u) return { error: new AppError('SIGN_IN_FAILED') };
        if (u.lockedUntil !== null && u.lockedUntil > now)
          return { error: new AppError('ACCOUNT_LOCKED', { params: { until: u.lockedUntil } }) };
        if (!good || u.hash !== before?.hash) {
          const failed = u.failed + 1;
          if (failed >= MAX_FAILED_SIGN_INS) {
            const until = now + LOCK_MINUTES * MINUTE;
            q.failed.run(0, until, u.id);
            return { error: new AppError('ACCOUNT_LOCKED', { params: { until } }) };
          }
          q.failed.run(failed, null, u.id);
          return { error: new AppError('SIGN_IN_FAILED') };
        }
        q.failed.run(0, null, u.id);
        // The password was right: saying the account is inactive tells nothing to someone who does not know it.
        if (u.active !== 1) return { error: new AppError('USER_INACTIVE') };
        const token = newSessionToken();
        const expiresAt = now + settings.get('auth.session').lifetimeHours * 60 * MINUTE;
        q.newSession.run(tokenHash(token), u.id, now, expiresAt, now, deskId ?? null);
        return { value: { token, user: signedIn(u), mustChangePassword: u.mustChange === 1, expiresAt } };
      })();
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    },
    signOut(ctx) {
      if (!ctx.sessionToken) return false;
      const row = q.session.get(tokenHash(ctx.sessionToken)) as SessionRow | undefined;
      if (!row || row.endedAt !== null) return false;
      return q.end.run(clock.now(), row.id).changes === 1;
    },
    async changePassword(userId, current, next, keepToken) {
      const u = userRow(userId);
      if (!u || u.active !== 1) throw new AppError('USER_INACTIVE');
      // A person with no password yet (the local mode, the first-run setup) sets one with an empty current one.
      if (u.hash !== null && !(await verifyPassword(current, u.hash)))
        throw new AppError('PASSWORD_WRONG', { field: 'current' });
      checkPasswordPolicy(next, current, u);
      const hash = hashPassword(next);
      sqlite.transaction(() => {
        const now = userRow(userId);
        if (!now || now.hash !== u.hash) throw new AppError('PASSWORD_WRONG', { field: 'current' });
        q.setPassword.run(hash, 0, userId);
        q.endOthersOf.run(clock.now(), userId, keepToken ? tokenHash(keepToken) : '');
      })();
    },
    resetPassword(userId) {
      return sqlite.transaction(() => {
        const u = userRow(userId);
        if (!u) throw new AppError('NOT_FOUND', { field: 'userId', params: { id: userId } });
        q.endAllOf.run(clock.now(), userId);
        return setTemporary(u).password;
      })();
    },
    passwordsForManagersWithout() {
      return sqlite.transaction(() =>
        (q.managersWithout.all() as { id: number; name: string; email: string | null }[]).map(setTemporary),
      )();
    },
    ensureFirstSignIn(defaultManager) {
      return sqlite.transaction(() => {
        if ((q.managersWith.get() as { n: number }).n > 0) return null;
        const u = userRow(defaultManager);
        return u ? setTemporary(u) : null;
      })();
    },
  };
}
