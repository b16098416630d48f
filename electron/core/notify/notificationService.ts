// The notification scheduler and centre. Rows of `notifications` (dedupe key unique: each one once) for
// the user they are for; read_at = read in the bell, shown_at = shown as a desktop notification.
// run(now) applies the pure rule shared/rules/notifications.ts for the time since the last run (so a PC
// switched on after a weekend catches up, once); `lead.assigned` events are turned into a notification
// (and an e-mail to the assignee through the outbox) as they come.
import type { NotificationItem } from '../../../shared/contract/notifications';
import {
  assignedNotification, dueNotifications, lostWarningDays,
  type NotificationDraft, type NotifyLead, type NotifySettings,
} from '../../../shared/rules/notifications';
import { DAY, startOfLocalDay } from '../../../shared/rules/time';
import type { LeadType, Status } from '../../../shared/domain/vocabulary';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';
import type { AppEvent } from '../events';
import type { SettingsService } from '../settingsService';
import { formatWhen, syncT } from '../mail/mailT';
import type { OutboxService } from '../mail/outbox';
import { isEmail } from '../mail/smtp';

export const NOTIFY_KEY = 'notify';
const LAST_RUN_KEY = 'notify.lastRun';
/** Desktop popups shown at once; the rest are summed up in one (all stay in the bell). */
export const DESKTOP_BURST = 3;

export interface NotificationService {
  settings(): NotifySettings;
  setSettings(s: NotifySettings): NotifySettings;
  /** The scheduler: writes what became due since the last run. Returns the number of new rows. */
  run(now: number): number;
  /** Turns an event into notifications (lead.assigned). Returns the number of new rows. */
  onEvent(e: AppEvent): number;
  list(userId: number, opts: { unreadOnly: boolean; limit: number }, lang: string): { items: NotificationItem[]; unread: number };
  markRead(userId: number, opts: { ids?: number[]; all?: boolean }, now: number): { unread: number };
  /**
   * New rows not shown yet as a desktop notification: marks them all shown and returns the first few rendered,
   * plus one summary item (kind `summary`, no lead) for the rest, so that an import never bursts into popups.
   */
  takeUnshown(userId: number, now: number, lang: string): NotificationItem[];
  /** Many assignments at once (a file import): one transaction, one e-mail per assignee listing the leads. */
  onAssignedMany(events: { leadId: number; at: number; assigneeId: number | null }[]): number;
}

interface Row { id: number; kind: string; leadId: number | null; params: string | null; createdAt: number; readAt: number | null; number: string | null; firstName: string | null; lastName: string | null }

export function createNotificationService(deps: { store: Store; clock: Clock; settings: SettingsService; outbox: OutboxService; onNew?: (n: number) => void }): NotificationService {
  const { store, settings, outbox } = deps;
  const { sqlite } = store;
  const insert = sqlite.prepare(`INSERT OR IGNORE INTO notifications (dedupe_key, user_id, lead_id, kind, params, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const withRole = sqlite.prepare(`SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? AND u.active = 1 ORDER BY u.id`);
  const role = (r: string) => (withRole.all(r) as { id: number }[]).map((x) => x.id);
  const user = sqlite.prepare('SELECT id, name, email, language, active FROM users WHERE id = ?');
  const candidates = sqlite.prepare(`SELECT id, status, frozen, lead_type AS leadType, created_at AS createdAt, assigned_at AS assignedAt,
      first_contact_at AS firstContactAt, appointment_at AS appointmentAt, master_lead_id AS masterLeadId, assignee_id AS assigneeId FROM leads
    WHERE (status = 'assigned' AND (created_at > @since OR (first_contact_at IS NULL AND sla1_due_at > @since)
        OR assigned_at BETWEEN @a45lo AND @a45hi OR assigned_at BETWEEN @a55lo AND @a55hi))
      OR (status = 'appointment' AND frozen = 0 AND appointment_at BETWEEN @dayStart AND @dayEnd)`);
  const SELECT = `SELECT n.id, n.kind, n.lead_id AS leadId, n.params, n.created_at AS createdAt, n.read_at AS readAt, l.number, l.first_name AS firstName, l.last_name AS lastName
    FROM notifications n LEFT JOIN leads l ON l.id = n.lead_id`;

  const notifySettings = (): NotifySettings => settings.get(NOTIFY_KEY);

  /**
   * The users a draft is for: its assignee, or the managers when nobody (active) is assigned. An assignment
   * is also copied to the managers and/or the alternates when the settings say so (docs/rules.md §7).
   */
  function recipients(d: NotificationDraft, s: NotifySettings): number[] {
    const mgr = role('manager');
    if (d.assigneeId === null) return mgr;
    const u = user.get(d.assigneeId) as { active: number } | undefined;
    const out = u && u.active ? [d.assigneeId] : mgr;
    if (d.kind === 'lead_assigned') {
      if (s.copyManagers) out.push(...mgr);
      if (s.copyAlternates) out.push(...role('alternate'));
    }
    return [...new Set(out)];
  }

  function store1(d: NotificationDraft, s: NotifySettings, now: number): number {
    let n = 0;
    for (const uid of recipients(d, s)) n += insert.run(`${d.key}:u${uid}`, uid, d.leadId, d.kind, JSON.stringify(d.params), Math.min(now, Math.max(d.at, 0))).changes;
    return n;
  }

  function render(r: Row, lang: string): NotificationItem {
    const t = syncT('notify', lang);
    const params = (r.params ? JSON.parse(r.params) : {}) as Record<string, string | number>;
    const tz = settings.rules().timeZone;
    const extra: Record<string, string | number> = { number: r.number ?? '', name: `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() };
    for (const k of ['dueAt', 'lostAt', 'appointmentAt']) {
      if (typeof params[k] === 'number') { const w = formatWhen(params[k] as number, lang, tz); extra[`${k}Date`] = w.date; extra[`${k}Time`] = w.time; }
    }
    const p = { ...params, ...extra };
    return {
      id: r.id, kind: r.kind, leadId: r.leadId, leadNumber: r.number, leadName: r.number ? String(extra.name) : null, params,
      title: t(`kind.${r.kind}.title`, p), body: t(`kind.${r.kind}.body`, p), createdAt: r.createdAt, readAt: r.readAt,
    };
  }

  const unread = (userId: number) => (sqlite.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;

  const svc: NotificationService = {
    settings: notifySettings,
    setSettings(s) { settings.set(NOTIFY_KEY, s); return notifySettings(); },
    run(now) {
      const rules = settings.rules();
      const s = notifySettings();
      const since = Math.min(now, settings.get(LAST_RUN_KEY) ?? now - DAY);
      const { d45, d55 } = lostWarningDays(rules);
      const dayStart = startOfLocalDay(now, rules.timeZone);
      const rows = candidates.all({
        since, a45lo: since - (d45 + 2) * DAY, a45hi: now - (d45 - 2) * DAY, a55lo: since - (d55 + 2) * DAY, a55hi: now - (d55 - 2) * DAY,
        dayStart, dayEnd: dayStart + 2 * DAY,
      }) as (Omit<NotifyLead, 'frozen' | 'status' | 'leadType'> & { frozen: number; status: Status; leadType: LeadType })[];
      const leads: NotifyLead[] = rows.map((r) => ({ ...r, frozen: !!r.frozen }));
      let n = 0;
      sqlite.transaction(() => {
        for (const d of dueNotifications(leads, since, now, rules, s)) n += store1(d, s, now);
        settings.set(LAST_RUN_KEY, now);
      })();
      if (n) deps.onNew?.(n);
      return n;
    },
    onEvent(e) {
      if (e.type !== 'lead.assigned') return 0;
      const d = assignedNotification(e);
      if (!d) return 0;
      const s = notifySettings();
      let n = 0;
      sqlite.transaction(() => {
        n = store1(d, s, e.at);
        const u = user.get(d.assigneeId!) as { id: number; name: string; email: string | null; language: string; active: number } | undefined;
        const lead = sqlite.prepare('SELECT number, first_name AS f, last_name AS l, request_for AS r FROM leads WHERE id = ?').get(e.leadId) as { number: string; f: string; l: string; r: string | null } | undefined;
        if (s.emailAssignee && u && u.active && isEmail(u.email) && lead) {
          const t = syncT('mail', u.language);
          const p = { user: u.name, number: lead.number, name: `${lead.f} ${lead.l}`.trim(), request: lead.r ?? '—' };
          outbox.enqueue({ dedupeKey: `lead_assigned:${e.leadId}:${u.id}:${e.at}`, leadId: e.leadId, kind: 'lead_assigned', to: u.email, language: u.language,
            subject: t('assigned.subject', p), text: t('assigned.body', p), dueAt: e.at }, e.at);
        }
      })();
      if (n) deps.onNew?.(n);
      return n;
    },
    list(userId, { unreadOnly, limit }, lang) {
      const rows = sqlite.prepare(`${SELECT} WHERE n.user_id = ? ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT ?`).all(userId, limit) as Row[];
      return { items: rows.map((r) => render(r, lang)), unread: unread(userId) };
    },
    markRead(userId, { ids, all }, now) {
      if (all) sqlite.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(now, userId);
      else if (ids?.length) {
        const upd = sqlite.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL');
        sqlite.transaction(() => { for (const id of ids) upd.run(now, id, userId); })();
      }
      return { unread: unread(userId) };
    },
    takeUnshown(userId, now, lang) {
      return sqlite.transaction(() => {
        const rows = sqlite.prepare(`${SELECT} WHERE n.user_id = ? AND n.shown_at IS NULL AND n.read_at IS NULL ORDER BY n.id LIMIT ${DESKTOP_BURST + 1}`).all(userId) as Row[];
        const rest = rows.length > DESKTOP_BURST
          ? (sqlite.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND shown_at IS NULL AND read_at IS NULL').get(userId) as { n: number }).n - DESKTOP_BURST
          : 0;
        sqlite.prepare('UPDATE notifications SET shown_at = ? WHERE user_id = ? AND shown_at IS NULL').run(now, userId);
        const items = rows.slice(0, DESKTOP_BURST).map((r) => render(r, lang));
        if (rest > 0) {
          const t = syncT('notify', lang);
          items.push({ id: 0, kind: 'summary', leadId: null, leadNumber: null, leadName: null, params: { count: rest },
            title: t('summary.title'), body: t('summary.body', { count: rest }), createdAt: now, readAt: null });
        }
        return items;
      })();
    },
    onAssignedMany(list) {
      const s = notifySettings();
      const drafts = list.map(assignedNotification).filter((d): d is NotificationDraft => d !== null);
      if (drafts.length === 0) return 0;
      let n = 0;
      sqlite.transaction(() => {
        const perUser = new Map<number, NotificationDraft[]>();
        for (const d of drafts) {
          n += store1(d, s, d.at);
          perUser.set(d.assigneeId!, [...(perUser.get(d.assigneeId!) ?? []), d]);
        }
        if (!s.emailAssignee) return;
        const leadOf = sqlite.prepare('SELECT number, first_name AS f, last_name AS l FROM leads WHERE id = ?');
        for (const [uid, ds] of perUser) {
          const u = user.get(uid) as { id: number; name: string; email: string | null; language: string; active: number } | undefined;
          if (!u || !u.active || !isEmail(u.email)) continue;
          const t = syncT('mail', u.language);
          const lines = ds.slice(0, 200).map((d) => { const l = leadOf.get(d.leadId) as { number: string; f: string; l: string }; return `• ${l.number}  ${l.f} ${l.l}`.trim(); });
          if (ds.length > 200) lines.push(t('assignedMany.more', { count: ds.length - 200 }));
          const at = ds[0]!.at;
          outbox.enqueue({ dedupeKey: `leads_assigned:${uid}:${at}:${ds[0]!.leadId}:${ds.length}`, leadId: null, kind: 'lead_assigned', to: u.email, language: u.language,
            subject: t('assignedMany.subject', { count: ds.length }), text: t('assignedMany.body', { user: u.name, count: ds.length, list: lines.join('\n') }), dueAt: at }, at);
        }
      })();
      if (n) deps.onNew?.(n);
      return n;
    },
  };
  return svc;
}
