// Settings the rules depend on (docs/rules.md §4, §6). Defaults are the manual's figures.

export interface OpeningSpan {
  open: string;
  close: string;
} // "08:30" .. "18:30", dealer local time
/** Index 0 = Sunday … 6 = Saturday (as Date#getDay). null = closed. */
export type OpeningHours = [
  OpeningSpan | null,
  OpeningSpan | null,
  OpeningSpan | null,
  OpeningSpan | null,
  OpeningSpan | null,
  OpeningSpan | null,
  OpeningSpan | null,
];

export interface RuleSettings {
  /** IANA zone of the dealership: calendar days and opening hours are counted in it. */
  timeZone: string;
  lostAfterDays: number;
  appointmentExpiryDays: number;
  sla1Hours: number;
  sla2Days: number;
  sla3WindowDays: number;
  sla1Target: number;
  sla2Target: number;
  sla3Target: number;
  openingHours: OpeningHours;
  /** Public holidays, "YYYY-MM-DD" in the dealer's zone. */
  holidays: string[];
  /** Hour (0–23, dealer time) at which the day-before reminder is sent. */
  reminderHour: number;
}

export const DEFAULT_OPENING_HOURS: OpeningHours = [
  null,
  { open: '08:30', close: '18:30' },
  { open: '08:30', close: '18:30' },
  { open: '08:30', close: '18:30' },
  { open: '08:30', close: '18:30' },
  { open: '08:30', close: '18:30' },
  { open: '09:00', close: '12:30' },
];

export function defaultRuleSettings(timeZone = 'UTC'): RuleSettings {
  return {
    timeZone,
    lostAfterDays: 60,
    appointmentExpiryDays: 60,
    sla1Hours: 24,
    sla2Days: 10,
    sla3WindowDays: 60,
    sla1Target: 0.7,
    sla2Target: 0.7,
    sla3Target: 0.9,
    openingHours: DEFAULT_OPENING_HOURS,
    holidays: [],
    reminderHour: 9,
  };
}
