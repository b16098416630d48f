// Typed, stable error codes. Every code has a translation under errors:code.<CODE> in locales/*/errors.json.

export const RULE_ERROR_CODES = [
  'LEAD_IS_FINAL',
  'CONTACT_ATTEMPT_REQUIRED',
  'STATUS_NOT_ALLOWED',
  'VIN_REQUIRED',
  'VIN_INVALID',
  'NOTES_REQUIRED',
  'END_OF_OWNERSHIP_REQUIRED',
  'REASON_REQUIRED',
  'REASON_INVALID',
  'APPOINTMENT_IN_PAST',
  'RECONTACT_IN_PAST',
  'NAME_REQUIRED',
  'EMAIL_INVALID',
  'PHONE_INVALID',
  'NAME_INVALID',
  'CAMPAIGN_UNKNOWN',
  'NO_APPOINTMENT',
  'APPOINTMENT_NOT_YET',
  'CONTACT_NOT_FOUND',
  'UNDO_EXPIRED',
] as const;

export const SYSTEM_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'INTERNAL',
  /** A time or date outside the range the desk handles (contract/time.ts: years 2000–2100). */
  'DATE_OUT_OF_RANGE',
  /** A calendar date that does not exist (2026-02-31, 0000-00-00) or a range that ends before it starts. */
  'DATE_INVALID',
  /** Text with a lone UTF-16 surrogate (it cannot be stored as written). */
  'TEXT_INVALID',
  /** The renderer's own: the loopback HTTP transport could not reach the core. */
  'NETWORK',
  /** Another program (the scheduled CLI import) kept the database's write lock longer than the wait allows. */
  'DATABASE_BUSY',
  /** A database path on a network drive or share: SQLite needs the PC's own disk (docs/rules.md §11.7). */
  'DATABASE_ON_NETWORK_DRIVE',
] as const;

/** The codes the core's services throw (electron/core): each is translated like the others. */
export const SERVICE_ERROR_CODES = [
  'NOT_YOUR_LEAD',
  'USER_INACTIVE',
  'CUSTOMER_ERASED',
  'LAST_MANAGER',
  'PIN_WRONG',
  'RECOVERY_MODE',
  'EXPORT_TARGET_REQUIRED',
  'EXPORT_TARGET_INVALID',
  'EXPORT_TARGET_EXISTS',
  'EXPORT_FAILED',
  'BACKUP_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_DAMAGED',
  'RESTORE_UNAVAILABLE',
  'BACKUP_UNAVAILABLE_ON_POSTGRES',
  'RESTORE_FAILED',
  'SMTP_PASSWORD_UNREADABLE',
  'SMTP_NOT_CONFIGURED',
  'SMTP_HOST_INVALID',
  'SMTP_FAILED',
  'SMTP_CONNECTION_REFUSED',
  'SMTP_HOST_NOT_FOUND',
  'SMTP_TIMEOUT',
  'SMTP_AUTH_FAILED',
  'SMTP_TLS_FAILED',
  'OUTBOX_NOT_FAILED',
  'EMAIL_MISSING',
  /** The customer refused e-mail contact (consents): the desk does not send one (docs/rules.md §9). */
  'EMAIL_CONSENT_REFUSED',
  'REGISTRY_NO_VIN_COLUMN',
  'IMPORT_UNREADABLE',
  'IMPORT_PRESET_UNKNOWN',
  'IMPORT_FOLDER_NOT_FOUND',
  'OPENING_HOURS_INVALID',
  'HOLIDAY_INVALID',
  'CAMPAIGN_NAME_INVALID',
  'CAMPAIGN_IN_USE',
  'CAMPAIGN_DUPLICATE',
  /** Sign-in (host mode, docs/rules.md §12). */
  'SIGN_IN_REQUIRED',
  'SESSION_EXPIRED',
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_SAME',
  'PASSWORD_IS_NAME',
  'PASSWORD_WRONG',
  'DESK_SWITCH_DISABLED',
  /** Host mode (docs/rules.md §12): the desk has no valid desk token (never paired, unknown, or revoked). */
  'DESK_NOT_PAIRED',
  /** Host mode: the pairing code is wrong or expired. */
  'PAIRING_CODE_INVALID',
  /** Host mode: too many pairing attempts from this address; wait a minute. */
  'PAIRING_RATE_LIMITED',
  /** The host answered with another certificate than the one pinned at pairing. */
  'HOST_FINGERPRINT_MISMATCH',
  /** A host-only action (pairing code, desks) on an app that is not running as a host. */
  'NOT_HOST',
  /** Connecting this PC to a host, or leaving it, from an app that cannot (a browser opens the host's address). */
  'DESK_CONNECT_UNAVAILABLE',
  /** The host's address is not https://NAME-OR-ADDRESS[:PORT]/. */
  'HOST_ADDRESS_INVALID',
  /** A certificate fingerprint that is not 32 pairs of hexadecimal digits (AB:CD:…). */
  'FINGERPRINT_INVALID',
  /** Sites (docs/rules.md §11): the lead belongs to a site the acting person does not work at. */
  'LEAD_OTHER_SITE',
  /** A site id that does not exist. */
  'SITE_UNKNOWN',
  /** Another site has this code. */
  'SITE_CODE_TAKEN',
  /** Only a manager may be group-wide: a person needs a site. */
  'SITE_REQUIRED',
  /** The person (or the rule's assignee) works at another site than the lead (or the rule). */
  'ASSIGNEE_OTHER_SITE',
  /** Several sites and "All sites" in view: a new assignment rule needs its site. */
  'RULE_SITE_REQUIRED',
  /** Several sites: the group's settings, or another site's settings or people, are a group-wide manager's. */
  'GROUP_MANAGER_ONLY',
  /** Several sites: at least one active manager must stay group-wide (else nobody could change the group's). */
  'LAST_GROUP_MANAGER',
] as const;

/** Every code an error crossing the contract can carry: a closed list, each translated under errors:code.<CODE>. */
export const ERROR_CODES = [...RULE_ERROR_CODES, ...SYSTEM_ERROR_CODES, ...SERVICE_ERROR_CODES] as const;

export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];
export type SystemErrorCode = (typeof SYSTEM_ERROR_CODES)[number];
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];
export const isErrorCode = (s: string): s is ErrorCode => (ERROR_CODES as readonly string[]).includes(s);

export interface RuleError {
  code: RuleErrorCode;
  /** The input field the error belongs to, so a form can show it next to that field. */
  field?: string;
  params?: Record<string, string | number>;
}

export type Result<T, E = RuleError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (
  code: RuleErrorCode,
  field?: string,
  params?: RuleError['params'],
): { ok: false; error: RuleError } => ({
  ok: false,
  error: { code, ...(field ? { field } : {}), ...(params ? { params } : {}) },
});
