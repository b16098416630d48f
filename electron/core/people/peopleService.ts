// Users and roles, absences, the "who is at the desk" switch (optional PIN, scrypt + salt) and the
// central permission check the dispatcher runs before every handler (shared/contract/permissions.ts).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../shared/domain/lead';
import { ROLES, type Language, type Role } from '../../../shared/domain/vocabulary';
import { dayProblem } from '../../../shared/domain/timeBounds';
import { AppError } from '../../../shared/contract/errors';
import type { UserRow } from '../../../shared/contract/people';
import { permissionOf } from '../../../shared/contract/permissions';
import { canManage, canWorkLead, isAbsent, type Person } from '../../../shared/people/access';
import { addCalendarDays, fromWallTime, localDate } from '../../../shared/rules/time';
import type { AsyncRepos, AsyncStore } from '../../store/repos/index';
import type { UserListRow } from '../../store/repos/users';
import type { Clock } from '../clock';
import type { CallContext } from '../dispatch';
import type { SettingsService } from '../settingsService';
import { checkSiteLimits, hasGroupManager } from './siteLimits';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CURRENT_USER_KEY = 'desk.currentUser';

export interface UserInput {
  id?: number | null;
  name: string;
  email: string | null;
  language: Language;
  active: boolean;
  roles: Role[];
  absences: { from: string; to: string }[];
  pin?: string | null;
  /** The person's site, null = group-wide (managers only); absent keeps it (docs/rules.md §11). */
  siteId?: number | null;
}

/** Every read on the AsyncStore (`r`: a caller's transaction's repositories, else `data.repos`). */
export interface PeopleService {
  list(r?: AsyncRepos): Promise<UserRow[]>;
  get(id: number, r?: AsyncRepos): Promise<UserRow>;
  persons(r?: AsyncRepos): Promise<Person[]>;
  save(input: UserInput): Promise<UserRow>;
  switchTo(userId: number, pin: string | null | undefined): Promise<void>;
  canManage(userId: number | null): Promise<boolean>;
  /** Rejects with FORBIDDEN / NOT_YOUR_LEAD / GROUP_MANAGER_ONLY (siteLimits.ts) when the person at the desk may not call the channel with this input. */
  authorize(channel: string, input: unknown, actor: Actor): Promise<void>;
  /** The first active manager's id, else the first user's (throws when the database has no user). */
  defaultManager(r?: AsyncRepos): Promise<number>;
}

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(pin, salt, 32).toString('hex')}`;
}
export function verifyPin(pin: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'hex');
  const got = scryptSync(pin, Buffer.from(salt, 'hex'), want.length);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** `sites`: whether there are several sites (a person's site is shown then) and the first site (a new person's). */
export function createPeopleService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  sites: { multi(): Promise<boolean>; list(): Promise<{ id: number }[]> } = {
    multi: async () => false,
    list: async () => [{ id: 1 }],
  },
): PeopleService {
  const tz = () => settings.rules().timeZone;
  const dayStart = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return fromWallTime({ year: y, month: m, day: dd, hour: 0, minute: 0, second: 0 }, tz());
  };

  async function load(r: AsyncRepos): Promise<{
    raw: UserListRow[];
    roles: Map<number, Role[]>;
    absences: Map<number, { fromAt: number; toAt: number }[]>;
  }> {
    // One after the other: inside a caller's transaction they share its one connection.
    const raw = await r.users.all();
    const roles = new Map<number, Role[]>();
    for (const x of await r.users.roles()) roles.set(x.userId, [...(roles.get(x.userId) ?? []), x.role]);
    const absences = new Map<number, { fromAt: number; toAt: number }[]>();
    for (const a of await r.users.absences())
      absences.set(a.userId, [...(absences.get(a.userId) ?? []), { fromAt: a.fromAt, toAt: a.toAt }]);
    return { raw, roles, absences };
  }
  const order = (rs: Role[]) => ROLES.filter((r) => rs.includes(r));

  const svc: PeopleService = {
    async list(r = data.repos) {
      const { raw, roles, absences } = await load(r);
      const now = clock.now();
      const zone = tz();
      const multi = await sites.multi();
      return raw.map((u) => {
        const abs = absences.get(u.id) ?? [];
        return {
          id: u.id,
          name: u.name,
          email: u.email,
          language: u.language,
          active: u.active === 1,
          roles: order(roles.get(u.id) ?? []),
          absences: abs.map((a) => ({
            from: localDate(a.fromAt, zone),
            to: localDate(addCalendarDays(a.toAt, -1, zone), zone),
          })),
          hasPin: u.pinHash !== null,
          hasPassword: u.hasPassword === 1,
          lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? u.lockedUntil : null,
          absentNow: isAbsent(abs, now),
          ...(multi ? { siteId: u.siteId } : {}),
        };
      });
    },
    async get(id, r = data.repos) {
      const u = (await svc.list(r)).find((x) => x.id === id);
      if (!u) throw new AppError('NOT_FOUND', { field: 'userId', params: { id } });
      return u;
    },
    async persons(r = data.repos) {
      const { raw, roles, absences } = await load(r);
      return raw.map((u) => ({
        id: u.id,
        active: u.active === 1,
        roles: roles.get(u.id) ?? [],
        absences: absences.get(u.id) ?? [],
        siteId: u.siteId,
      }));
    },
    async save(input) {
      if (input.email && !EMAIL.test(input.email)) throw new AppError('EMAIL_INVALID', { field: 'email' });
      // The contract refuses these already; the service too, whoever calls it (a rolled-over day is never stored).
      input.absences.forEach((a, i) => {
        for (const k of ['from', 'to'] as const) {
          const p = dayProblem(a[k]);
          if (p) throw new AppError(p, { field: `absences.${i}.${k}` });
        }
        if (a.from > a.to) throw new AppError('DATE_INVALID', { field: `absences.${i}.to` });
      });
      const roles = [...new Set(input.roles)];
      // Group-wide is a manager's (docs/rules.md §11); a new person without a site: the first site.
      const known = await sites.list();
      if (input.siteId != null && !known.some((s) => s.id === input.siteId))
        throw new AppError('SITE_UNKNOWN', { field: 'siteId' });
      if (input.siteId === null && !roles.includes('manager')) throw new AppError('SITE_REQUIRED', { field: 'siteId' });
      const siteId =
        input.siteId !== undefined
          ? input.siteId
          : input.id == null
            ? roles.includes('manager') && known.length > 1
              ? null
              : known[0]!.id
            : undefined;
      const id = await data.tx(async (r) => {
        const hadGroupManager = (await sites.multi()) && hasGroupManager(await svc.persons(r));
        let uid = input.id ?? null;
        if (uid !== null) {
          if (!(await r.users.update(uid, input)))
            throw new AppError('NOT_FOUND', { field: 'id', params: { id: uid } });
        } else {
          uid = await r.users.insert(input, clock.now());
        }
        if (input.pin !== undefined) await r.users.setPin(uid, input.pin === null ? null : hashPin(input.pin));
        if (siteId !== undefined) await r.sites.setUserSite(uid, siteId);
        await r.users.setRoles(uid, roles);
        await r.users.setAbsences(
          uid,
          input.absences.map((a) => ({ fromAt: dayStart(a.from), toAt: addCalendarDays(dayStart(a.to), 1, tz()) })),
        );
        // Someone must still be able to manage: at least one active manager.
        const managers = await r.users.activeManagerCount();
        if (managers === 0) throw new AppError('LAST_MANAGER', { field: 'roles' });
        // Several sites: someone must still be able to change the group's (docs/rules.md §11.8).
        if (hadGroupManager && !hasGroupManager(await svc.persons(r)))
          throw new AppError('LAST_GROUP_MANAGER', { field: input.siteId !== undefined ? 'siteId' : 'roles' });
        return uid;
      });
      return svc.get(id);
    },
    async switchTo(userId, pin) {
      const u = await data.repos.users.pin(userId);
      if (!u || u.active !== 1) throw new AppError('USER_INACTIVE', { field: 'userId' });
      if (u.h !== null && !(pin && verifyPin(pin, u.h))) throw new AppError('PIN_WRONG', { field: 'pin' });
      const lang = (await data.repos.users.language(userId))!;
      await data.tx(async (r) => {
        await settings.setIn(r, CURRENT_USER_KEY, userId);
        await settings.setIn(r, 'language', lang);
      });
    },
    async canManage(userId) {
      if (userId === null) return false;
      const people = await svc.persons();
      return canManage(
        people.find((p) => p.id === userId),
        people,
        clock.now(),
      );
    },
    async authorize(channel, input, actor) {
      const perm = permissionOf(channel);
      const inp = (input ?? {}) as { id?: number; assigneeId?: number | null; leadId?: number | null };
      const consents = channel === 'customers.setConsents';
      const siteBound = channel === 'sites.settings.get';
      if (perm === null && !consents && !siteBound && !(channel === 'leads.create' && inp.assigneeId != null)) return;
      const people = await svc.persons();
      const me = people.find((p) => p.id === actor.id);
      // Deactivated while at the desk: say so (the desk switches to someone else).
      if (me && !me.active) throw new AppError('USER_INACTIVE');
      const manage = canManage(me, people, clock.now());
      // With several sites, a person of one site stays within it (docs/rules.md §11.8); one site: no difference. No
      // active group-wide manager at all (a database of before): the managers act for the group until one is named.
      const limits = async () => {
        if ((await sites.multi()) && hasGroupManager(people)) checkSiteLimits(channel, perm, input, me, people);
      };
      if (siteBound) return limits();
      if (channel === 'leads.create') {
        if (!manage && inp.assigneeId !== actor.id) throw new AppError('FORBIDDEN', { field: 'assigneeId' });
        return;
      }
      if (consents) {
        // A customer's consents are changed while working one of their leads (own or unassigned), or by the manager.
        if (manage) return;
        const lead = typeof inp.leadId === 'number' ? await data.repos.users.leadAssignee(inp.leadId) : undefined;
        const customer =
          typeof inp.leadId === 'number' ? (await data.repos.users.leadCustomer(inp.leadId))?.c : undefined;
        if (!lead || customer !== inp.id) throw new AppError('FORBIDDEN', { field: 'leadId' });
        if (!canWorkLead(me, lead.a, false)) throw new AppError('NOT_YOUR_LEAD');
        return;
      }
      if (perm === 'manage' || perm === 'group') {
        if (!manage) throw new AppError('FORBIDDEN', { params: { channel } });
        return limits();
      }
      if (typeof inp.id !== 'number') return;
      const row = await data.repos.users.leadAssignee(inp.id);
      if (!row) return; // the handler answers NOT_FOUND
      if (!canWorkLead(me, row.a, manage)) throw new AppError('NOT_YOUR_LEAD');
    },
    async defaultManager(r = data.repos) {
      const id = await r.users.defaultManager();
      if (id === undefined) throw new Error('No user in the database');
      return id;
    },
  };
  return svc;
}

/** The caller's context → who acts. Exported for the CLI note: the CLI acts as the default manager. */
export type ActorOf = (ctx?: CallContext) => Actor;
