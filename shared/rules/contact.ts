// The checks of a lead's name, phone numbers and e-mail, the same for every way a lead comes in: the new-lead
// form (renderer), leads.create, an edit and the file import (shared/import/mapping.ts). Pure and cheap (an
// import runs them 50,000 times); a number's validity for its country (libphonenumber, shared/people/phone.ts)
// is a warning on top, not a refusal.

/** C0/C1 controls (NUL…), bidi embeddings/overrides/isolates, and lone UTF-16 surrogates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const VISIBLE = /[\p{L}\p{N}]/u;

/** Whether a string has a lone surrogate (it cannot be stored as written: it would become U+FFFD). */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/**
 * A first or last name as typed (trimmed): null when fine or empty, NAME_INVALID when it has no letter or
 * digit (only invisible, bidi or punctuation characters) or has a control character.
 */
export function nameProblem(name: string): 'NAME_INVALID' | null {
  if (!name) return null;
  return CONTROL.test(name) || hasLoneSurrogate(name) || !VISIBLE.test(name) ? 'NAME_INVALID' : null;
}

/** Characters a phone number may be written with: digits, spaces, + ( ) . / - and a few letters (an "x" extension). */
const PHONE_CHARS = /^[0-9\p{L}\s+().\/-]+$/u;

/** A phone number as typed: null when fine or empty, else PHONE_INVALID (fewer than 6 digits, 3 letters in a row, emoji, NUL…). */
export function phoneProblem(phone: string | null | undefined): 'PHONE_INVALID' | null {
  const s = (phone ?? '').trim();
  if (!s) return null;
  if (!PHONE_CHARS.test(s) || CONTROL.test(s) || /\p{L}{3,}/u.test(s)) return 'PHONE_INVALID';
  return s.replace(/\D/g, '').length < 6 ? 'PHONE_INVALID' : null;
}

// local@domain: the local part without leading, trailing or doubled dots; the domain of at least two labels
// (letters, digits, inner hyphens), no trailing dot, a top-level domain of at least two letters (or xn--…).
const LOCAL = /^[^\s@".()<>[\]\\,;:]+(\.[^\s@".()<>[\]\\,;:]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TLD = /^(\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/** Whether an e-mail address is well formed (`a@b.co.`, `.a@b.co`, `a..b@c.it`, `a@b` are not). */
export function isValidEmail(email: string): boolean {
  if (email.length > 254 || CONTROL.test(email) || hasLoneSurrogate(email)) return false;
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    TLD.test(labels.at(-1)!)
  );
}
