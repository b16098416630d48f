// Sign-in (docs/rules.md §12): passwords, sessions, the lock after failed attempts, the manager's reset, and THE
// session check the dispatcher runs before the permission check (authenticate). With sign-in off (the local
// single-PC mode) authenticate passes every call through and the person at the desk acts, as before.
import { AppError } from '../../../shared/contract/errors';
import type { SignedInUser, TemporaryPassword } from '../../../shared/contract/auth';
import { ROLES } from '../../../shared/domain/vocabulary';
import type { AsyncRepos, AsyncStore } from '../../store/repos/index';
import type { SessionRow, UserAuthRow } from '../../store/repos/auth';
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

export interface AuthService {
  readonly required: boolean;
  /** The session check: the context the call runs with (userId = the session's user), or a rejected AppError. */
  authenticate(channel: string, ctx: CallContext): Promise<CallContext>;
  status(
    ctx: CallContext,
    localUserId: number | null,
  ): Promise<{ user: SignedInUser | null; mustChangePassword: boolean }>;
  signIn(
    login: string,
    password: string,
    deskId?: number,
  ): Promise<{ token: string; user: SignedInUser; mustChangePassword: boolean; expiresAt: number }>;
  signOut(ctx: CallContext): Promise<boolean>;
  /** The person's own change; their other sessions end (the one it is made from, if any, stays). */
  changePassword(userId: number, current: string, next: string, keepToken?: string): Promise<void>;
  /** A temporary password for this person (must change), their sessions ended and the lock lifted. */
  resetPassword(userId: number): Promise<string>;
  /** Demo data: a temporary password for every active manager who has none (shown once). */
  passwordsForManagersWithout(): Promise<TemporaryPassword[]>;
  /** First start of a host: if no active manager has a password, the default manager gets a temporary one. */
  ensureFirstSignIn(defaultManager: number): Promise<TemporaryPassword | null>;
}

export function createAuthService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  mode: SignInMode,
): AuthService {
  const repo = data.repos.auth;
  const required = mode === 'required';
  const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase();
  const userRow = (id: number) => repo.user(id);
  const signedIn = async (u: { id: number; name: string }): Promise<SignedInUser> => {
    const rs = await repo.roles(u.id);
    return { id: u.id, name: u.name, roles: ROLES.filter((r) => rs.includes(r)) };
  };
  const loginOf = (u: { name: string; email: string | null }) => u.email ?? u.name;

  /** The session of this token, if it is still open (an expired one is ended here). */
  async function session(
    token: string | undefined,
    now: number,
  ): Promise<{ row: SessionRow; user: UserAuthRow } | AppError> {
    if (!token) return new AppError('SIGN_IN_REQUIRED');
    const row = await repo.session(tokenHash(token));
    if (!row || row.endedAt !== null) return new AppError('SIGN_IN_REQUIRED');
    const idle = settings.get('auth.session').idleMinutes * MINUTE;
    if (now >= row.expiresAt || now >= row.lastSeenAt + idle) {
      await data.tx((r) => r.auth.endSession(row.id, now));
      return new AppError('SESSION_EXPIRED');
    }
    const user = await userRow(row.userId);
    if (!user || user.active !== 1) {
      await data.tx((r) => r.auth.endSession(row.id, now));
      return new AppError('SIGN_IN_REQUIRED');
    }
    return { row, user };
  }

  async function setTemporary(
    r: AsyncRepos,
    u: { id: number; name: string; email: string | null },
  ): Promise<TemporaryPassword> {
    const password = temporaryPassword();
    await r.auth.setPassword(u.id, hashPassword(password), true);
    return { userId: u.id, name: u.name, login: loginOf(u), password };
  }

  return {
    required,
    async authenticate(channel, ctx) {
      if (!required) return ctx;
      // The caller never chooses who acts: only the session does.
      const { userId: _ignored, ...rest } = ctx;
      if (PUBLIC_CHANNELS.has(channel)) return rest;
      const now = clock.now();
      const s = await session(ctx.sessionToken, now);
      if (s instanceof AppError) throw s;
      if (s.user.mustChange === 1 && !CHANGE_CHANNELS.has(channel)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      if (now - s.row.lastSeenAt >= TOUCH_EVERY) await data.tx((r) => r.auth.touchSession(s.row.id, now));
      return { ...rest, userId: s.user.id };
    },
    async status(ctx, localUserId) {
      if (!required) {
        const u = localUserId === null ? undefined : await userRow(localUserId);
        return { user: u ? await signedIn(u) : null, mustChangePassword: false };
      }
      const s = await session(ctx.sessionToken, clock.now());
      if (s instanceof AppError) return { user: null, mustChangePassword: false };
      return { user: await signedIn(s.user), mustChangePassword: s.user.mustChange === 1 };
    },
    async signIn(login, password, deskId) {
      const wanted = fold(login);
      const all = await repo.users();
      // The e-mail first (unique in practice), then the name; the same answer for "no such person" and a wrong password.
      const match = all.find((u) => u.email && fold(u.email) === wanted) ?? all.find((u) => fold(u.name) === wanted);
      const before = match ? await userRow(match.id) : undefined;
      const lockedAt = clock.now();
      if (before?.lockedUntil != null && before.lockedUntil > lockedAt)
        throw new AppError('ACCOUNT_LOCKED', { params: { until: before.lockedUntil } });
      const good = await verifyPassword(password, before?.hash ?? null);
      const now = clock.now();
      const outcome = await data.tx(async (r) => {
        const u = before ? await r.auth.user(before.id) : undefined;
        if (!u) return { error: new AppError('SIGN_IN_FAILED') };
        if (u.lockedUntil !== null && u.lockedUntil > now)
          return { error: new AppError('ACCOUNT_LOCKED', { params: { until: u.lockedUntil } }) };
        if (!good || u.hash !== before?.hash) {
          const failed = u.failed + 1;
          if (failed >= MAX_FAILED_SIGN_INS) {
            const until = now + LOCK_MINUTES * MINUTE;
            await r.auth.setFailed(u.id, 0, until);
            return { error: new AppError('ACCOUNT_LOCKED', { params: { until } }) };
          }
          await r.auth.setFailed(u.id, failed, null);
          return { error: new AppError('SIGN_IN_FAILED') };
        }
        await r.auth.setFailed(u.id, 0, null);
        // The password was right: saying the account is inactive tells nothing to someone who does not know it.
        if (u.active !== 1) return { error: new AppError('USER_INACTIVE') };
        const token = newSessionToken();
        const expiresAt = now + settings.get('auth.session').lifetimeHours * 60 * MINUTE;
        await r.auth.insertSession(tokenHash(token), u.id, now, expiresAt, deskId ?? null);
        const rs = await r.auth.roles(u.id);
        const user: SignedInUser = { id: u.id, name: u.name, roles: ROLES.filter((x) => rs.includes(x)) };
        return { value: { token, user, mustChangePassword: u.mustChange === 1, expiresAt } };
      });
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    },
    async signOut(ctx) {
      if (!ctx.sessionToken) return false;
      const row = await repo.session(tokenHash(ctx.sessionToken));
      if (!row || row.endedAt !== null) return false;
      return data.tx((r) => r.auth.endSession(row.id, clock.now()));
    },
    async changePassword(userId, current, next, keepToken) {
      const u = await userRow(userId);
      if (!u || u.active !== 1) throw new AppError('USER_INACTIVE');
      // A person with no password yet (the local mode, the first-run setup) sets one with an empty current one.
      if (u.hash !== null && !(await verifyPassword(current, u.hash)))
        throw new AppError('PASSWORD_WRONG', { field: 'current' });
      checkPasswordPolicy(next, current, u);
      const hash = hashPassword(next);
      await data.tx(async (r) => {
        const now = await r.auth.user(userId);
        if (!now || now.hash !== u.hash) throw new AppError('PASSWORD_WRONG', { field: 'current' });
        await r.auth.setPassword(userId, hash, false);
        await r.auth.endOtherSessionsOf(userId, clock.now(), keepToken ? tokenHash(keepToken) : '');
      });
    },
    resetPassword: (userId) =>
      data.tx(async (r) => {
        const u = await r.auth.user(userId);
        if (!u) throw new AppError('NOT_FOUND', { field: 'userId', params: { id: userId } });
        await r.auth.endSessionsOf(userId, clock.now());
        return (await setTemporary(r, u)).password;
      }),
    passwordsForManagersWithout: () =>
      data.tx(async (r) => {
        const out: TemporaryPassword[] = [];
        for (const u of await r.auth.managersWithoutPassword()) out.push(await setTemporary(r, u));
        return out;
      }),
    ensureFirstSignIn: (defaultManager) =>
      data.tx(async (r) => {
        if ((await r.auth.managersWithPasswordCount()) > 0) return null;
        const u = await r.auth.user(defaultManager);
        return u ? setTemporary(r, u) : null;
      }),
  };
}
