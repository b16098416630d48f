// The notification scheduler and centre. Rows of `notifications` (dedupe key unique: each one once) for
// the user they are for; read_at = read in the bell, shown_at = shown as a desktop notification.
// run(now) applies the pure rule shared/rules/notifications.ts for the time since the last run (so a PC
// switched on after a weekend catches up, once); `lead.assigned` events are turned into a notification
// (and an e-mail to the assignee through the outbox) as they come.
import type { NotificationItem } from '../../../shared/contract/notifications';
import {
  assignedNotification,
  dueNotifications,
  lostWarningDays,
  unroutedNotification,
  type NotificationDraft,
  type NotifyLead,
  type NotifySettings,
} from '../../../shared/rules/notifications';
import { DAY, startOfLocalDay } from '../../../shared/rules/time';
import type { AsyncStore } from '../../store/repos/index';
import type { NotificationRow, NotifyUserRow } from '../../store/repos/notifications';
import type { TxRepos } from '../leadService';
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
  setSettings(s: NotifySettings): Promise<NotifySettings>;
  /** The scheduler: writes what became due since the last run. Returns the number of new rows. */
  run(now: number): Promise<number>;
  /**
   * Turns an event into notifications (lead.assigned): the assignee's, the managers' and alternates' copies (per
   * the settings), each with its e-mail; a new lead no rule routed alerts the managers and alternates at once.
   * Returns the number of new rows.
   */
  onEvent(e: AppEvent): Promise<number>;
  list(
    userId: number,
    opts: { unreadOnly: boolean; limit: number },
    lang: string,
  ): Promise<{ items: NotificationItem[]; unread: number }>;
  markRead(userId: number, opts: { ids?: number[]; all?: boolean }, now: number): Promise<{ unread: number }>;
  /**
   * New rows not shown yet as a desktop notification: marks them all shown and returns the first few rendered,
   * plus one summary item (kind `summary`, no lead) for the rest, so that an import never bursts into popups.
   */
  takeUnshown(userId: number, now: number, lang: string): Promise<NotificationItem[]>;
  /** Many assignments at once (a file import): one transaction, one e-mail per assignee listing the leads. */
  onAssignedMany(events: { leadId: number; at: number; assigneeId: number | null }[]): Promise<number>;
}

export function createNotificationService(deps: {
  data: AsyncStore;
  clock: Clock;
  settings: SettingsService;
  outbox: OutboxService;
  onNew?: (n: number) => void;
}): NotificationService {
  const { data, settings, outbox } = deps;
  const repo = data.repos.notifications;
  /** The active users of a role, read once per transaction when it passes a `memo` (one alert reads them twice). */
  const role = async (tx: TxRepos, r: string, memo?: Map<string, number[]>) => {
    let ids = memo?.get(`role:${r}`);
    if (!ids) {
      ids = await tx.notifications.activeUserIdsWithRole(r);
      memo?.set(`role:${r}`, ids);
    }
    return ids;
  };

  const notifySettings = (): NotifySettings => settings.get(NOTIFY_KEY);

  /** The managers and/or alternates who get a copy of every assignment alert (docs/rules.md §7), per the settings. */
  async function copiesTo(tx: TxRepos, s: NotifySettings, memo?: Map<string, number[]>): Promise<number[]> {
    return [
      ...(s.copyManagers ? await role(tx, 'manager', memo) : []),
      ...(s.copyAlternates ? await role(tx, 'alternate', memo) : []),
    ];
  }

  /**
   * The users a draft is for: its assignee, or the managers when nobody (active) is assigned. An assignment
   * is also copied to the managers and/or the alternates when the settings say so (docs/rules.md §7); an unrouted
   * new lead is for them only.
   */
  async function recipients(
    tx: TxRepos,
    d: NotificationDraft,
    s: NotifySettings,
    memo?: Map<string, number[]>,
  ): Promise<number[]> {
    if (d.kind === 'lead_unrouted') return [...new Set(await copiesTo(tx, s, memo))];
    const mgr = await role(tx, 'manager', memo);
    if (d.assigneeId === null) return mgr;
    const u = await tx.notifications.user(d.assigneeId);
    const out = u && u.active ? [d.assigneeId] : mgr;
    if (d.kind === 'lead_assigned') out.push(...(await copiesTo(tx, s, memo)));
    return [...new Set(out)];
  }

  type MailUser = NotifyUserRow;
  /**
   * The copies' e-mail recipients: active, with an address, not the assignee (who has their own e-mail), working at
   * the site of `leadId` or group-wide (docs/rules.md §11.8).
   */
  async function copyMailUsers(
    tx: TxRepos,
    s: NotifySettings,
    assigneeId: number | null,
    leadId: number,
    memo?: Map<string, number[]>,
  ): Promise<(MailUser & { email: string })[]> {
    const out: (MailUser & { email: string })[] = [];
    for (const id of await ofLeadSite(tx, [...new Set(await copiesTo(tx, s, memo))], leadId, memo)) {
      if (id === assigneeId) continue;
      const u = await tx.notifications.user(id);
      if (u && u.active && isEmail(u.email)) out.push(u as MailUser & { email: string });
    }
    return out;
  }
  /**
   * Sites (docs/rules.md §11): only the recipients who work at the lead's site, or group-wide. One site: all of them
   * (whether there are several is read once per batch, `memo`).
   */
  async function ofLeadSite(
    tx: TxRepos,
    to: number[],
    leadId: number,
    memo?: Map<string, number[]>,
  ): Promise<number[]> {
    if (to.length === 0) return to;
    let multi = memo?.get('sites:multi');
    if (!multi) {
      multi = (await tx.sites.list()).length > 1 ? [1] : [];
      memo?.set('sites:multi', multi);
    }
    if (multi.length === 0) return to;
    const site = await tx.sites.leadSite(leadId);
    const out: number[] = [];
    for (const uid of to) {
      const own = await tx.sites.userSite(uid);
      if (own == null || own === site) out.push(uid);
    }
    return out;
  }
  /** `memo`: a batch's recipients per kind and assignee, read once (an import of thousands of leads). */
  async function store1(
    tx: TxRepos,
    d: NotificationDraft,
    s: NotifySettings,
    now: number,
    memo?: Map<string, number[]>,
  ): Promise<number> {
    let n = 0;
    const k = `${d.kind}:${d.assigneeId}`;
    let to = memo?.get(k);
    if (!to) {
      to = await recipients(tx, d, s, memo);
      memo?.set(k, to);
    }
    to = await ofLeadSite(tx, to, d.leadId, memo);
    for (const uid of to)
      n += await tx.notifications.insert(
        `${d.key}:u${uid}`,
        uid,
        d.leadId,
        d.kind,
        JSON.stringify(d.params),
        Math.min(now, Math.max(d.at, 0)),
      );
    return n;
  }

  function render(r: NotificationRow, lang: string): NotificationItem {
    const t = syncT('notify', lang);
    const params = (r.params ? JSON.parse(r.params) : {}) as Record<string, string | number>;
    const tz = settings.rules().timeZone;
    const extra: Record<string, string | number> = {
      number: r.number ?? '',
      name: `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim(),
    };
    for (const k of ['dueAt', 'lostAt', 'appointmentAt']) {
      if (typeof params[k] === 'number') {
        const w = formatWhen(params[k] as number, lang, tz);
        extra[`${k}Date`] = w.date;
        extra[`${k}Time`] = w.time;
      }
    }
    const p = { ...params, ...extra };
    return {
      id: r.id,
      kind: r.kind,
      leadId: r.leadId,
      leadNumber: r.number,
      leadName: r.number ? String(extra.name) : null,
      params,
      title: t(`kind.${r.kind}.title`, p),
      body: t(`kind.${r.kind}.body`, p),
      createdAt: r.createdAt,
      readAt: r.readAt,
    };
  }

  const unread = (userId: number) => repo.unreadCount(userId);

  const svc: NotificationService = {
    settings: notifySettings,
    async setSettings(s) {
      await settings.set(NOTIFY_KEY, s);
      return notifySettings();
    },
    async run(now) {
      const rules = settings.rules();
      const s = notifySettings();
      const since = Math.min(now, settings.get(LAST_RUN_KEY) ?? now - DAY);
      const { d45, d55 } = lostWarningDays(rules);
      const dayStart = startOfLocalDay(now, rules.timeZone);
      const rows = await repo.dueCandidates({
        since,
        a45lo: since - (d45 + 2) * DAY,
        a45hi: now - (d45 - 2) * DAY,
        a55lo: since - (d55 + 2) * DAY,
        a55hi: now - (d55 - 2) * DAY,
        dayStart,
        dayEnd: dayStart + 2 * DAY,
      });
      const leads: NotifyLead[] = rows.map((r) => ({ ...r, frozen: !!r.frozen }));
      let n = 0;
      await data.tx(async (tx) => {
        const memo = new Map<string, number[]>();
        for (const d of dueNotifications(leads, since, now, rules, s)) n += await store1(tx, d, s, now, memo);
        await settings.setIn(tx, LAST_RUN_KEY, now);
      });
      if (n) deps.onNew?.(n);
      return n;
    },
    async onEvent(e) {
      if (e.type !== 'lead.assigned') return 0;
      const lead = await repo.leadForMail(e.leadId);
      if (!lead) return 0;
      // A new lead that no rule routed waits in the manager's queue: alert them at once. A Contact Again
      // follow-up keeps its master's assignee, even none: it has its own alert (follow_up_created).
      const unrouted = e.assigneeId === null && e.isNew === true && lead.m === null;
      const d = unrouted ? unroutedNotification(e) : assignedNotification(e);
      if (!d) return 0;
      const s = notifySettings();
      const base = { number: lead.number, name: `${lead.f} ${lead.l}`.trim(), request: lead.r ?? '—' };
      let n = 0;
      await data.tx(async (tx) => {
        // The roles and whether there are several sites, read once in this transaction.
        const memo = new Map<string, number[]>();
        n = await store1(tx, d, s, e.at, memo);
        const u = e.assigneeId === null ? undefined : await tx.notifications.user(e.assigneeId);
        if (s.emailAssignee && u && u.active && isEmail(u.email)) {
          const t = syncT('mail', u.language);
          const p = { ...base, user: u.name };
          await outbox.enqueue(
            tx,
            {
              dedupeKey: `lead_assigned:${e.leadId}:${u.id}:${e.at}`,
              leadId: e.leadId,
              kind: 'lead_assigned',
              to: u.email,
              language: u.language,
              subject: t('assigned.subject', p),
              text: t('assigned.body', p),
              dueAt: e.at,
            },
            e.at,
          );
        }
        // The managers' and alternates' copies (per the settings), in each one's language.
        for (const c of await copyMailUsers(tx, s, e.assigneeId, e.leadId, memo)) {
          const t = syncT('mail', c.language);
          const p = { ...base, user: c.name, assignee: u?.name ?? '' };
          const tpl = unrouted ? 'unrouted' : 'assignedCopy';
          await outbox.enqueue(
            tx,
            {
              dedupeKey: `${d.kind}:${e.leadId}:${c.id}:${e.at}:copy`,
              leadId: e.leadId,
              kind: unrouted ? 'lead_unrouted' : 'lead_assigned',
              to: c.email,
              language: c.language,
              subject: t(`${tpl}.subject`, p),
              text: t(`${tpl}.body`, p),
              dueAt: e.at,
            },
            e.at,
          );
        }
      });
      if (n) deps.onNew?.(n);
      return n;
    },
    async list(userId, { unreadOnly, limit }, lang) {
      const rows = await repo.list(userId, unreadOnly, limit);
      return { items: rows.map((r) => render(r, lang)), unread: await unread(userId) };
    },
    async markRead(userId, { ids, all }, now) {
      if (all) await repo.markAllRead(userId, now);
      else if (ids?.length) {
        await data.tx(async (tx) => {
          for (const id of ids) await tx.notifications.markRead(userId, id, now);
        });
      }
      return { unread: await unread(userId) };
    },
    takeUnshown(userId, now, lang) {
      return data.tx(async (tx) => {
        const rows = await tx.notifications.unshown(userId, DESKTOP_BURST + 1);
        const rest = rows.length > DESKTOP_BURST ? (await tx.notifications.unshownCount(userId)) - DESKTOP_BURST : 0;
        await tx.notifications.markAllShown(userId, now);
        const items = rows.slice(0, DESKTOP_BURST).map((r) => render(r, lang));
        if (rest > 0) {
          const t = syncT('notify', lang);
          items.push({
            id: 0,
            kind: 'summary',
            leadId: null,
            leadNumber: null,
            leadName: null,
            params: { count: rest },
            title: t('summary.title'),
            body: t('summary.body', { count: rest }),
            createdAt: now,
            readAt: null,
          });
        }
        return items;
      });
    },
    async onAssignedMany(list) {
      const s = notifySettings();
      const drafts = list.map(assignedNotification).filter((d): d is NotificationDraft => d !== null);
      // An import's leads that no rule routed (follow-ups never come from a file).
      const unrouted = list.filter((e) => e.assigneeId === null).map(unroutedNotification);
      if (drafts.length === 0 && unrouted.length === 0) return 0;
      let n = 0;
      await data.tx(async (tx) => {
        const perUser = new Map<number, NotificationDraft[]>();
        const memo = new Map<string, number[]>();
        for (const d of drafts) {
          n += await store1(tx, d, s, d.at, memo);
          const mine = perUser.get(d.assigneeId!);
          if (mine) mine.push(d);
          else perUser.set(d.assigneeId!, [d]);
        }
        for (const d of unrouted) n += await store1(tx, d, s, d.at, memo);
        const line = async (id: number, suffix = '') => {
          const l = await tx.notifications.leadLine(id);
          return `• ${l.number}  ${l.f} ${l.l}`.trim() + suffix;
        };
        const at = list[0]!.at;
        if (s.emailAssignee) {
          for (const [uid, ds] of perUser) {
            const u = await tx.notifications.user(uid);
            if (!u || !u.active || !isEmail(u.email)) continue;
            const t = syncT('mail', u.language);
            const lines: string[] = [];
            for (const d of ds.slice(0, 200)) lines.push(await line(d.leadId));
            if (ds.length > 200) lines.push(t('assignedMany.more', { count: ds.length - 200 }));
            const first = ds[0]!.at;
            await outbox.enqueue(
              tx,
              {
                dedupeKey: `leads_assigned:${uid}:${first}:${ds[0]!.leadId}:${ds.length}`,
                leadId: null,
                kind: 'lead_assigned',
                to: u.email,
                language: u.language,
                subject: t('assignedMany.subject', { count: ds.length }),
                text: t('assignedMany.body', { user: u.name, count: ds.length, list: lines.join('\n') }),
                dueAt: first,
              },
              first,
            );
          }
        }
        // One e-mail per manager/alternate (per the settings) for the whole file: who got what, and what waits. A
        // file's leads are all of the importing site: its managers/alternates and the group-wide ones.
        const copies = await copyMailUsers(tx, s, null, list[0]!.leadId, memo);
        if (copies.length === 0) return;
        const names = new Map<number, string>();
        for (const uid of perUser.keys()) names.set(uid, (await tx.notifications.user(uid))?.name ?? '');
        for (const c of copies) {
          const t = syncT('mail', c.language);
          const all = [
            ...list.filter((e) => e.assigneeId !== null && perUser.has(e.assigneeId)),
            ...list.filter((e) => e.assigneeId === null),
          ];
          const lines: string[] = [];
          for (const e of all.slice(0, 200))
            lines.push(
              await line(
                e.leadId,
                `  → ${e.assigneeId === null ? t('importedCopy.unrouted') : names.get(e.assigneeId)}`,
              ),
            );
          if (all.length > 200) lines.push(t('assignedMany.more', { count: all.length - 200 }));
          await outbox.enqueue(
            tx,
            {
              dedupeKey: `leads_assigned_copy:${c.id}:${at}:${list[0]!.leadId}:${list.length}`,
              leadId: null,
              kind: unrouted.length ? 'lead_unrouted' : 'lead_assigned',
              to: c.email,
              language: c.language,
              subject: t('importedCopy.subject', { count: all.length, unrouted: unrouted.length }),
              text: t('importedCopy.body', {
                user: c.name,
                count: all.length,
                unrouted: unrouted.length,
                list: lines.join('\n'),
              }),
              dueAt: at,
            },
            at,
          );
        }
      });
      if (n) deps.onNew?.(n);
      return n;
    },
  };
  return svc;
}
