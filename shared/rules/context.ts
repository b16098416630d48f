// What every rule receives besides the lead and the input: the moment, the actor and the settings.
import type { Actor, Contact, HistoryEntry, Lead } from '../domain/lead';
import type { RuleSettings } from '../domain/settings';

export interface RuleContext {
  now: number;
  user: Actor;
  settings: RuleSettings;
}

/** What the app must do besides writing the lead (e-mails, follow-ups, vehicle updates). */
export type Effect =
  | { kind: 'appointmentBooked'; appointmentAt: number; previousAppointmentAt: number | null; sendToCustomer: boolean }
  | { kind: 'appointmentCancelled'; appointmentAt: number }
  | { kind: 'followUpDue'; at: number }
  | { kind: 'vehicleEndOfOwnership'; vin: string; date: number };

export type LeadPatch = Partial<Omit<Lead, 'id' | 'number' | 'version' | 'createdAt'>>;

/** The decision of an action: new field values, history rows, an optional contact and effects. */
export interface LeadChanges {
  patch: LeadPatch;
  history: HistoryEntry[];
  contact?: Omit<Contact, 'id' | 'leadId'>;
  effects: Effect[];
}

/** Fields whose values are instants: shown in history as ISO strings. */
const INSTANT_FIELDS = new Set([
  'assignedAt',
  'preferredAt1',
  'preferredAt2',
  'preferredAt3',
  'appointmentAt',
  'recontactAt',
  'endOfOwnership',
  'firstContactAt',
  'lastContactAt',
  'qualifiedAt',
  'closedAt',
  'updatedAt',
  'appointmentKeptAt',
]);
/** Bookkeeping fields that never get a history row of their own. */
const SILENT_FIELDS = new Set([
  'updatedAt',
  'lastContactAt',
  'lastOutcome',
  'contactAttempts',
  'closeCategory',
  'appointmentKeptAt',
]);

export function historyValue(field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (INSTANT_FIELDS.has(field) && typeof v === 'number') return new Date(v).toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Keeps only the fields that really change, and writes one history row per changed field. */
export function diff(
  lead: Lead,
  patch: LeadPatch,
  ctx: RuleContext,
  at = ctx.now,
): { patch: LeadPatch; history: HistoryEntry[] } {
  const out: LeadPatch = {};
  const history: HistoryEntry[] = [];
  for (const [k, v] of Object.entries(patch) as [keyof LeadPatch, unknown][]) {
    const old = (lead as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(old) === JSON.stringify(v)) continue;
    (out as Record<string, unknown>)[k] = v;
    if (!SILENT_FIELDS.has(k)) {
      history.push({ at, userId: ctx.user.id, field: k, oldValue: historyValue(k, old), newValue: historyValue(k, v) });
    }
  }
  return { patch: out, history };
}
