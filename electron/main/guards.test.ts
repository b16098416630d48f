import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, decodePathname, isAllowedNavigation, isTrustedSender, parseExternalUrl, permissionAllowed, resolveAppFile, webPreferences } from './guards';
import { registerIpc, IPC_CHANNEL } from './ipc';

describe('Electron guards', () => {
  it('webPreferences follow the security checklist', () => {
    expect(webPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
  });

  it('the CSP allows only our own scripts and no remote content', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(CSP).toContain("object-src 'none'");
  });

  it.each([
    ['app://aslm/index.html', true], ['app://aslm/#/lead/3', true],
    ['app://evil/index.html', false], ['file:///C:/Windows/win.ini', false], ['https://example.com', false],
    ['javascript:alert(1)', false], ['not a url', false],
  ])('navigation to %s allowed: %s', (url, ok) => {
    expect(isAllowedNavigation(url)).toBe(ok);
    expect(isTrustedSender(url)).toBe(ok);
  });

  it.each([
    ['notifications', true], ['media', false], ['geolocation', false], ['openExternal', false], ['clipboard-read', false],
  ])('permission %s granted: %s', (p, ok) => expect(permissionAllowed(p)).toBe(ok));

  it.each([
    ['https://www.maserati.com/service', 'https://www.maserati.com/service'],
    ['mailto:mario.rossi@example.it', 'mailto:mario.rossi@example.it'],
    ['tel:+393331234567', 'tel:+393331234567'],
    ['http://example.com', null], ['file:///etc/passwd', null], ['javascript:alert(1)', null],
    ['https://user:pw@example.com', null], ['smb://server/share', null], ['mailto:a@b@c', null], ['tel:123;evil', null],
    ['ms-msdt:/id', null], ['', null],
  ])('openExternal(%s) → %s', (raw, out) => expect(parseExternalUrl(raw)).toBe(out));

  it('serves only files under the renderer folder', () => {
    const root = '/opt/aslm/renderer';
    expect(resolveAppFile(root, 'app://aslm/assets/a.js', join, normalize)).toBe('/opt/aslm/renderer/assets/a.js');
    expect(resolveAppFile(root, 'app://aslm/', join, normalize)).toBe('/opt/aslm/renderer/index.html');
    for (const u of ['app://aslm/%2e%2e/%2e%2e/etc/passwd', 'app://aslm/..%2f..%2fetc/passwd', 'app://aslm/a/../../../x']) {
      const f = resolveAppFile(root, u, join, normalize);
      expect(f === null || f.startsWith(`${root}/`)).toBe(true);
    }
    expect(resolveAppFile(root, 'app://other/x', join, normalize)).toBeNull();
  });

  it('malformed percent-encoding is a 404 (null), never an exception', () => {
    const root = '/opt/aslm/renderer';
    for (const u of ['app://aslm/%', 'app://aslm/%E0%A4%A', 'app://aslm/%ZZ', 'app://aslm/a%00.js', 'app://aslm/%C0%AF']) {
      expect(() => resolveAppFile(root, u, join, normalize)).not.toThrow();
      expect([u, resolveAppFile(root, u, join, normalize)]).toEqual([u, null]);
    }
    expect(resolveAppFile(root, 'app://aslm/caf%C3%A9.png', join, normalize)).toBe('/opt/aslm/renderer/café.png');
    expect([decodePathname('/%'), decodePathname('/%E0%A4%A'), decodePathname('/%00'), decodePathname('/a%20b')]).toEqual([null, null, null, '/a b']);
  });
});

describe('IPC registration', () => {
  const fake = () => {
    const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown>();
    return { handlers, ipc: { handle: (c: string, fn: never) => { handlers.set(c, fn); } } };
  };
  const dispatch = async (channel: string) => (channel === 'app.info' ? { ok: true as const, value: 'info' } : { ok: false as const, error: { code: 'UNKNOWN_CHANNEL' as const } });

  it('registers one channel and checks the sender frame', async () => {
    const { handlers, ipc } = fake();
    registerIpc(ipc, dispatch);
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL]);
    const h = handlers.get(IPC_CHANNEL)!;
    expect(await h({ senderFrame: { url: 'app://aslm/index.html' } }, 'app.info', {})).toEqual({ ok: true, value: 'info' });
    expect(await h({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await h({ senderFrame: null }, 'app.info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await h({ senderFrame: { url: 'app://aslm/' } }, 'leads.drop', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await h({ senderFrame: { url: 'app://aslm/' } }, { toString: () => 'app.info' }, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
