// The notifications table (the bell and the desktop popups) and what the scheduler reads of users and leads.
import type { NotifyLead } from '../../../shared/rules/notifications';
import { once, type Sqlite } from './prepared';

/** A notification row with its lead's number and name (LEFT JOIN: the lead may be gone). */
export interface NotificationRow {
  id: number;
  kind: string;
  leadId: number | null;
  params: string | null;
  createdAt: number;
  readAt: number | null;
  number: string | null;
  firstName: string | null;
  lastName: string | null;
}
/** A user as the notifications and e-mails need them (active: 0/1). */
export interface NotifyUserRow {
  id: number;
  name: string;
  email: string | null;
  language: string;
  active: number;
}
/** A lead the scheduler looks at, as stored (frozen: 0/1). */
export type NotifyCandidateRow = Omit<NotifyLead, 'frozen'> & { frozen: number };
export interface NotifyCandidateWindow {
  since: number;
  a45lo: number;
  a45hi: number;
  a55lo: number;
  a55hi: number;
  dayStart: number;
  dayEnd: number;
}
/** A lead as an e-mail names it: number, first (f) and last (l) name, request (r), master lead (m). */
export interface LeadForMailRow {
  number: string;
  f: string;
  l: string;
  r: string | null;
  m: number | null;
}

export interface NotificationsRepo {
  /** INSERT OR IGNORE on the dedupe key; returns the rows inserted (0 or 1). */
  insert(dedupeKey: string, userId: number, leadId: number | null, kind: string, params: string, at: number): number;
  /** The active users holding `role`, by id. */
  activeUserIdsWithRole(role: string): number[];
  user(id: number): NotifyUserRow | undefined;
  dueCandidates(w: NotifyCandidateWindow): NotifyCandidateRow[];
  leadForMail(id: number): LeadForMailRow | undefined;
  /** The lead's number and name for a list line (the lead exists: it was just assigned). */
  leadLine(id: number): { number: string; f: string; l: string };
  unreadCount(userId: number): number;
  list(userId: number, unreadOnly: boolean, limit: number): NotificationRow[];
  markAllRead(userId: number, now: number): void;
  markRead(userId: number, id: number, now: number): void;
  /** The first `limit` rows neither shown nor read, oldest first. */
  unshown(userId: number, limit: number): NotificationRow[];
  unshownCount(userId: number): number;
  markAllShown(userId: number, now: number): void;
}

const SELECT = `SELECT n.id, n.kind, n.lead_id AS leadId, n.params, n.created_at AS createdAt, n.read_at AS readAt, l.number, l.first_name AS firstName, l.last_name AS lastName
    FROM notifications n LEFT JOIN leads l ON l.id = n.lead_id`;

export function notificationsRepo(sqlite: Sqlite): NotificationsRepo {
  const insert = once(() =>
    sqlite.prepare<[string, number, number | null, string, string, number]>(
      `INSERT OR IGNORE INTO notifications (dedupe_key, user_id, lead_id, kind, params, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  );
  const withRole = once(() =>
    sqlite.prepare<[string], { id: number }>(
      `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? AND u.active = 1 ORDER BY u.id`,
    ),
  );
  const user = once(() =>
    sqlite.prepare<[number], NotifyUserRow>('SELECT id, name, email, language, active FROM users WHERE id = ?'),
  );
  const candidates = once(() =>
    sqlite.prepare<
      [NotifyCandidateWindow],
      NotifyCandidateRow
    >(`SELECT id, status, frozen, lead_type AS leadType, created_at AS createdAt, assigned_at AS assignedAt,
      first_contact_at AS firstContactAt, appointment_at AS appointmentAt, master_lead_id AS masterLeadId, assignee_id AS assigneeId FROM leads
    WHERE (status = 'assigned' AND (created_at > @since OR (first_contact_at IS NULL AND sla1_due_at > @since)
        OR assigned_at BETWEEN @a45lo AND @a45hi OR assigned_at BETWEEN @a55lo AND @a55hi))
      OR (status = 'appointment' AND frozen = 0 AND appointment_at BETWEEN @dayStart AND @dayEnd)`),
  );
  const leadForMail = once(() =>
    sqlite.prepare<[number], LeadForMailRow>(
      'SELECT number, first_name AS f, last_name AS l, request_for AS r, master_lead_id AS m FROM leads WHERE id = ?',
    ),
  );
  const leadLine = once(() =>
    sqlite.prepare<[number], { number: string; f: string; l: string }>(
      'SELECT number, first_name AS f, last_name AS l FROM leads WHERE id = ?',
    ),
  );
  const unread = once(() =>
    sqlite.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
    ),
  );
  const listAll = once(() =>
    sqlite.prepare<[number, number], NotificationRow>(
      `${SELECT} WHERE n.user_id = ?  ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
    ),
  );
  const listUnread = once(() =>
    sqlite.prepare<[number, number], NotificationRow>(
      `${SELECT} WHERE n.user_id = ? AND n.read_at IS NULL ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
    ),
  );
  const markAllRead = once(() =>
    sqlite.prepare<[number, number]>('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
  );
  const markRead = once(() =>
    sqlite.prepare<[number, number, number]>(
      'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
    ),
  );
  const unshown = once(() =>
    sqlite.prepare<[number, number], NotificationRow>(
      `${SELECT} WHERE n.user_id = ? AND n.shown_at IS NULL AND n.read_at IS NULL ORDER BY n.id LIMIT ?`,
    ),
  );
  const unshownCount = once(() =>
    sqlite.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND shown_at IS NULL AND read_at IS NULL',
    ),
  );
  const markAllShown = once(() =>
    sqlite.prepare<[number, number]>('UPDATE notifications SET shown_at = ? WHERE user_id = ? AND shown_at IS NULL'),
  );
  return {
    insert: (dedupeKey, userId, leadId, kind, params, at) =>
      insert().run(dedupeKey, userId, leadId, kind, params, at).changes,
    activeUserIdsWithRole: (role) =>
      withRole()
        .all(role)
        .map((x) => x.id),
    user: (id) => user().get(id),
    dueCandidates: (w) => candidates().all(w),
    leadForMail: (id) => leadForMail().get(id),
    leadLine: (id) => leadLine().get(id)!,
    unreadCount: (userId) => unread().get(userId)!.n,
    list: (userId, unreadOnly, limit) => (unreadOnly ? listUnread() : listAll()).all(userId, limit),
    markAllRead: (userId, now) => void markAllRead().run(now, userId),
    markRead: (userId, id, now) => void markRead().run(now, id, userId),
    unshown: (userId, limit) => unshown().all(userId, limit),
    unshownCount: (userId) => unshownCount().get(userId)!.n,
    markAllShown: (userId, now) => void markAllShown().run(now, userId),
  };
}
