import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME,
  CSP,
  decodePathname,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isTrustedSender,
  parseExternalUrl,
  permissionAllowed,
  resolveAppFile,
  webPreferences,
} from './guards';
import { registerIpc, IPC_CHANNEL, type IpcEventLike } from './ipc';

describe('Electron guards', () => {
  it('webPreferences follow the security checklist', () => {
    expect(webPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('app:// is a standard, secure scheme with V8 code cache, and bypasses nothing', () => {
    expect(APP_SCHEME.scheme).toBe('app');
    // The code cache only works on a standard scheme (Electron refuses it otherwise).
    expect(APP_SCHEME.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(APP_SCHEME.privileges).not.toHaveProperty('bypassCSP');
  });

  it('the CSP allows only our own scripts and no remote content', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(CSP).toContain("object-src 'none'");
  });

  it.each([
    ['app://aslm/index.html', true],
    ['app://aslm/#/lead/3', true],
    ['app://evil/index.html', false],
    ['file:///C:/Windows/win.ini', false],
    ['https://example.com', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, ok) => {
    expect(isAllowedNavigation(url)).toBe(ok);
    const frame = { url, parent: null };
    expect(isTrustedSender(frame, frame)).toBe(ok);
    expect(isAllowedFrameNavigation({ url, isMainFrame: true })).toBe(ok);
  });

  it('trusts only the main frame of the sender: never a subframe, even one showing app://', () => {
    const main = { url: 'app://aslm/index.html', parent: null };
    const sub = { url: 'app://aslm/index.html', parent: main };
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender(sub, main)).toBe(false);
    expect(isTrustedSender(sub, sub)).toBe(false); // a frame with a parent is never a main frame
    expect(isTrustedSender({ ...main }, main)).toBe(false); // another frame object with the same URL
    expect(isTrustedSender(main, null)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
  });

  it.each([
    ['app://aslm/index.html', false, true],
    ['blob:app://aslm/1b4e28ba-2fa1-11d2-883f-0016d3cca427', false, true],
    ['about:blank', false, true],
    ['blob:https://evil.example/1b4e28ba', false, false],
    ['https://evil.example/', false, false],
    ['file:///C:/Windows/win.ini', false, false],
    ['javascript:alert(1)', false, false],
    ['data:text/html,<b>x</b>', false, false],
    ['blob:app://aslm/1b4e28ba', true, false],
    ['about:blank', true, false],
  ])('will-frame-navigate to %s (main frame %s) allowed: %s', (url, isMainFrame, ok) => {
    expect(isAllowedFrameNavigation({ url, isMainFrame })).toBe(ok);
  });

  it.each([
    ['notifications', true],
    ['media', false],
    ['geolocation', false],
    ['openExternal', false],
    ['clipboard-read', false],
  ])('permission %s granted: %s', (p, ok) => expect(permissionAllowed(p)).toBe(ok));

  it.each([
    ['https://www.maserati.com/service', 'https://www.maserati.com/service'],
    ['mailto:mario.rossi@example.it', 'mailto:mario.rossi@example.it'],
    ['tel:+393331234567', 'tel:+393331234567'],
    ['http://example.com', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.com', null],
    ['smb://server/share', null],
    ['mailto:a@b@c', null],
    ['tel:123;evil', null],
    ['ms-msdt:/id', null],
    ['', null],
  ])('openExternal(%s) → %s', (raw, out) => expect(parseExternalUrl(raw)).toBe(out));

  it('serves only files under the renderer folder', () => {
    const root = '/opt/aslm/renderer';
    expect(resolveAppFile(root, 'app://aslm/assets/a.js', join, normalize)).toBe('/opt/aslm/renderer/assets/a.js');
    expect(resolveAppFile(root, 'app://aslm/', join, normalize)).toBe('/opt/aslm/renderer/index.html');
    for (const u of [
      'app://aslm/%2e%2e/%2e%2e/etc/passwd',
      'app://aslm/..%2f..%2fetc/passwd',
      'app://aslm/a/../../../x',
    ]) {
      const f = resolveAppFile(root, u, join, normalize);
      expect(f === null || f.startsWith(`${root}/`)).toBe(true);
    }
    expect(resolveAppFile(root, 'app://other/x', join, normalize)).toBeNull();
  });

  it('malformed percent-encoding is a 404 (null), never an exception', () => {
    const root = '/opt/aslm/renderer';
    for (const u of [
      'app://aslm/%',
      'app://aslm/%E0%A4%A',
      'app://aslm/%ZZ',
      'app://aslm/a%00.js',
      'app://aslm/%C0%AF',
    ]) {
      expect(() => resolveAppFile(root, u, join, normalize)).not.toThrow();
      expect([u, resolveAppFile(root, u, join, normalize)]).toEqual([u, null]);
    }
    expect(resolveAppFile(root, 'app://aslm/caf%C3%A9.png', join, normalize)).toBe('/opt/aslm/renderer/café.png');
    expect([
      decodePathname('/%'),
      decodePathname('/%E0%A4%A'),
      decodePathname('/%00'),
      decodePathname('/a%20b'),
    ]).toEqual([null, null, null, '/a b']);
  });
});

describe('IPC registration', () => {
  const fake = () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    return {
      handlers,
      ipc: {
        handle: (c: string, fn: never) => {
          handlers.set(c, fn);
        },
      },
    };
  };
  const dispatch = async (channel: string) =>
    channel === 'app.info'
      ? { ok: true as const, value: 'info' }
      : { ok: false as const, error: { code: 'UNKNOWN_CHANNEL' as const } };

  /** An IPC from the main frame of a window (senderFrame === sender.mainFrame), as Electron gives it. */
  const from = (url: string) => {
    const frame = { url, parent: null };
    return { senderFrame: frame, sender: { mainFrame: frame } };
  };

  it('registers one channel and checks the sender frame', async () => {
    const { handlers, ipc } = fake();
    registerIpc(ipc, dispatch);
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL]);
    const h = handlers.get(IPC_CHANNEL)!;
    expect(await h(from('app://aslm/index.html'), 'app.info', {})).toEqual({ ok: true, value: 'info' });
    expect(await h(from('https://evil.example/'), 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await h({ senderFrame: null }, 'app.info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await h({ senderFrame: { url: 'app://aslm/index.html' } }, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    }); // no sender
    expect(await h(from('app://aslm/'), 'leads.drop', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await h(from('app://aslm/'), { toString: () => 'app.info' }, {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('refuses a subframe of our renderer, even one showing app://', async () => {
    const { handlers, ipc } = fake();
    registerIpc(ipc, dispatch);
    const h = handlers.get(IPC_CHANNEL)!;
    const main = { url: 'app://aslm/index.html', parent: null };
    const sub = { url: 'app://aslm/index.html', parent: main };
    expect(await h({ senderFrame: sub, sender: { mainFrame: main } }, 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await h({ senderFrame: main, sender: { mainFrame: main } }, 'app.info', {})).toEqual({
      ok: true,
      value: 'info',
    });
  });

  it("refuses any web contents but our window's when the window is given", async () => {
    const { handlers, ipc } = fake();
    const ours = from('app://aslm/index.html');
    registerIpc(ipc, dispatch, () => ours.sender);
    const h = handlers.get(IPC_CHANNEL)!;
    expect(await h(ours, 'app.info', {})).toEqual({ ok: true, value: 'info' });
    expect(await h(from('app://aslm/index.html'), 'app.info', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });
});
