// The sign-in session's token (host mode, docs/rules.md §12): kept in memory and in sessionStorage, so each browser
// tab is its own sign-in and a reload keeps it. Sent by the HTTP bridge as X-ASLM-Session. When a reply says the
// session is gone (SIGN_IN_REQUIRED, SESSION_EXPIRED) or the password must be changed, the listeners hear it.
const KEY = 'aslm.session';
const AUTH_CODES = new Set(['SIGN_IN_REQUIRED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED']);

function stored(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
let token: string | null = stored();
const listeners = new Set<(code: string) => void>();

export const sessionToken = (): string | null => token;

export function setSessionToken(next: string | null): void {
  token = next;
  try {
    if (next === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, next);
  } catch {
    // no storage (a locked-down browser): the session lasts as long as the page
  }
}

/** Called by the platform with every error reply: the session's end reaches the sign-in gate. */
export function noteErrorCode(code: string): void {
  if (!AUTH_CODES.has(code)) return;
  if (code !== 'PASSWORD_CHANGE_REQUIRED') setSessionToken(null);
  for (const l of listeners) l(code);
}

export function onSessionLost(listener: (code: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
