// The notification scheduler's pure rule: which notifications became due between `since` (the last run)
// and `now`. A notification is due when its trigger moment falls in (since, now] and its condition still
// holds at `now`; the dedupe key makes each one happen once, whatever the number of runs or catch-ups.
import type { RuleSettings } from '../domain/settings';
import type { LeadType, Status } from '../domain/vocabulary';
import { HOUR, addCalendarDays, localDate, startOfLocalDay } from './time';
import { lostDueAt, sla1DueAt } from './sla';

export const NOTIFICATION_KINDS = [
  'lead_assigned',
  'lead_unrouted',
  'customer_lead',
  'sla1_at_risk',
  'lost_day45',
  'lost_day55',
  'appointment_today',
  'follow_up_created',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifySettings {
  /** SLA 1 "at risk": this many hours (or fewer) left before the first-contact deadline. */
  sla1RiskHours: number;
  /**
   * Managers get a copy of every "lead assigned" alert (bell and e-mail), and a new lead that no rule routes
   * alerts them at once (docs/rules.md §7).
   */
  copyManagers: boolean;
  /** The same for the alternates (role 'alternate'). */
  copyAlternates: boolean;
  /** E-mail the assignee (when the user has an address) when a lead is assigned to them. */
  emailAssignee: boolean;
}
// The standard alerts the manager and the alternate of every new lead: on unless the dealer turns them off.
export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  sla1RiskHours: 4,
  copyManagers: true,
  copyAlternates: true,
  emailAssignee: true,
};

/** What the scheduler needs of a lead. */
export interface NotifyLead {
  id: number;
  status: Status;
  frozen: boolean;
  leadType: LeadType;
  createdAt: number;
  assignedAt: number;
  firstContactAt: number | null;
  appointmentAt: number | null;
  masterLeadId: number | null;
  assigneeId: number | null;
}

export interface NotificationDraft {
  kind: NotificationKind;
  leadId: number;
  /** Who it is for: the assignee, or null = the managers (nobody assigned). */
  assigneeId: number | null;
  /** Unique per notification (the recipient is appended by the store). */
  key: string;
  /** The trigger moment. */
  at: number;
  params: Record<string, string | number>;
}

/** Days before Lost Sale at which the desk is warned (day 45 and day 55 of 60 by default). */
export const lostWarningDays = (s: RuleSettings): { d45: number; d55: number } => ({
  d45: Math.max(1, s.lostAfterDays - 15),
  d55: Math.max(1, s.lostAfterDays - 5),
});

const inWindow = (t: number, since: number, now: number) => t > since && t <= now;

export function dueNotifications(
  leads: Iterable<NotifyLead>,
  since: number,
  now: number,
  s: RuleSettings,
  n: NotifySettings,
): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  const today = localDate(now, s.timeZone);
  const { d45, d55 } = lostWarningDays(s);
  for (const l of leads) {
    const base = { leadId: l.id, assigneeId: l.assigneeId };
    const open = l.status === 'assigned';
    if (
      open &&
      l.firstContactAt === null &&
      l.leadType === 'customer_driven' &&
      l.masterLeadId === null &&
      inWindow(l.createdAt, since, now)
    ) {
      out.push({ ...base, kind: 'customer_lead', key: `customer_lead:${l.id}`, at: l.createdAt, params: {} });
    }
    if (open && l.masterLeadId !== null && inWindow(l.createdAt, since, now)) {
      out.push({
        ...base,
        kind: 'follow_up_created',
        key: `follow_up_created:${l.id}`,
        at: l.createdAt,
        params: { masterLeadId: l.masterLeadId },
      });
    }
    if (open && l.firstContactAt === null) {
      const due = sla1DueAt(l.assignedAt, s);
      const risk = due - n.sla1RiskHours * HOUR;
      // A lead that reached the app after its risk moment (a file import with an earlier assignment) is warned on arrival.
      const at = Math.max(risk, l.assignedAt, l.createdAt);
      if (now < due && inWindow(at, since, now)) {
        out.push({ ...base, kind: 'sla1_at_risk', key: `sla1_at_risk:${l.id}`, at, params: { dueAt: due } });
      }
    }
    if (open) {
      const lost = lostDueAt(l.assignedAt, s);
      // Imported with an earlier assignment: a warning already due is given on arrival.
      const t55 = Math.max(addCalendarDays(l.assignedAt, d55, s.timeZone), l.createdAt);
      const t45 = Math.max(addCalendarDays(l.assignedAt, d45, s.timeZone), l.createdAt);
      // Both crossed in one catch-up: only the later warning is still worth showing.
      if (now < lost && inWindow(t55, since, now)) {
        out.push({
          ...base,
          kind: 'lost_day55',
          key: `lost_day55:${l.id}`,
          at: t55,
          params: { day: d55, lostAt: lost },
        });
      } else if (now < lost && now < t55 && inWindow(t45, since, now)) {
        out.push({
          ...base,
          kind: 'lost_day45',
          key: `lost_day45:${l.id}`,
          at: t45,
          params: { day: d45, lostAt: lost },
        });
      }
    }
    if (
      l.status === 'appointment' &&
      !l.frozen &&
      l.appointmentAt !== null &&
      localDate(l.appointmentAt, s.timeZone) === today
    ) {
      const t = startOfLocalDay(l.appointmentAt, s.timeZone);
      // Due from the start of that day; a PC switched on later that day still gets it (once).
      out.push({
        ...base,
        kind: 'appointment_today',
        key: `appointment_today:${l.id}:${today}`,
        at: t,
        params: { appointmentAt: l.appointmentAt },
      });
    }
  }
  return out;
}

/** A new lead that no rule routed: an alert for the managers and/or alternates (per the settings). */
export function unroutedNotification(e: { leadId: number; at: number }): NotificationDraft {
  return {
    kind: 'lead_unrouted',
    leadId: e.leadId,
    assigneeId: null,
    key: `lead_unrouted:${e.leadId}`,
    at: e.at,
    params: {},
  };
}

/** A `lead.assigned` event as a notification for the new assignee (nothing when unassigned). */
export function assignedNotification(e: {
  leadId: number;
  at: number;
  assigneeId: number | null;
}): NotificationDraft | null {
  if (e.assigneeId === null) return null;
  return {
    kind: 'lead_assigned',
    leadId: e.leadId,
    assigneeId: e.assigneeId,
    key: `lead_assigned:${e.leadId}:${e.assigneeId}:${e.at}`,
    at: e.at,
    params: {},
  };
}
