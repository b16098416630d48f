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
  'CAMPAIGN_UNKNOWN',
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
] as const;

export type RuleErrorCode = (typeof RULE_ERROR_CODES)[number];
export type SystemErrorCode = (typeof SYSTEM_ERROR_CODES)[number];
export type ErrorCode = RuleErrorCode | SystemErrorCode | (string & { __extension?: never });

export interface RuleError {
  code: RuleErrorCode;
  /** The input field the error belongs to, so a form can show it next to that field. */
  field?: string;
  params?: Record<string, string | number>;
}

export type Result<T, E = RuleError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: RuleErrorCode, field?: string, params?: RuleError['params']): { ok: false; error: RuleError } =>
  ({ ok: false, error: { code, ...(field ? { field } : {}), ...(params ? { params } : {}) } });
