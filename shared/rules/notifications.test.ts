import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFY_SETTINGS, assignedNotification, dueNotifications, type NotifyLead } from './notifications';
import { DAY, HOUR, MIN, iso, settings } from './testing/fixtures';

const A = iso('2026-03-02T09:00+01:00'); // Monday, Rome
const lead = (o: Partial<NotifyLead> = {}): NotifyLead => ({
  id: 1,
  status: 'assigned',
  frozen: false,
  leadType: 'hq_driven',
  createdAt: A,
  assignedAt: A,
  firstContactAt: null,
  appointmentAt: null,
  masterLeadId: null,
  assigneeId: 5,
  ...o,
});
const s = settings();
const n = DEFAULT_NOTIFY_SETTINGS; // SLA 1 at risk with 4 hours left

describe('dueNotifications (table)', () => {
  const cases: { name: string; l: NotifyLead; since: number; now: number; kinds: string[]; keys?: string[] }[] = [
    {
      name: 'customer-driven lead arriving',
      l: lead({ leadType: 'customer_driven' }),
      since: A - MIN,
      now: A,
      kinds: ['customer_lead'],
      keys: ['customer_lead:1'],
    },
    {
      name: 'customer-driven lead, already seen by a previous run',
      l: lead({ leadType: 'customer_driven' }),
      since: A,
      now: A + MIN,
      kinds: [],
    },
    {
      name: 'customer-driven lead already contacted',
      l: lead({ leadType: 'customer_driven', firstContactAt: A + MIN }),
      since: A - MIN,
      now: A + 2 * MIN,
      kinds: [],
    },
    { name: 'HQ lead arriving: no arrival notice', l: lead(), since: A - MIN, now: A, kinds: [] },
    {
      name: 'follow-up lead created',
      l: lead({ masterLeadId: 9, leadType: 'customer_driven' }),
      since: A - MIN,
      now: A,
      kinds: ['follow_up_created'],
      keys: ['follow_up_created:1'],
    },
    { name: 'SLA 1: 4 h left reached', l: lead(), since: A + 19 * HOUR, now: A + 20 * HOUR, kinds: ['sla1_at_risk'] },
    { name: 'SLA 1: 5 h left: not yet', l: lead(), since: A + 18 * HOUR, now: A + 19 * HOUR, kinds: [] },
    {
      name: 'SLA 1: deadline passed while the PC was off: too late to warn',
      l: lead(),
      since: A + 19 * HOUR,
      now: A + 25 * HOUR,
      kinds: [],
    },
    {
      name: 'SLA 1: contacted: nothing',
      l: lead({ firstContactAt: A + HOUR }),
      since: A + 19 * HOUR,
      now: A + 21 * HOUR,
      kinds: [],
    },
    {
      name: 'SLA 1: imported 21 h after its assignment (risk moment before arrival): warned on arrival',
      l: lead({ createdAt: A + 21 * HOUR }),
      since: A + 20.5 * HOUR,
      now: A + 21 * HOUR + MIN,
      kinds: ['sla1_at_risk'],
    },
    {
      name: 'SLA 1: imported after its deadline: too late to warn',
      l: lead({ createdAt: A + 25 * HOUR }),
      since: A + 24.9 * HOUR,
      now: A + 25 * HOUR + MIN,
      kinds: [],
    },
    {
      name: 'day 45 crossed',
      l: lead(),
      since: A + 44 * DAY,
      now: A + 45 * DAY,
      kinds: ['lost_day45'],
      keys: ['lost_day45:1'],
    },
    {
      name: 'imported on day 47 (assigned 47 days earlier): day 45 on arrival',
      l: lead({ createdAt: A + 47 * DAY }),
      since: A + 47 * DAY - MIN,
      now: A + 47 * DAY + MIN,
      kinds: ['lost_day45'],
    },
    {
      name: 'imported on day 56: day 55 on arrival',
      l: lead({ createdAt: A + 56 * DAY }),
      since: A + 56 * DAY - MIN,
      now: A + 56 * DAY + MIN,
      kinds: ['lost_day55'],
    },
    { name: 'day 55 crossed', l: lead(), since: A + 54 * DAY, now: A + 55 * DAY + HOUR, kinds: ['lost_day55'] },
    {
      name: 'off from day 40 to day 57: only day 55',
      l: lead(),
      since: A + 40 * DAY,
      now: A + 57 * DAY,
      kinds: ['lost_day55'],
    },
    {
      name: 'off from day 40 to day 70: lost already, nothing',
      l: lead(),
      since: A + 40 * DAY,
      now: A + 70 * DAY,
      kinds: [],
    },
    {
      name: 'day 45 of a lead no longer assigned',
      l: lead({ status: 'closed_sale' }),
      since: A + 44 * DAY,
      now: A + 45 * DAY,
      kinds: [],
    },
    {
      name: 'appointment today',
      l: lead({ status: 'appointment', appointmentAt: iso('2026-03-10T15:00+01:00') }),
      since: iso('2026-03-09T23:00+01:00'),
      now: iso('2026-03-10T08:00+01:00'),
      kinds: ['appointment_today'],
      keys: ['appointment_today:1:2026-03-10'],
    },
    {
      name: 'appointment tomorrow: not yet',
      l: lead({ status: 'appointment', appointmentAt: iso('2026-03-11T09:00+01:00') }),
      since: A,
      now: iso('2026-03-10T23:30+01:00'),
      kinds: [],
    },
    {
      name: 'frozen appointment: nothing',
      l: lead({ status: 'appointment', frozen: true, appointmentAt: iso('2026-03-10T15:00+01:00') }),
      since: A,
      now: iso('2026-03-10T08:00+01:00'),
      kinds: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = dueNotifications([c.l], c.since, c.now, s, n);
      expect(got.map((g) => g.kind)).toEqual(c.kinds);
      if (c.keys) expect(got.map((g) => g.key)).toEqual(c.keys);
      for (const g of got) {
        expect(g.at).toBeLessThanOrEqual(c.now);
        expect(g.assigneeId).toBe(5);
      }
    });
  }

  it('every notification is due in exactly one of consecutive runs (no gap, no double)', () => {
    const leads = [
      lead({ id: 1, leadType: 'customer_driven' }),
      lead({ id: 2, assignedAt: A - 50 * DAY, createdAt: A - 50 * DAY }),
      lead({ id: 3, assignedAt: A - 40 * DAY, createdAt: A - 40 * DAY }),
    ];
    const keys: string[] = [];
    for (let t = A - HOUR; t < A + 20 * DAY; t += 7 * HOUR)
      keys.push(...dueNotifications(leads, t, t + 7 * HOUR, s, n).map((g) => g.key));
    expect(keys.sort()).toEqual(['customer_lead:1', 'lost_day45:3', 'lost_day55:2', 'lost_day55:3', 'sla1_at_risk:1']);
  });
});

describe('assignedNotification', () => {
  it('for the new assignee, keyed by lead, assignee and moment', () => {
    expect(assignedNotification({ leadId: 3, at: 100, assigneeId: 8 })).toMatchObject({
      kind: 'lead_assigned',
      key: 'lead_assigned:3:8:100',
      assigneeId: 8,
    });
    expect(assignedNotification({ leadId: 3, at: 100, assigneeId: null })).toBeNull();
  });
});
