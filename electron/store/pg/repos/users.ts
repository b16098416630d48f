// Users, roles and absences on PostgreSQL (electron/store/repos/users.ts). `active` and `hasPassword` read as 0/1.
import type { Language, Role } from '../../../../shared/domain/vocabulary';
import type { Async } from '../../repos/index';
import type { UserListRow, UsersRepo } from '../../repos/users';
import { row, rows, run, type Queryable } from './query';

type IdName = { id: number; name: string };
const ACTIVE_MANAGERS = `FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager' WHERE u.active`;

export function usersRepoPg(q: Queryable): Async<UsersRepo> {
  const firstId = async () => (await row<{ id: number }>(q, 'SELECT id FROM users ORDER BY id LIMIT 1'))?.id;
  const insertUser = async (name: string, email: string | null, language: string, active: boolean, now: number) =>
    (await row<{ id: number }>(
      q,
      'INSERT INTO users (name, email, language, active, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [name, email, language, active, now],
    ))!.id;
  return {
    // COLLATE NOCASE → lower(), in byte order as SQLite's
    all: () =>
      rows<UserListRow>(
        q,
        `SELECT id, name, email, language, active::int AS active, pin_hash AS "pinHash", (password_hash IS NOT NULL)::int AS "hasPassword",
          locked_until AS "lockedUntil", site_id AS "siteId" FROM users ORDER BY lower(name) COLLATE "C", id`,
      ),
    roles: () => rows(q, 'SELECT user_id AS "userId", role FROM user_roles ORDER BY user_id, role COLLATE "C"'),
    absences: () =>
      rows(q, 'SELECT user_id AS "userId", from_at AS "fromAt", to_at AS "toAt" FROM absences ORDER BY from_at, id'),
    update: async (id, u) =>
      (await run(q, 'UPDATE users SET name = $1, email = $2, language = $3, active = $4 WHERE id = $5', [
        u.name,
        u.email,
        u.language,
        u.active,
        id,
      ])) === 1,
    insert: (u, now) => insertUser(u.name, u.email, u.language, u.active, now),
    setPin: async (id, pinHash) => void (await run(q, 'UPDATE users SET pin_hash = $1 WHERE id = $2', [pinHash, id])),
    async setRoles(id, rs) {
      await run(q, 'DELETE FROM user_roles WHERE user_id = $1', [id]);
      if (rs.length > 0)
        await run(q, 'INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [id, rs as Role[]]);
    },
    async setAbsences(id, abs) {
      await run(q, 'DELETE FROM absences WHERE user_id = $1', [id]);
      if (abs.length > 0)
        await run(
          q,
          `INSERT INTO absences (user_id, from_at, to_at)
            SELECT $1, f, t FROM unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS a(f, t, i) ORDER BY i`,
          [id, abs.map((a) => a.fromAt), abs.map((a) => a.toAt)],
        );
    },
    activeManagerCount: async () => (await row<{ n: number }>(q, `SELECT count(*)::int AS n ${ACTIVE_MANAGERS}`))!.n,
    pin: (id) => row(q, 'SELECT pin_hash AS h, active::int AS active FROM users WHERE id = $1', [id]),
    language: async (id) =>
      (await row<{ language: Language }>(q, 'SELECT language FROM users WHERE id = $1', [id]))?.language,
    setLanguage: async (id, lang) => void (await run(q, 'UPDATE users SET language = $1 WHERE id = $2', [lang, id])),
    activeActor: (id) => row<IdName>(q, 'SELECT id, name FROM users WHERE id = $1 AND active', [id]),
    actor: (id) => row<IdName>(q, 'SELECT id, name FROM users WHERE id = $1', [id]),
    firstId,
    async createDefaultManager(now) {
      const id = await insertUser('Front desk', null, 'en', true, now);
      await run(q, "INSERT INTO user_roles (user_id, role) VALUES ($1, 'manager')", [id]);
      return id;
    },
    activeActors: () => rows<IdName>(q, 'SELECT id, name FROM users WHERE active ORDER BY id'),
    insertActive: (name, email, language, now) => insertUser(name, email, language, true, now),
    addRole: async (userId, role) =>
      void (await run(q, 'INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        userId,
        role,
      ])),
    first: () => row<IdName>(q, 'SELECT id, name FROM users ORDER BY id LIMIT 1'),
    rename: async (id, name) => void (await run(q, 'UPDATE users SET name = $1 WHERE id = $2', [name, id])),
    defaultManager: async () =>
      (await row<{ id: number }>(q, `SELECT u.id ${ACTIVE_MANAGERS} ORDER BY u.id LIMIT 1`))?.id ?? (await firstId()),
    leadAssignee: (leadId) => row(q, 'SELECT assignee_id AS a FROM leads WHERE id = $1', [leadId]),
    leadCustomer: (leadId) => row(q, 'SELECT customer_id AS c FROM leads WHERE id = $1', [leadId]),
  };
}
