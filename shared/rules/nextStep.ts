// The contact playbook (docs/rules.md §8) turned into the next step of an open lead.
import type { Contact, Lead } from '../domain/lead';
import type { RuleSettings } from '../domain/settings';
import { addWorkingDayMs } from './businessTime';
import { sla1DueAt, sla2DueAt } from './sla';
import { HOUR, addCalendarDays, fromWallTime, localDate, startOfLocalDay, wallTime } from './time';

export const STEP_KINDS = ['call', 'voicemail', 'callAgain', 'sendEmail', 'qualify', 'book', 'close', 'none'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const SLOTS = ['morning', 'midday', 'afternoon'] as const;
export type Slot = (typeof SLOTS)[number];
export const STEP_REASONS = [
  'new_lead',
  'first_call_failed',
  'spread_attempts',
  'attempts_exhausted',
  'window_elapsed',
  'phone_invalid',
  'phone_missing',
  'no_contact_data',
  'customer_reached',
  'preferred_date',
  'appointment_planned',
  'appointment_passed',
  'no_reply_after_email',
  'final',
] as const;
export type StepReason = (typeof STEP_REASONS)[number];

export interface NextStep {
  kind: StepKind;
  /** When the step became (or becomes) due; null for `none`. "Due now" = dueAt ≤ now. */
  dueAt: number | null;
  /** A good moment to do it, not in the past, inside opening hours (call again, book). */
  suggestedAt: number | null;
  slot: Slot | null;
  reason: StepReason;
  /** The SLA deadline the step works towards (SLA 1 before the first contact, SLA 2 after). */
  deadline: number | null;
  /** Unsuccessful call attempts so far (outbound, not reached, not an e-mail). */
  failedCalls: number;
}

export interface PlaybookSettings {
  /** Unsuccessful attempts after which the e-mail is sent (standard: 3). */
  attemptsBeforeEmail: number;
  /**
   * The window the attempts are spread over (standard: "3 unsuccessful attempts within a 48-hour working period"),
   * in hours of working days: the clock runs around the clock on working days and pauses on closed days and
   * public holidays (48 = two working days; docs/rules.md §8).
   */
  emailWindowWorkingHours: number;
  /** Working hours after the e-mail without an answer before closing (not reachable) is proposed. */
  closeAfterEmailWorkingHours: number;
}
export const DEFAULT_PLAYBOOK: PlaybookSettings = {
  attemptsBeforeEmail: 3,
  emailWindowWorkingHours: 48,
  closeAfterEmailWorkingHours: 30,
};

export interface NextStepContext {
  now: number;
  settings: RuleSettings;
  playbook?: PlaybookSettings;
  /** Whether the lead's phone number is valid (checked by the caller, e.g. libphonenumber); undefined = not checked. */
  phoneValid?: boolean;
}

type Hours = Pick<RuleSettings, 'openingHours' | 'holidays' | 'timeZone'>;

/** Representative wall-clock minute of each slot, and its range [from, to) in minutes of the day. */
const SLOT_AT: Record<Slot, number> = { morning: 9 * 60 + 30, midday: 12 * 60 + 30, afternoon: 16 * 60 };
const SLOT_RANGE: Record<Slot, [number, number]> = {
  morning: [0, 12 * 60],
  midday: [12 * 60, 14 * 60],
  afternoon: [14 * 60, 24 * 60],
};

/** The time-of-day slot of an instant in the dealer's zone: before 12:00, 12:00–14:00, after 14:00. */
export function slotOf(ms: number, timeZone: string): Slot {
  const w = wallTime(ms, timeZone);
  const m = w.hour * 60 + w.minute;
  return m < 12 * 60 ? 'morning' : m < 14 * 60 ? 'midday' : 'afternoon';
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Opening span of the local day starting at `dayStart` (minutes), or null when closed. */
function dayHours(dayStart: number, s: Hours): { open: number; close: number; w: ReturnType<typeof wallTime> } | null {
  const w = wallTime(dayStart, s.timeZone);
  if (s.holidays.includes(localDate(dayStart, s.timeZone))) return null;
  const h = s.openingHours[w.weekday];
  if (!h) return null;
  return { open: minutes(h.open), close: minutes(h.close), w };
}

const at = (w: { year: number; month: number; day: number }, min: number, tz: string) =>
  fromWallTime(
    { year: w.year, month: w.month, day: w.day, hour: Math.floor(min / 60), minute: min % 60, second: 0 },
    tz,
  );

/** When a slot can be called on a day: its usual time clamped into opening hours (15 min before closing at the latest). */
function slotTime(dayStart: number, slot: Slot, s: Hours): number | null {
  const h = dayHours(dayStart, s);
  if (!h) return null;
  const m = Math.min(Math.max(SLOT_AT[slot], h.open), h.close - 15);
  const [from, to] = SLOT_RANGE[slot];
  if (m < from || m >= to || m < h.open) return null;
  return at(h.w, m, s.timeZone);
}

/** The instant `workMs` of opening time after `from` (for "48 working hours"). */
export function addWorkingMs(from: number, workMs: number, s: Hours): number {
  let remaining = workMs;
  let day = startOfLocalDay(from, s.timeZone);
  for (let i = 0; i < 800; i++) {
    const h = dayHours(day, s);
    if (h) {
      const open = at(h.w, h.open, s.timeZone);
      const close = at(h.w, h.close, s.timeZone);
      const start = Math.max(open, from);
      if (start < close) {
        if (remaining <= close - start) return start + remaining;
        remaining -= close - start;
      }
    }
    day = addCalendarDays(day, 1, s.timeZone);
  }
  return from + workMs;
}

const isReached = (c: Pick<Contact, 'direction' | 'outcome'>) => c.outcome === 'reached' || c.direction === 'inbound';
const isFailedCall = (c: Pick<Contact, 'direction' | 'outcome' | 'channel'>) =>
  c.direction === 'outbound' && c.outcome !== 'reached' && c.outcome !== 'email_sent' && c.channel !== 'email';

/**
 * The next step of a lead, from its status, its contacts and the time.
 *
 * State machine (docs/rules.md §8):
 * - Final status or frozen appointment → `none` (reason `final`).
 * - Appointment Taken: before the appointment → `none` (`appointment_planned`, suggestedAt = the appointment);
 *   once its time has come → `close` (Closed In Sale / No Sale), due at the appointment.
 * - Assigned to Dealer:
 *   1. The customer was reached (an outcome `reached`, or any inbound contact) → `book` when the customer gave
 *      preferred date-times (suggestedAt = the first one still ahead), else `qualify`; due at once, deadline SLA 2.
 *   2. An e-mail was already sent (outcome `email_sent`) and no answer since → `close` (not reachable), due
 *      `closeAfterEmailWorkingHours` working hours after the e-mail.
 *   3. No usable phone (missing, reported invalid by the caller, or a contact with outcome `invalid_number`) →
 *      `sendEmail` at once (`phone_missing` / `phone_invalid`); without an e-mail address either → `close`
 *      (`no_contact_data`).
 *   4. No attempt yet → `call`, due from assignment, deadline SLA 1 (contact within 1 day).
 *   5. `attemptsBeforeEmail` (3) unsuccessful calls → `sendEmail` (`attempts_exhausted`), due at the last one; without
 *      an e-mail address → `close` (`attempts_exhausted`).
 *   6. The window of `emailWindowWorkingHours` (48) hours of working days from the first attempt (two working days:
 *      closed days and holidays pause it, nights do not) has run out → `sendEmail` (`window_elapsed`), due at the
 *      window's end (when there is an address; else keep calling).
 *   7. One failed call and no voicemail left yet → `voicemail` (call again now and leave the voicemail script), due at
 *      the failed call.
 *   8. Otherwise → `callAgain` on a later local day than the last attempt, in a time slot (morning / midday /
 *      afternoon) not yet tried; dueAt = the first such slot, suggestedAt = the first such slot not in the past.
 *      If that first slot falls after the 48-hour window, the call is planned in an untried slot still inside the
 *      window (a later slot the same day, at least 2 hours after the last attempt); when none is left and there is
 *      an address, the e-mail comes first (6).
 */
export function nextStep(
  lead: Pick<
    Lead,
    | 'status'
    | 'frozen'
    | 'assignedAt'
    | 'appointmentAt'
    | 'phone'
    | 'otherPhone'
    | 'email'
    | 'preferredAt1'
    | 'preferredAt2'
    | 'preferredAt3'
    | 'leadType'
  >,
  contacts: readonly Pick<Contact, 'at' | 'direction' | 'channel' | 'outcome'>[],
  ctx: NextStepContext,
): NextStep {
  const { now, settings: s } = ctx;
  const pb = ctx.playbook ?? DEFAULT_PLAYBOOK;
  const sorted = [...contacts].sort((a, b) => a.at - b.at);
  const failed = sorted.filter(isFailedCall);
  const base = { suggestedAt: null, slot: null, failedCalls: failed.length } as const;
  const none = (reason: StepReason, suggestedAt: number | null = null): NextStep => ({
    ...base,
    kind: 'none',
    dueAt: null,
    reason,
    deadline: null,
    suggestedAt,
  });

  if (lead.status === 'closed_sale' || lead.status === 'closed_no_sale' || lead.status === 'lost' || lead.frozen)
    return none('final');
  if (lead.status === 'appointment') {
    if (lead.appointmentAt !== null && lead.appointmentAt > now) return none('appointment_planned', lead.appointmentAt);
    return { ...base, kind: 'close', dueAt: lead.appointmentAt ?? now, reason: 'appointment_passed', deadline: null };
  }

  const sla1 = sla1DueAt(lead.assignedAt, s);
  const sla2 = lazy(() => sla2DueAt(lead.assignedAt, s));
  const reached = [...sorted].reverse().find(isReached);
  if (reached) {
    const prefs = [lead.preferredAt1, lead.preferredAt2, lead.preferredAt3].filter((p): p is number => p !== null);
    if (prefs.length > 0) {
      const ahead = prefs.filter((p) => p > now).sort((a, b) => a - b)[0] ?? null;
      return {
        ...base,
        kind: 'book',
        dueAt: reached.at,
        suggestedAt: ahead,
        reason: 'preferred_date',
        deadline: sla2(),
      };
    }
    return { ...base, kind: 'qualify', dueAt: reached.at, reason: 'customer_reached', deadline: sla2() };
  }

  const email = [...sorted].reverse().find((c) => c.direction === 'outbound' && c.outcome === 'email_sent');
  if (email) {
    return {
      ...base,
      kind: 'close',
      dueAt: addWorkingMs(email.at, pb.closeAfterEmailWorkingHours * HOUR, s),
      reason: 'no_reply_after_email',
      deadline: sla2(),
    };
  }

  const hasAddress = !!lead.email;
  const invalidContact = sorted.find((c) => c.outcome === 'invalid_number');
  const noPhone = !lead.phone && !lead.otherPhone;
  if (noPhone || ctx.phoneValid === false || invalidContact) {
    const dueAt = invalidContact?.at ?? lead.assignedAt;
    if (!hasAddress) return { ...base, kind: 'close', dueAt, reason: 'no_contact_data', deadline: sla2() };
    return { ...base, kind: 'sendEmail', dueAt, reason: noPhone ? 'phone_missing' : 'phone_invalid', deadline: sla1 };
  }

  if (failed.length === 0) return { ...base, kind: 'call', dueAt: lead.assignedAt, reason: 'new_lead', deadline: sla1 };

  const last = failed[failed.length - 1]!;
  if (failed.length >= pb.attemptsBeforeEmail) {
    if (!hasAddress) return { ...base, kind: 'close', dueAt: last.at, reason: 'attempts_exhausted', deadline: sla2() };
    return { ...base, kind: 'sendEmail', dueAt: last.at, reason: 'attempts_exhausted', deadline: sla2() };
  }
  const windowEnd = addWorkingDayMs(failed[0]!.at, pb.emailWindowWorkingHours * HOUR, s);
  if (hasAddress && now >= windowEnd)
    return { ...base, kind: 'sendEmail', dueAt: windowEnd, reason: 'window_elapsed', deadline: sla2() };

  if (failed.length === 1 && !sorted.some((c) => c.outcome === 'voicemail')) {
    return { ...base, kind: 'voicemail', dueAt: last.at, reason: 'first_call_failed', deadline: sla2() };
  }

  let plan = planCallAgain(
    failed.map((c) => c.at),
    now,
    s,
  );
  if (plan && plan.dueAt > windowEnd)
    plan =
      planWithin(
        failed.map((c) => c.at),
        now,
        windowEnd,
        s,
      ) ?? plan;
  if (!plan) return { ...base, kind: 'callAgain', dueAt: last.at, reason: 'spread_attempts', deadline: sla2() };
  if (hasAddress && plan.dueAt > windowEnd)
    return { ...base, kind: 'sendEmail', dueAt: windowEnd, reason: 'window_elapsed', deadline: sla2() };
  return {
    ...base,
    kind: 'callAgain',
    dueAt: plan.dueAt,
    suggestedAt: plan.suggestedAt,
    slot: plan.slot,
    reason: 'spread_attempts',
    deadline: sla2(),
  };
}

function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}

/** The next call: a later local day than the last attempt, a slot not yet tried (any slot once all were). */
export function planCallAgain(
  attempts: readonly number[],
  now: number,
  s: Hours,
): { dueAt: number; suggestedAt: number; slot: Slot } | null {
  const lastAt = Math.max(...attempts);
  const used = new Set(attempts.map((a) => slotOf(a, s.timeZone)));
  const fresh = SLOTS.filter((x) => !used.has(x));
  const slots = fresh.length > 0 ? fresh : [...SLOTS];
  const firstDay = addCalendarDays(startOfLocalDay(lastAt, s.timeZone), 1, s.timeZone);
  let due: { at: number; slot: Slot } | null = null;
  let day = firstDay;
  for (let i = 0; i < 400; i++) {
    for (const slot of slots) {
      const t = slotTime(day, slot, s);
      if (t === null) continue;
      if (!due) due = { at: t, slot };
      if (t >= now) return { dueAt: due.at, suggestedAt: t, slot };
    }
    day = addCalendarDays(day, 1, s.timeZone);
  }
  return due ? { dueAt: due.at, suggestedAt: due.at, slot: due.slot } : null;
}

/** Minimum gap between two attempts planned on the same day. */
const SAME_DAY_GAP = 2 * HOUR;

/**
 * The next call inside the window (its end `windowEnd`): the first untried slot at least 2 hours after the last
 * attempt, the same day included, not after the window's end; null when none is left.
 */
export function planWithin(
  attempts: readonly number[],
  now: number,
  windowEnd: number,
  s: Hours,
): { dueAt: number; suggestedAt: number; slot: Slot } | null {
  const lastAt = Math.max(...attempts);
  const used = new Set(attempts.map((a) => slotOf(a, s.timeZone)));
  let day = startOfLocalDay(lastAt, s.timeZone);
  let due: { at: number; slot: Slot } | null = null;
  for (let i = 0; i < 30 && day <= windowEnd; i++) {
    for (const slot of SLOTS) {
      if (used.has(slot)) continue;
      const t = slotTime(day, slot, s);
      if (t === null || t < lastAt + SAME_DAY_GAP || t > windowEnd) continue;
      if (!due) due = { at: t, slot };
      if (t >= now) return { dueAt: due.at, suggestedAt: t, slot };
    }
    day = addCalendarDays(day, 1, s.timeZone);
  }
  return due ? { dueAt: due.at, suggestedAt: due.at, slot: due.slot } : null;
}

/** Whether the step is to be done now. */
export const isDue = (step: Pick<NextStep, 'kind' | 'dueAt'>, now: number): boolean =>
  step.kind !== 'none' && step.dueAt !== null && step.dueAt <= now;

/** "My day" order: customer-driven first, then the SLA deadline, then when the step fell due. */
export function comparePriority(
  a: { leadType: Lead['leadType']; step: Pick<NextStep, 'deadline' | 'dueAt'> },
  b: { leadType: Lead['leadType']; step: Pick<NextStep, 'deadline' | 'dueAt'> },
): number {
  const ta = a.leadType === 'customer_driven' ? 0 : 1;
  const tb = b.leadType === 'customer_driven' ? 0 : 1;
  if (ta !== tb) return ta - tb;
  const da = a.step.deadline ?? Number.MAX_SAFE_INTEGER;
  const db = b.step.deadline ?? Number.MAX_SAFE_INTEGER;
  if (da !== db) return da - db;
  return (a.step.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.step.dueAt ?? Number.MAX_SAFE_INTEGER);
}
