// The outbox's reasons (last_error, the e-mail history rows) are stored as structured tokens — `reason:<id>`,
// `status:<lead status>`, `code:<CODE>` — and translated here; anything else is a mail server's own reply,
// shown as it is.
import type { TFunction } from 'i18next';

const TOKEN = /^(reason|status|code):([A-Za-z0-9_]+)$/;
const TOKEN_IN_TEXT = /\((reason|status|code):([A-Za-z0-9_]+)\)$/;
const KEY = { reason: 'mail:cancelReason.', status: 'domain:status.', code: 'errors:code.' } as const;
/** Rows written before the tokens held the bare word: read them as the token they stand for. */
const LEGACY: Record<string, string> = {
  rescheduled: 'reason:rescheduled',
  superseded: 'reason:superseded',
  ...Object.fromEntries(
    ['assigned', 'appointment', 'closed_sale', 'closed_no_sale', 'lost'].map((s) => [s, `status:${s}`]),
  ),
};
const LEGACY_IN_TEXT = new RegExp(`\\((${Object.keys(LEGACY).join('|')})\\)$`);

/** One stored reason, translated (the raw text when it is not a token, or unknown). */
export function mailReason(t: TFunction, raw: string): string {
  const m = TOKEN.exec(LEGACY[raw.trim()] ?? raw.trim());
  if (!m) return raw;
  return t(`${KEY[m[1] as keyof typeof KEY]}${m[2]}`, { defaultValue: m[2] });
}

/** A history value "cancelled: Subject → address (reason:rescheduled)": the trailing token translated. */
export function mailReasonInText(t: TFunction, text: string): string {
  return text
    .replace(TOKEN_IN_TEXT, (_x, kind: string, id: string) => `(${mailReason(t, `${kind}:${id}`)})`)
    .replace(LEGACY_IN_TEXT, (_x, word: string) => `(${mailReason(t, word)})`);
}
