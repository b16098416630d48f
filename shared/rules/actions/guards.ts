// Checks shared by several actions. Each returns the first error that applies, or null.
import type { Lead } from '../../domain/lead';
import { FINAL_STATUSES } from '../../domain/vocabulary';
import type { RuleError } from '../errors';

/** A lead in a final status (or an expired appointment) cannot be changed at all. */
export const isFinal = (l: Pick<Lead, 'status' | 'frozen'>): boolean => FINAL_STATUSES.includes(l.status) || l.frozen;

export function notFinal(l: Lead): RuleError | null {
  return isFinal(l) ? { code: 'LEAD_IS_FINAL' } : null;
}

/** Every action but Edit and Record contact needs at least one recorded contact. */
export function hasContact(l: Lead): RuleError | null {
  return l.contactAttempts > 0 ? null : { code: 'CONTACT_ATTEMPT_REQUIRED' };
}

export function openStatus(l: Lead): RuleError | null {
  return l.status === 'assigned' || l.status === 'appointment' ? null : { code: 'STATUS_NOT_ALLOWED' };
}

export function firstError(...checks: (() => RuleError | null)[]): RuleError | null {
  for (const c of checks) {
    const e = c();
    if (e) return e;
  }
  return null;
}

const blank = (s: string | null | undefined): boolean => !s || s.trim() === '';
export { blank };
