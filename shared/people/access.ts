// Who may do what (docs/rules.md §7): pure, no clock read — `now` is an argument.
// The manager — or an alternate while every active manager is absent — manages: assigns, reassigns,
// edits assignment rules, users and settings. Desk staff work their own leads and the unassigned queue.
import type { Role } from '../domain/vocabulary';

export interface Period {
  fromAt: number;
  toAt: number;
}
export interface Person {
  id: number;
  active: boolean;
  roles: readonly Role[];
  absences: readonly Period[];
  /** The person's site; null = group-wide; absent = one site (docs/rules.md §11). */
  siteId?: number | null;
}

/** Absent at `now`: inside one of the periods (from inclusive, to exclusive). */
export const isAbsent = (absences: readonly Period[], now: number): boolean =>
  absences.some((a) => a.fromAt <= now && now < a.toAt);

/** Present and able to take work at `now`: active and not absent. */
export const isAvailable = (p: Person, now: number): boolean => p.active && !isAbsent(p.absences, now);

/**
 * May `user` manage at `now`? A manager always may (even on a day marked absent: they are at the desk).
 * An alternate may while no active manager is available (all absent, or none active).
 */
export function canManage(user: Person | null | undefined, everyone: readonly Person[], now: number): boolean {
  if (!user || !user.active) return false;
  if (user.roles.includes('manager')) return true;
  if (!user.roles.includes('alternate')) return false;
  return !everyone.some((p) => p.id !== user.id && p.roles.includes('manager') && isAvailable(p, now));
}

/**
 * May `user` act on a lead assigned to `assigneeId`? Their own leads and the unassigned queue, or any
 * lead when they may manage.
 */
export function canWorkLead(user: Person | null | undefined, assigneeId: number | null, manager: boolean): boolean {
  if (!user || !user.active) return false;
  return manager || assigneeId === null || assigneeId === user.id;
}
