// Workshop load (docs/rules.md §8): appointments per day for the coming days against a settable daily
// capacity (setting `workshop.capacity`, default 8), days of the dealer's zone. Every appointment still
// planned counts: a lead in Appointment Taken, and a lead Closed In Sale, which keeps its appointment (the
// customer still comes to the workshop: its invitation and reminder stay, see shared/rules/actions/close.ts);
// Closed No Sale and Contact Again cancel theirs.
import { addCalendarDays, localDate, startOfLocalDay, wallTime } from '../../../shared/rules/time';
import type { AsyncStore } from '../../store/repos/index';
import type { SettingsService } from '../settingsService';
import type { RuleSettings } from '../../../shared/domain/settings';

export const CAPACITY_KEY = 'workshop.capacity';
export { DEFAULT_CAPACITY } from '../settingsRegistry';

/** One site's load (docs/rules.md §11.8): its appointments, its opening days and capacity (the group's when unset). */
export interface WorkshopSite {
  siteId: number;
  rules: RuleSettings;
  capacity: number | null;
}

export async function workshopLoad(
  data: AsyncStore,
  settings: SettingsService,
  now: number,
  days: number,
  site?: WorkshopSite,
) {
  const s = site?.rules ?? settings.rules();
  const tz = s.timeZone;
  const capacity = site?.capacity ?? settings.get(CAPACITY_KEY);
  const start = startOfLocalDay(now, tz);
  const end = addCalendarDays(start, days, tz);
  const counts = new Map<string, number>();
  const rows = await data.repos.leads.appointmentsBetween(start, end, site?.siteId);
  for (const r of rows) {
    const d = localDate(r.a, tz);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const out = [];
  for (let i = 0; i < days; i++) {
    const t = addCalendarDays(start, i, tz);
    const date = localDate(t, tz);
    const wd = wallTime(t, tz).weekday;
    const open = s.openingHours[wd] !== null && !s.holidays.includes(date);
    out.push({ date, appointments: counts.get(date) ?? 0, capacity: open ? capacity : 0, open });
  }
  return { capacity, days: out, at: now };
}
