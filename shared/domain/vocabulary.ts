// The domain's vocabulary (docs/rules.md §10). Stable ids only; labels live in locales/*/domain.json.

export const STATUSES = ['assigned', 'appointment', 'closed_sale', 'closed_no_sale', 'lost'] as const;
export type Status = (typeof STATUSES)[number];

export const LEAD_TYPES = ['customer_driven', 'hq_driven'] as const;
export type LeadType = (typeof LEAD_TYPES)[number];

export const SOURCES = ['web', 'owner_app', 'spontaneous', 'hq_campaign', 'recontact'] as const;
export type Source = (typeof SOURCES)[number];

/** Default campaigns; more can be added in settings, so a campaign id is any slug. */
export const DEFAULT_CAMPAIGNS = [
  'service_reminder',
  'warranty_end_reminder',
  'seasonal_promo',
  'extended_warranty_web',
  'accessories_wheels_tyres',
  'spontaneous_dealer',
] as const;
export type Campaign = string;
export const CAMPAIGN_ID = /^[a-z][a-z0-9_]{1,47}$/;

/**
 * The Close No Sale reasons in the order of the Italian manual's list (004: "Motivo della chiusura senza vendita"),
 * then the two the process adds (customer not reachable, Other: notes mandatory), then Contact Again (set only by
 * the Contact Again action). Labels: locales/<lang>/domain.json `closeReason.*`, from the Italian list.
 */
export const CLOSE_REASONS = [
  'no_privacy_consent',
  'not_eligible',
  'trade_in_new_vehicle',
  'not_current_owner',
  'leasing_rental',
  'owner_not_driver',
  'customer_refuses',
  'not_reachable',
  'other',
  'contact_again',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
/** Reasons a user may pick in the Closed No Sale dialog (contact_again is set only by Contact Again). */
export const PICKABLE_CLOSE_REASONS = CLOSE_REASONS.filter((r) => r !== 'contact_again') as Exclude<
  CloseReason,
  'contact_again'
>[];

/**
 * Reason categories. The manual has ONE: "Not Interested Now", the category of Contact Again. The others are
 * no longer set (a flat list has no category); they stay readable for leads closed by earlier versions.
 */
export const CLOSE_CATEGORIES = [
  'not_interested',
  'not_eligible',
  'not_reachable',
  'other',
  'not_interested_now',
] as const;
export type CloseCategory = (typeof CLOSE_CATEGORIES)[number];
/** The category of each reason: only Contact Again has one (manual 004: «Not Interested Now» → "Contatta di nuovo"). */
export const CLOSE_REASON_CATEGORY: Record<CloseReason, CloseCategory | null> = {
  no_privacy_consent: null,
  not_eligible: null,
  trade_in_new_vehicle: null,
  not_current_owner: null,
  leasing_rental: null,
  owner_not_driver: null,
  customer_refuses: null,
  not_reachable: null,
  other: null,
  contact_again: 'not_interested_now',
};

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const CHANNELS = ['phone', 'email', 'sms', 'messaging', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OUTCOMES = ['reached', 'no_answer', 'voicemail', 'busy', 'invalid_number', 'email_sent'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ROLES = ['manager', 'alternate', 'booking_operator', 'service_advisor', 'parts_staff'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'fr', 'de', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FINAL_STATUSES: readonly Status[] = ['closed_sale', 'closed_no_sale', 'lost'];

/** The six list views of docs/rules.md §5 (the "View" menu). */
export const LIST_VIEWS = ['assigned', 'not_managed', 'in_progress', 'closed_sale', 'closed_no_sale', 'lost'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export const CONSENTS = ['directMarketing', 'profiling', 'email', 'phone', 'post', 'sms', 'fax', 'social'] as const;
export type ConsentKey = (typeof CONSENTS)[number];
export type Consents = Record<ConsentKey, boolean>;

export const ACTIONS = [
  'edit',
  'recordContact',
  'makeAppointment',
  'closedInSale',
  'closedNoSale',
  'contactAgain',
] as const;
export type ActionId = (typeof ACTIONS)[number];
