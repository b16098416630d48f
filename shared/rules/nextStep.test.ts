import { describe, expect, it } from 'vitest';
import type { Contact } from '../domain/lead';
import { defaultRuleSettings } from '../domain/settings';
import { addWorkingDayMs } from './businessTime';
import { addWorkingMs, comparePriority, isDue, nextStep, planCallAgain, slotOf, type NextStep } from './nextStep';
import { HOUR, fromWallTime, wallTime } from './time';

const TZ = 'Europe/Rome';
const s = defaultRuleSettings(TZ);
/** 2026-03-02 is a Monday; Rome is UTC+1 in early March. */
const t = (day: number, hour: number, minute = 0) =>
  fromWallTime({ year: 2026, month: 3, day, hour, minute, second: 0 }, TZ);
const wall = (ms: number) => {
  const w = wallTime(ms, TZ);
  return `${w.day} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

type L = Parameters<typeof nextStep>[0];
const lead = (p: Partial<L> = {}): L => ({
  status: 'assigned',
  frozen: false,
  assignedAt: t(2, 9),
  appointmentAt: null,
  phone: '+39 333 1234567',
  otherPhone: null,
  email: 'anna@example.it',
  preferredAt1: null,
  preferredAt2: null,
  preferredAt3: null,
  leadType: 'customer_driven',
  ...p,
});
type C = Pick<Contact, 'at' | 'direction' | 'channel' | 'outcome'>;
const call = (at: number, outcome: Contact['outcome'] = 'no_answer'): C => ({
  at,
  direction: 'outbound',
  channel: 'phone',
  outcome,
});

interface Case {
  name: string;
  lead?: Partial<L>;
  contacts?: C[];
  now: number;
  phoneValid?: boolean;
  expect: Partial<NextStep> & { due?: string; suggested?: string };
}

const cases: Case[] = [
  {
    name: 'new lead: call now, deadline SLA 1',
    now: t(2, 9, 5),
    expect: { kind: 'call', reason: 'new_lead', dueAt: t(2, 9), deadline: t(3, 9) },
  },
  {
    name: 'new lead without any phone: e-mail at once',
    lead: { phone: null },
    now: t(2, 9, 5),
    expect: { kind: 'sendEmail', reason: 'phone_missing', dueAt: t(2, 9) },
  },
  {
    name: 'new lead whose phone the caller found invalid: e-mail at once',
    now: t(2, 9, 5),
    phoneValid: false,
    expect: { kind: 'sendEmail', reason: 'phone_invalid' },
  },
  {
    name: 'only the other phone: still call',
    lead: { phone: null, otherPhone: '0612345678' },
    now: t(2, 10),
    expect: { kind: 'call' },
  },
  {
    name: 'no phone and no e-mail: close (no contact data)',
    lead: { phone: null, email: null },
    now: t(2, 10),
    expect: { kind: 'close', reason: 'no_contact_data' },
  },
  {
    name: 'first call failed without voicemail: leave the voicemail now',
    contacts: [call(t(2, 10))],
    now: t(2, 10, 1),
    expect: { kind: 'voicemail', reason: 'first_call_failed', dueAt: t(2, 10) },
  },
  {
    name: 'first call went to voicemail: call again on a later day at another slot',
    contacts: [call(t(2, 10), 'voicemail')],
    now: t(2, 10, 1),
    expect: { kind: 'callAgain', slot: 'midday', due: '3 12:30', suggested: '3 12:30' },
  },
  {
    name: 'no answer + voicemail in the morning: next is midday next day',
    contacts: [call(t(2, 10)), call(t(2, 10, 5), 'voicemail')],
    now: t(2, 11),
    expect: { kind: 'callAgain', slot: 'midday', due: '3 12:30' },
  },
  {
    // The next day's afternoon (Wed 16:00) is past the two working days from Mon 10:00 (Wed 10:00): this afternoon.
    name: 'morning and midday tried: the afternoon slot still inside the 48-hour window (same day)',
    contacts: [call(t(2, 10), 'voicemail'), call(t(3, 12, 40), 'busy')],
    now: t(3, 13),
    expect: { kind: 'callAgain', slot: 'afternoon', due: '3 16:00' },
  },
  {
    name: 'late: the due slot has passed, the suggestion moves on (not in the past)',
    contacts: [call(t(2, 10), 'voicemail')],
    now: t(3, 17),
    expect: { kind: 'callAgain', due: '3 12:30', suggested: '4 12:30', slot: 'midday' },
  },
  {
    name: 'Thursday morning and Friday midday tried: the window ends Saturday 10:00, so Friday afternoon (Saturday has no afternoon)',
    contacts: [call(t(5, 10), 'voicemail'), call(t(6, 12, 30), 'no_answer')],
    now: t(6, 13),
    expect: { kind: 'callAgain', slot: 'afternoon', due: '6 16:00' },
  },
  {
    name: 'Fri 16:30 and Sat 09:30 tried: Monday midday, inside the window that ends Mon 16:30 (Sunday paused)',
    contacts: [call(t(6, 16, 30), 'voicemail'), call(t(7, 9, 30), 'no_answer')],
    now: t(7, 10),
    // Window: Fri 7.5 h + Sat 24 h + (Sun paused) + Mon 16.5 h → Mon 16:30; midday Mon 12:30 is untried and inside.
    expect: { kind: 'callAgain', slot: 'midday', due: '9 12:30' },
  },
  {
    name: 'three unsuccessful attempts: send the e-mail',
    contacts: [call(t(2, 10), 'voicemail'), call(t(3, 12, 30)), call(t(4, 16))],
    now: t(4, 16, 1),
    expect: { kind: 'sendEmail', reason: 'attempts_exhausted', dueAt: t(4, 16), failedCalls: 3 },
  },
  {
    name: 'three attempts and no e-mail address: close (not reachable)',
    lead: { email: null },
    contacts: [call(t(2, 10), 'voicemail'), call(t(3, 12, 30)), call(t(4, 16))],
    now: t(4, 16, 1),
    expect: { kind: 'close', reason: 'attempts_exhausted' },
  },
  {
    name: '48 hours (two working days) after the first attempt with fewer than 3: e-mail (window elapsed)',
    contacts: [call(t(2, 10), 'voicemail')],
    now: t(9, 12),
    // Two working days from Mon 10:00 → Wed 10:00 (not Fri 18:00, as 48 opening hours would stretch it).
    expect: { kind: 'sendEmail', reason: 'window_elapsed', due: '4 10:00' },
  },
  {
    name: 'a number reported invalid: e-mail at once',
    contacts: [call(t(2, 10), 'invalid_number')],
    now: t(2, 10, 1),
    expect: { kind: 'sendEmail', reason: 'phone_invalid', dueAt: t(2, 10) },
  },
  {
    name: 'after the e-mail: close proposed 30 working hours later (Mon 10:05 → Thu 10:05)',
    contacts: [
      call(t(2, 10), 'invalid_number'),
      { at: t(2, 10, 5), direction: 'outbound', channel: 'email', outcome: 'email_sent' },
    ],
    now: t(2, 11),
    expect: { kind: 'close', reason: 'no_reply_after_email', due: '5 10:05' },
  },
  {
    name: 'customer reached: qualify, deadline SLA 2',
    contacts: [call(t(2, 10)), call(t(2, 15), 'reached')],
    now: t(2, 16),
    expect: { kind: 'qualify', reason: 'customer_reached', dueAt: t(2, 15), deadline: t(12, 9) },
  },
  {
    name: 'customer called back (inbound) after the e-mail: qualify',
    contacts: [
      call(t(2, 10), 'invalid_number'),
      { at: t(2, 10, 5), direction: 'outbound', channel: 'email', outcome: 'email_sent' },
      { at: t(3, 9), direction: 'inbound', channel: 'phone', outcome: 'no_answer' },
    ],
    now: t(3, 10),
    expect: { kind: 'qualify' },
  },
  {
    name: 'reached and preferred dates given: book, suggesting the first one ahead',
    lead: { preferredAt1: t(2, 8), preferredAt2: t(10, 9) },
    contacts: [call(t(2, 10), 'reached')],
    now: t(2, 11),
    expect: { kind: 'book', reason: 'preferred_date', suggestedAt: t(10, 9) },
  },
  {
    name: 'appointment ahead: nothing to do until then',
    lead: { status: 'appointment', appointmentAt: t(10, 9) },
    contacts: [call(t(2, 10), 'reached')],
    now: t(3, 9),
    expect: { kind: 'none', reason: 'appointment_planned', suggestedAt: t(10, 9) },
  },
  {
    name: 'appointment passed: close',
    lead: { status: 'appointment', appointmentAt: t(10, 9) },
    contacts: [call(t(2, 10), 'reached')],
    now: t(10, 12),
    expect: { kind: 'close', reason: 'appointment_passed', dueAt: t(10, 9) },
  },
  {
    name: 'closed in sale: none',
    lead: { status: 'closed_sale' },
    now: t(10, 12),
    expect: { kind: 'none', reason: 'final', dueAt: null },
  },
  { name: 'lost: none', lead: { status: 'lost' }, now: t(10, 12), expect: { kind: 'none', reason: 'final' } },
  {
    name: 'frozen appointment: none',
    lead: { status: 'appointment', frozen: true, appointmentAt: t(2, 12) },
    now: t(10, 12),
    expect: { kind: 'none', reason: 'final' },
  },
];

describe('nextStep (the contact playbook)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const step = nextStep(lead(c.lead), c.contacts ?? [], { now: c.now, settings: s, phoneValid: c.phoneValid });
      const { due, suggested, ...rest } = c.expect;
      expect(step).toMatchObject(rest);
      if (due) expect(wall(step.dueAt!)).toBe(due);
      if (suggested) expect(wall(step.suggestedAt!)).toBe(suggested);
      if (step.suggestedAt !== null && step.kind === 'callAgain')
        expect(step.suggestedAt).toBeGreaterThanOrEqual(c.now);
    });
  }

  it('moving time: the same lead walks through the playbook', () => {
    const l = lead();
    const contacts: C[] = [];
    let now = t(2, 9, 30);
    expect(nextStep(l, contacts, { now, settings: s }).kind).toBe('call');
    contacts.push(call(now, 'no_answer'));
    expect(nextStep(l, contacts, { now, settings: s }).kind).toBe('voicemail');
    now += 60_000;
    contacts.push(call(now, 'voicemail'));
    let step = nextStep(l, contacts, { now, settings: s });
    expect(step.kind).toBe('callAgain');
    expect(isDue(step, now)).toBe(false);
    now = step.suggestedAt!;
    expect(isDue(nextStep(l, contacts, { now, settings: s }), now)).toBe(true);
    contacts.push(call(now, 'busy'));
    step = nextStep(l, contacts, { now, settings: s });
    expect(step.kind).toBe('sendEmail');
    expect(step.reason).toBe('attempts_exhausted');
  });

  it('call-again slots differ from those already tried', () => {
    const plan = planCallAgain([t(2, 10), t(3, 12, 45)], t(3, 13), s)!;
    expect(plan.slot).toBe('afternoon');
    expect(slotOf(plan.suggestedAt, TZ)).toBe('afternoon');
  });

  it('working hours skip nights, Sundays and holidays', () => {
    expect(wall(addWorkingMs(t(6, 18), 2 * HOUR, s))).toBe('7 10:30'); // Fri 18:00 +0.5 h Fri, +1.5 h Sat from 09:00
    const withHoliday = { ...s, holidays: ['2026-03-09'] };
    expect(wall(addWorkingMs(t(7, 12), 2 * HOUR, withHoliday))).toBe('10 10:00'); // Sat 0.5 h, Sun closed, Mon holiday
  });

  // "3 unsuccessful attempts within a 48-hour working period" (docs/rules.md §8): two working days; the clock
  // pauses on closed days and public holidays, not at night. Mar 2026: Fri 6, Sat 7 (open 09:00–12:30), Sun 8
  // (closed), Mon 9.
  const noSat = { ...s, openingHours: s.openingHours.map((h, i) => (i === 6 ? null : h)) };
  const monHoliday = { ...s, holidays: ['2026-03-09'] };
  it.each([
    ['Mon 10:00, weekdays only', t(2, 10), s, '4 10:00'],
    ['Fri 10:00, Saturday open, Sunday closed', t(6, 10), s, '9 10:00'],
    ['Fri 10:00, Saturday and Sunday closed', t(6, 10), noSat, '10 10:00'],
    ['Fri 10:00, Monday a public holiday', t(6, 10), monHoliday, '10 10:00'],
    ['Fri 10:00, Saturday closed and Monday a holiday', t(6, 10), { ...noSat, holidays: ['2026-03-09'] }, '11 10:00'],
    ['Fri 23:00 (the night counts)', t(6, 23), s, '9 23:00'],
    ['Sun 11:00, closed: from Monday 00:00', t(8, 11), s, '11 00:00'],
    ['Sat 20:00 before a holiday Monday', t(7, 20), monHoliday, '11 20:00'],
  ] as [string, number, typeof s, string][])('48-hour window from %s', (_n, from, st, end) => {
    expect(wall(addWorkingDayMs(from, 48 * HOUR, st))).toBe(end);
  });

  const step = (contacts: C[], now: number, st = s) =>
    nextStep(lead({ assignedAt: t(6, 9) }), contacts, { now, settings: st });
  it('attempts Fri / Sat / Mon with Sunday closed: three inside the window → the e-mail (attempts exhausted)', () => {
    const st = step([call(t(6, 10), 'voicemail'), call(t(7, 12, 15)), call(t(9, 9, 30))], t(9, 9, 31));
    expect(st).toMatchObject({ kind: 'sendEmail', reason: 'attempts_exhausted', dueAt: t(9, 9, 30) });
  });
  it('attempts Fri / Sat, nothing on Monday morning: the window closes Mon 10:00 → the e-mail then', () => {
    const before = step([call(t(6, 10), 'voicemail'), call(t(7, 12, 15))], t(7, 13));
    expect(before.kind).toBe('sendEmail');
    expect(wall(before.dueAt!)).toBe('9 10:00');
    expect(isDue(before, t(8, 12))).toBe(false); // not on the closed Sunday
    expect(isDue(before, t(9, 10))).toBe(true);
  });
  it('a public holiday in between moves the window a day: Fri / Sat, Monday holiday → e-mail Tue 10:00', () => {
    const st = step([call(t(6, 10), 'voicemail'), call(t(7, 12, 15))], t(9, 11), monHoliday);
    expect(st.kind).toBe('sendEmail');
    expect(wall(st.dueAt!)).toBe('10 10:00');
    expect(isDue(st, t(9, 11))).toBe(false);
  });
  it('not stretched to a week: one failed call on Monday, still nothing by Thursday → the e-mail was due Wednesday', () => {
    const st = nextStep(lead(), [call(t(2, 10), 'voicemail')], { now: t(5, 9), settings: s });
    expect(st).toMatchObject({ kind: 'sendEmail', reason: 'window_elapsed' });
    expect(wall(st.dueAt!)).toBe('4 10:00');
  });

  it('priority: customer-driven first, then the SLA deadline', () => {
    const items = [
      { id: 1, leadType: 'hq_driven' as const, step: { deadline: 100, dueAt: 1 } },
      { id: 2, leadType: 'customer_driven' as const, step: { deadline: 300, dueAt: 1 } },
      { id: 3, leadType: 'customer_driven' as const, step: { deadline: 200, dueAt: 1 } },
      { id: 4, leadType: 'hq_driven' as const, step: { deadline: 50, dueAt: 1 } },
    ];
    expect(items.sort(comparePriority).map((i) => i.id)).toEqual([3, 2, 4, 1]);
  });
});
