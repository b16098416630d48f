// Every security decision of the Electron shell, in one place, as pure functions (tested in
// guards.test.ts). The Electron glue in index.ts only wires them in.

export const APP_ORIGIN = 'app://aslm';

/** Strict CSP for the renderer served from app://aslm. */
/**
 * The app:// scheme's privileges: a standard, secure origin (relative URLs, storage, fetch) and V8's code cache —
 * from the second start on, the app's scripts are not compiled again (the cache needs a standard scheme).
 */
export const APP_SCHEME = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The BrowserWindow webPreferences of Electron's security checklist. */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  } as const;
}

/** The only page the window may show is our own app:// renderer. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'aslm';
  } catch {
    return false;
  }
}

/** A frame as Electron's WebFrameMain shows it (only what the checks read). */
export interface FrameLike {
  readonly url: string;
  readonly parent?: FrameLike | null;
}

/**
 * An IPC call is trusted only from the top-level frame of the sending window (`senderFrame === sender.mainFrame`, no
 * parent: never a subframe) while that frame shows our own app:// renderer.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  return (
    frame != null &&
    frame === mainFrame &&
    !frame.parent &&
    typeof frame.url === 'string' &&
    isAllowedNavigation(frame.url)
  );
}

/**
 * will-frame-navigate (every frame, main or sub): the main frame stays on our renderer; a subframe may only show our
 * renderer or a blob: URL our renderer made (the PDF print frame of the reports), or about:blank.
 */
export function isAllowedFrameNavigation(details: { url: string; isMainFrame: boolean }): boolean {
  if (details.isMainFrame) return isAllowedNavigation(details.url);
  if (details.url === 'about:blank') return true;
  if (typeof details.url === 'string' && details.url.startsWith('blob:'))
    return isAllowedNavigation(details.url.slice('blob:'.length));
  return isAllowedNavigation(details.url);
}

/** Only desktop notifications may be granted to the renderer. */
export function permissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}

/** Links the user may open outside the app: parsed mailto:, tel: and https: URLs only. */
export function parseExternalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\u0000-\u001f]/.test(raw.trim())) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol === 'https:') return u.hostname && !u.username && !u.password ? u.toString() : null;
  if (u.protocol === 'mailto:')
    return /^[^@\s/\\]+@[^@\s/\\]+$/.test(decodeURIComponent(u.pathname)) ? u.toString() : null;
  if (u.protocol === 'tel:') return /^\+?[0-9 ()./-]{3,32}$/.test(decodeURIComponent(u.pathname)) ? u.toString() : null;
  return null;
}

/**
 * A URL's path, percent-decoded; null when the encoding is malformed (`/%`, `/%E0%A4%A`: decodeURIComponent
 * throws) or decodes to a NUL. Shared by the app:// handler and the browser-mode server (→ 404 / 400, never 500).
 */
export function decodePathname(pathname: string): string | null {
  let s: string;
  try {
    s = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return s.includes('\u0000') ? null : s;
}

/** Maps an app://aslm/<path> request to a file under the renderer folder, or null (path traversal, bad encoding). */
export function resolveAppFile(
  root: string,
  url: string,
  join: (...p: string[]) => string,
  normalize: (p: string) => string,
): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'aslm') return null;
  const path = decodePathname(u.pathname);
  if (path === null) return null;
  const rel = normalize(path).replace(/^([/\\])+/, '') || 'index.html';
  if (rel.split(/[/\\]/).includes('..')) return null;
  const file = join(root, rel);
  return file.startsWith(root) ? file : null;
}
