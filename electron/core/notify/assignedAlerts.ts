// `lead.assigned` after the commit of every new lead and the alerts of an import's leads (issue 4): the assignees are
// read through the AsyncStore once the lead's transaction is committed; the call's reply waits for it (`settle`).
import type { AsyncStore } from '../../store/repos/index';
import type { Events } from '../events';
import type { NotificationService } from './notificationService';

export function wireAssignedAlerts(deps: {
  data: AsyncStore;
  events: Events;
  notifications: Pick<NotificationService, 'onEvent' | 'onAssignedMany'>;
  /** Tracks a promise the current call's reply waits for (`core.settled()`); its failure is logged as `what`. */
  settle: (p: Promise<unknown>, what: string) => void;
}): void {
  const { data, events, notifications, settle } = deps;
  // `lead.assigned` after the commit of every new lead (null = the manager's queue), for the alerts (issue 4), read
  // through the AsyncStore once committed (the call's reply waits for it: `settle`).
  // An import's leads are read in one pass (their ids are consecutive: one block insert).
  // Read once per import: both listeners below get the event's same `leadIds` array.
  const assigneesRead = new WeakMap<number[], Promise<{ id: number; a: number | null }[]>>();
  const assigneesOf = (ids: number[]) => {
    let rows = assigneesRead.get(ids);
    if (rows) return rows;
    let lo = Infinity;
    let hi = -Infinity;
    for (const id of ids) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    rows = (async () => {
      const all = ids.length ? await data.repos.leads.assigneesBetween(lo, hi) : [];
      // A block of new leads (distinct ids) is every id between its first and last; otherwise only the ids asked for.
      if (hi - lo + 1 === ids.length) return all;
      const wanted = new Set(ids);
      return all.filter((r) => wanted.has(r.id));
    })();
    assigneesRead.set(ids, rows);
    return rows;
  };
  // Another core's events (PostgreSQL, issue 15): that core writes their alerts.
  events.on((e, { remote }) => {
    if (remote) return;
    if (e.type === 'lead.created') {
      const created = async () => {
        const r = await data.repos.leads.assignee(e.leadId);
        if (r) events.emit({ type: 'lead.assigned', leadId: e.leadId, at: e.at, assigneeId: r.a, isNew: true });
      };
      settle(created(), "reading the new lead's assignee failed");
    } else if (e.type === 'leads.imported' && e.leadIds.length > 0) {
      const imported = async () => {
        for (const r of await assigneesOf(e.leadIds))
          events.emit({ type: 'lead.assigned', leadId: r.id, at: e.at, assigneeId: r.a, inBatch: true, isNew: true });
      };
      settle(imported(), "reading the imported leads' assignees failed");
    }
  });
  events.on((e, { remote }) => {
    if (e.type === 'lead.assigned' && !e.inBatch && !remote)
      settle(notifications.onEvent(e), 'assignment alert failed');
  });
  // A file import's leads are alerted together: one transaction, one e-mail per assignee.
  events.on((e, { remote }) => {
    if (e.type !== 'leads.imported' || remote) return;
    const alert = async () => {
      const rows = await assigneesOf(e.leadIds);
      await notifications.onAssignedMany(rows.map((r) => ({ leadId: r.id, at: e.at, assigneeId: r.a })));
    };
    settle(alert(), 'assignment alerts failed');
  });
}
