// The lead as the rules see it (docs/rules.md §1). Times are epoch milliseconds (UTC instants).
import type {
  Campaign,
  Channel,
  CloseCategory,
  CloseReason,
  Consents,
  Direction,
  Language,
  LeadType,
  Outcome,
  Source,
  Status,
} from './vocabulary';

export interface Lead {
  id: number;
  number: string;
  version: number;
  status: Status;
  /** An appointment lead past its 60-day limit: final, still shown as Appointment Taken. */
  frozen: boolean;
  leadType: LeadType;
  source: Source;
  campaign: Campaign;
  campaignNotes: string | null;
  recontacted: boolean;
  masterLeadId: number | null;
  customerId: number | null;
  assigneeId: number | null;
  createdAt: number;
  assignedAt: number;
  updatedAt: number;
  consents: Consents;
  // Request Details
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  otherPhone: string | null;
  language: Language;
  country: string | null;
  state: string | null;
  city: string | null;
  zip: string | null;
  requestFor: string | null;
  requestDetails: string | null;
  preferredAt1: number | null;
  preferredAt2: number | null;
  preferredAt3: number | null;
  appointmentAt: number | null;
  recontactAt: number | null;
  customerNotes: string | null;
  additionalServices: string | null;
  // Vehicle Details (only the VIN is the lead's own; the rest comes from the registry)
  vin: string | null;
  endOfOwnership: number | null;
  // Qualification Details
  contactAttempts: number;
  firstContactAt: number | null;
  lastContactAt: number | null;
  lastOutcome: Outcome | null;
  sla1Met: boolean | null;
  qualifiedAt: number | null;
  sla2Met: boolean | null;
  closeReason: CloseReason | null;
  closeCategory: CloseCategory | null;
  managementNotes: string | null;
  closedAt: number | null;
  /** Contact Again: the follow-up lead once it has been created. */
  followUpLeadId: number | null;
  /** Appointment e-mails were requested for the current appointment. */
  appointmentEmail: boolean;
  /** Whether the customer came to the current appointment (docs/rules.md §6 "was the appointment kept"); null = not recorded. */
  appointmentKept: boolean | null;
  /** When that was recorded (the KPI counts it from then on). */
  appointmentKeptAt: number | null;
}

export interface Contact {
  id: number;
  leadId: number;
  at: number;
  userId: number | null;
  direction: Direction;
  channel: Channel;
  outcome: Outcome;
  verbatim: string | null;
  answer: string | null;
}

/** One History row (append-only). userId null = the System user. */
export interface HistoryEntry {
  at: number;
  userId: number | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** The person acting. id null = System (sweeps). */
export interface Actor {
  id: number | null;
  name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: 'System' };

/** An unsuccessful attempt: an outbound contact whose outcome is not `reached` (docs/rules.md §10). */
export function isUnsuccessful(c: Pick<Contact, 'direction' | 'outcome'>): boolean {
  return c.direction === 'outbound' && c.outcome !== 'reached';
}

export const asLeadName = (l: Pick<Lead, 'firstName' | 'lastName'>): string => `${l.firstName} ${l.lastName}`.trim();
