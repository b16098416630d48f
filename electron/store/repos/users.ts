// Users, their roles and absences (electron/core/people/peopleService.ts).
import type { Language, Role } from '../../../shared/domain/vocabulary';
import { once, type Sqlite } from './prepared';

/** A user as the people screen lists them (active, hasPassword: 0/1). */
export interface UserListRow {
  id: number;
  name: string;
  email: string | null;
  language: Language;
  active: number;
  pinHash: string | null;
  hasPassword: number;
  lockedUntil: number | null;
  /** The person's site; null = group-wide (docs/rules.md §11). */
  siteId: number | null;
}
export interface UserFields {
  name: string;
  email: string | null;
  language: Language;
  active: boolean;
}

export interface UsersRepo {
  /** Every user, by name (case-insensitive), then id. */
  all(): UserListRow[];
  roles(): { userId: number; role: Role }[];
  /** Every absence, by start: [fromAt, toAt). */
  absences(): { userId: number; fromAt: number; toAt: number }[];
  /** Whether the user exists (and was updated). */
  update(id: number, u: UserFields): boolean;
  insert(u: UserFields, now: number): number;
  setPin(id: number, pinHash: string | null): void;
  /** Replaces the user's roles. */
  setRoles(id: number, roles: Role[]): void;
  /** Replaces the user's absences. */
  setAbsences(id: number, absences: { fromAt: number; toAt: number }[]): void;
  activeManagerCount(): number;
  pin(id: number): { h: string | null; active: number } | undefined;
  language(id: number): Language | undefined;
  setLanguage(id: number, language: Language): void;
  /** Who acts: an active user's id and name. */
  activeActor(id: number): { id: number; name: string } | undefined;
  /** A user's id and name, active or not. */
  actor(id: number): { id: number; name: string } | undefined;
  /** The first user's id (undefined: no user yet). */
  firstId(): number | undefined;
  /** The person a new database starts with: "Front desk", a manager; their id. */
  createDefaultManager(now: number): number;
  /** The active users' ids and names, by id. */
  activeActors(): { id: number; name: string }[];
  /** A new active user; their id. */
  insertActive(name: string, email: string | null, language: string, now: number): number;
  /** Gives the user the role (nothing when they have it). */
  addRole(userId: number, role: Role): void;
  /** The first user the database holds (the one the app created on a new database). */
  first(): { id: number; name: string } | undefined;
  rename(id: number, name: string): void;
  /** The first active manager's id, else the first user's. */
  defaultManager(): number | undefined;
  /** The lead's assignee (null: unassigned), or undefined when there is no such lead. */
  leadAssignee(leadId: number): { a: number | null } | undefined;
  leadCustomer(leadId: number): { c: number | null } | undefined;
}

export function usersRepo(sqlite: Sqlite): UsersRepo {
  const users = once(() =>
    sqlite.prepare<[], UserListRow>(
      `SELECT id, name, email, language, active, pin_hash AS pinHash, password_hash IS NOT NULL AS hasPassword,
        locked_until AS lockedUntil, site_id AS siteId FROM users ORDER BY name COLLATE NOCASE, id`,
    ),
  );
  const roles = once(() =>
    sqlite.prepare<[], { userId: number; role: Role }>('SELECT user_id AS userId, role FROM user_roles'),
  );
  const absences = once(() =>
    sqlite.prepare<[], { userId: number; fromAt: number; toAt: number }>(
      'SELECT user_id AS userId, from_at AS fromAt, to_at AS toAt FROM absences ORDER BY from_at',
    ),
  );
  const assignee = once(() =>
    sqlite.prepare<[number], { a: number | null }>('SELECT assignee_id AS a FROM leads WHERE id = ?'),
  );
  const customerOf = once(() =>
    sqlite.prepare<[number], { c: number | null }>('SELECT customer_id AS c FROM leads WHERE id = ?'),
  );
  const pin = once(() =>
    sqlite.prepare<[number], { h: string | null; active: number }>(
      'SELECT pin_hash AS h, active FROM users WHERE id = ?',
    ),
  );
  const update = once(() =>
    sqlite.prepare<[string, string | null, string, number, number]>(
      'UPDATE users SET name = ?, email = ?, language = ?, active = ? WHERE id = ?',
    ),
  );
  const insert = once(() =>
    sqlite.prepare<[string, string | null, string, number, number]>(
      'INSERT INTO users (name, email, language, active, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
  );
  const setPin = once(() => sqlite.prepare<[string | null, number]>('UPDATE users SET pin_hash = ? WHERE id = ?'));
  const deleteRoles = once(() => sqlite.prepare<[number]>('DELETE FROM user_roles WHERE user_id = ?'));
  const insertRole = once(() =>
    sqlite.prepare<[number, string]>('INSERT INTO user_roles (user_id, role) VALUES (?, ?)'),
  );
  const deleteAbsences = once(() => sqlite.prepare<[number]>('DELETE FROM absences WHERE user_id = ?'));
  const insertAbsence = once(() =>
    sqlite.prepare<[number, number, number]>('INSERT INTO absences (user_id, from_at, to_at) VALUES (?, ?, ?)'),
  );
  const managers = once(() =>
    sqlite.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager' WHERE u.active = 1",
    ),
  );
  const language = once(() =>
    sqlite.prepare<[number], { language: Language }>('SELECT language FROM users WHERE id = ?'),
  );
  const setLanguage = once(() => sqlite.prepare<[string, number]>('UPDATE users SET language = ? WHERE id = ?'));
  const first = once(() =>
    sqlite.prepare<[], { id: number; name: string }>('SELECT id, name FROM users ORDER BY id LIMIT 1'),
  );
  const rename = once(() => sqlite.prepare<[string, number]>('UPDATE users SET name = ? WHERE id = ?'));
  const firstManager = once(() =>
    sqlite.prepare<[], { id: number }>(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager' WHERE u.active = 1 ORDER BY u.id LIMIT 1",
    ),
  );
  const activeActor = once(() =>
    sqlite.prepare<[number], { id: number; name: string }>('SELECT id, name FROM users WHERE id = ? AND active = 1'),
  );
  const actor = once(() =>
    sqlite.prepare<[number], { id: number; name: string }>('SELECT id, name FROM users WHERE id = ?'),
  );
  const insertDefault = once(() =>
    sqlite.prepare<[number]>(
      "INSERT INTO users (name, email, language, active, created_at) VALUES ('Front desk', NULL, 'en', 1, ?)",
    ),
  );
  const insertManagerRole = once(() =>
    sqlite.prepare<[number]>("INSERT INTO user_roles (user_id, role) VALUES (?, 'manager')"),
  );
  const activeActors = once(() =>
    sqlite.prepare<[], { id: number; name: string }>('SELECT id, name FROM users WHERE active = 1 ORDER BY id'),
  );
  const insertActive = once(() =>
    sqlite.prepare<[string, string | null, string, number]>(
      'INSERT INTO users (name, email, language, active, created_at) VALUES (?, ?, ?, 1, ?)',
    ),
  );
  const addRole = once(() =>
    sqlite.prepare<[number, string]>('INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)'),
  );
  const firstUser = once(() => sqlite.prepare<[], { id: number }>('SELECT id FROM users ORDER BY id LIMIT 1'));
  return {
    all: () => users().all(),
    roles: () => roles().all(),
    absences: () => absences().all(),
    update: (id, u) => update().run(u.name, u.email, u.language, u.active ? 1 : 0, id).changes === 1,
    insert: (u, now) => Number(insert().run(u.name, u.email, u.language, u.active ? 1 : 0, now).lastInsertRowid),
    setPin: (id, pinHash) => void setPin().run(pinHash, id),
    setRoles(id, rs) {
      deleteRoles().run(id);
      for (const r of rs) insertRole().run(id, r);
    },
    setAbsences(id, abs) {
      deleteAbsences().run(id);
      for (const a of abs) insertAbsence().run(id, a.fromAt, a.toAt);
    },
    activeManagerCount: () => managers().get()!.n,
    pin: (id) => pin().get(id),
    language: (id) => language().get(id)?.language,
    setLanguage: (id, lang) => void setLanguage().run(lang, id),
    first: () => first().get(),
    activeActors: () => activeActors().all(),
    insertActive: (name, email, language, now) =>
      Number(insertActive().run(name, email, language, now).lastInsertRowid),
    addRole: (userId, role) => void addRole().run(userId, role),
    activeActor: (id) => activeActor().get(id),
    actor: (id) => actor().get(id),
    firstId: () => firstUser().get()?.id,
    createDefaultManager(now) {
      const id = Number(insertDefault().run(now).lastInsertRowid);
      insertManagerRole().run(id);
      return id;
    },
    rename: (id, name) => void rename().run(name, id),
    defaultManager: () => firstManager().get()?.id ?? firstUser().get()?.id,
    leadAssignee: (leadId) => assignee().get(leadId),
    leadCustomer: (leadId) => customerOf().get(leadId),
  };
}
