// One-click date-time choices, counted from the core's now in this PC's zone.
import dayjs from 'dayjs';

export const at = (now: number, days: number, hour: number, minute = 0): number =>
  dayjs(now).add(days, 'day').hour(hour).minute(minute).second(0).millisecond(0).valueOf();

/** The next working-day slots: tomorrow 09:00 and 14:30, the day after 09:00 (skipping Sundays). */
export function appointmentSlots(now: number): number[] {
  const out: number[] = [];
  let d = 1;
  while (out.length < 3 && d < 10) {
    const day = dayjs(now).add(d, 'day');
    if (day.day() !== 0) {
      out.push(at(now, d, 9, 0));
      if (out.length < 3) out.push(at(now, d, 14, 30));
    }
    d++;
  }
  return out.filter((x) => x > now);
}

/** Contact Again: in one week, one month, three months, six months, at 10:00. */
export function recontactChoices(now: number): { at: number; key: string }[] {
  return [
    { key: 'week', at: dayjs(at(now, 7, 10)).valueOf() },
    {
      key: 'month',
      at: dayjs(at(now, 0, 10))
        .add(1, 'month')
        .valueOf(),
    },
    {
      key: 'quarter',
      at: dayjs(at(now, 0, 10))
        .add(3, 'month')
        .valueOf(),
    },
    {
      key: 'halfYear',
      at: dayjs(at(now, 0, 10))
        .add(6, 'month')
        .valueOf(),
    },
  ];
}
