// The notifications table on PostgreSQL (electron/store/repos/notifications.ts) and what the scheduler reads
// (active and frozen as 0/1).
import type { Async } from '../../repos/index';
import type {
  LeadForMailRow,
  NotificationRow,
  NotificationsRepo,
  NotifyCandidateRow,
  NotifyUserRow,
} from '../../repos/notifications';
import { row, rows, run, type Queryable } from './query';

const SELECT = `SELECT n.id, n.kind, n.lead_id AS "leadId", n.params, n.created_at AS "createdAt", n.read_at AS "readAt", l.number,
  l.first_name AS "firstName", l.last_name AS "lastName" FROM notifications n LEFT JOIN leads l ON l.id = n.lead_id`;

export function notificationsRepoPg(q: Queryable): Async<NotificationsRepo> {
  return {
    insert: (dedupeKey, userId, leadId, kind, params, at) =>
      run(
        q,
        `INSERT INTO notifications (dedupe_key, user_id, lead_id, kind, params, created_at) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT DO NOTHING`,
        [dedupeKey, userId, leadId, kind, params, at],
      ),
    activeUserIdsWithRole: async (role) =>
      (
        await rows<{ id: number }>(
          q,
          'SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = $1 AND u.active ORDER BY u.id',
          [role],
        )
      ).map((x) => x.id),
    user: (id) =>
      row<NotifyUserRow>(q, 'SELECT id, name, email, language, active::int AS active FROM users WHERE id = $1', [id]),
    dueCandidates: (w) =>
      rows<NotifyCandidateRow>(
        q,
        `SELECT id, status, frozen::int AS frozen, lead_type AS "leadType", created_at AS "createdAt", assigned_at AS "assignedAt",
          first_contact_at AS "firstContactAt", appointment_at AS "appointmentAt", master_lead_id AS "masterLeadId",
          assignee_id AS "assigneeId" FROM leads
        WHERE (status = 'assigned' AND (created_at > $1 OR (first_contact_at IS NULL AND sla1_due_at > $1)
            OR assigned_at BETWEEN $2 AND $3 OR assigned_at BETWEEN $4 AND $5))
          OR (status = 'appointment' AND NOT frozen AND appointment_at BETWEEN $6 AND $7)
        ORDER BY id`,
        [w.since, w.a45lo, w.a45hi, w.a55lo, w.a55hi, w.dayStart, w.dayEnd],
      ),
    leadForMail: (id) =>
      row<LeadForMailRow>(
        q,
        'SELECT number, first_name AS f, last_name AS l, request_for AS r, master_lead_id AS m FROM leads WHERE id = $1',
        [id],
      ),
    leadLine: async (id) =>
      (await row<{ number: string; f: string; l: string }>(
        q,
        'SELECT number, first_name AS f, last_name AS l FROM leads WHERE id = $1',
        [id],
      ))!,
    unreadCount: async (userId) =>
      (await row<{ n: number }>(
        q,
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
        [userId],
      ))!.n,
    list: (userId, unreadOnly, limit) =>
      rows<NotificationRow>(
        q,
        `${SELECT} WHERE n.user_id = $1${unreadOnly ? ' AND n.read_at IS NULL' : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
        [userId, limit],
      ),
    markAllRead: async (userId, now) =>
      void (await run(q, 'UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [
        now,
        userId,
      ])),
    markRead: async (userId, id, now) =>
      void (await run(q, 'UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL', [
        now,
        id,
        userId,
      ])),
    unshown: (userId, limit) =>
      rows<NotificationRow>(
        q,
        `${SELECT} WHERE n.user_id = $1 AND n.shown_at IS NULL AND n.read_at IS NULL ORDER BY n.id LIMIT $2`,
        [userId, limit],
      ),
    unshownCount: async (userId) =>
      (await row<{ n: number }>(
        q,
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND shown_at IS NULL AND read_at IS NULL',
        [userId],
      ))!.n,
    markAllShown: async (userId, now) =>
      void (await run(q, 'UPDATE notifications SET shown_at = $1 WHERE user_id = $2 AND shown_at IS NULL', [
        now,
        userId,
      ])),
  };
}
