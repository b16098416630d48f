import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, startWebServer, type WebServer } from '../../electron/web/server';
import { CSP as DESKTOP_CSP } from '../../electron/main/guards';
import { openTestApp, type TestApp } from './helpers';

let app: TestApp;
let web: WebServer;
beforeAll(async () => {
  app = openTestApp();
  const dir = join(app.dir, 'static');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  writeFileSync(join(app.dir, 'secret.txt'), 'do not serve');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'appMain-DbjG_k-h.js'), 'export {};');
  writeFileSync(join(dir, 'assets', 'plain.js'), 'export {};');
  web = await startWebServer({ core: app.core, staticDir: dir, port: 0 });
});
afterAll(async () => {
  await web.close();
  app.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(path, web.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode HTTP bridge', () => {
  it('listens on loopback only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const addr = web.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('serves the renderer with the token and a strict CSP', async () => {
    const res = await fetch(web.url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toBe(DESKTOP_CSP); // one policy for both modes
    expect(CSP).toBe(DESKTOP_CSP);
    expect(await res.text()).toContain(`<meta name="aslm-token" content="${web.token}">`);
  });

  it('lets the browser keep the build’s content-named assets, never the page (it holds the token) or other files', async () => {
    const cache = async (path: string) => (await fetch(new URL(path, web.url))).headers.get('cache-control');
    expect(await cache('assets/appMain-DbjG_k-h.js')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/')).toBe('no-store');
    expect(await cache('index.html')).toBe('no-store');
    expect(await cache('assets/plain.js')).toBe('no-store');
    // A content-named asset that is not there: the page (the address is the app's), not kept.
    expect(await cache('assets/gone-ABCDEFGH.js')).toBe('no-store');
  });

  it('answers the contract with the token', async () => {
    const res = await post('/api/invoke', { channel: 'leads.counts', input: {} }, { 'X-ASLM-Token': web.token });
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.value.counts.assigned).toBe(0);
  });

  it('refuses calls without the token, from another origin, or malformed', async () => {
    expect((await post('/api/invoke', { channel: 'leads.counts', input: {} })).status).toBe(403);
    expect(
      (
        await post(
          '/api/invoke',
          { channel: 'leads.counts', input: {} },
          { 'X-ASLM-Token': web.token, Origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    const bad = await fetch(new URL('/api/invoke', web.url), {
      method: 'POST',
      headers: { 'X-ASLM-Token': web.token },
      body: '{not json',
    });
    expect((await bad.json()).error.code).toBe('INVALID_INPUT');
    const forged = await post('/api/invoke', { channel: 'leads.drop', input: {} }, { 'X-ASLM-Token': web.token });
    expect((await forged.json()).error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses forged channels (prototype names, non-strings), polluting input and oversized input', async () => {
    const call = async (body: unknown) => (await post('/api/invoke', body, { 'X-ASLM-Token': web.token })).json();
    for (const channel of [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'prototype',
      123,
      null,
      ['app.info'],
      { toString: 'app.info' },
      'app.info\u0000',
      'APP.INFO',
    ]) {
      expect((await call({ channel, input: {} })).error.code).toBe('UNKNOWN_CHANNEL');
    }
    expect((await call(['app.info', {}])).error.code).toBe('UNKNOWN_CHANNEL');
    expect((await call(null)).error.code).toBe('UNKNOWN_CHANNEL');
    // A __proto__ key in the JSON body neither pollutes Object.prototype nor reaches a handler.
    const raw = await fetch(new URL('/api/invoke', web.url), {
      method: 'POST',
      headers: { 'X-ASLM-Token': web.token, 'Content-Type': 'application/json' },
      body: '{"channel":"leads.list","input":{"view":"assigned","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}',
    });
    expect((await raw.json()).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A 2 MB search string is refused by the contract, not handed to SQLite.
    const huge = await call({ channel: 'leads.list', input: { view: 'assigned', search: 'x'.repeat(2_000_000) } });
    expect(huge.error.code).toBe('INVALID_INPUT');
    // A body over the limit is refused without being read to the end.
    const tooBig = await fetch(new URL('/api/invoke', web.url), {
      method: 'POST',
      headers: { 'X-ASLM-Token': web.token },
      body: Buffer.alloc(65 * 1024 * 1024, 0x20),
    }).catch(() => null);
    expect(tooBig === null || tooBig.status >= 400).toBe(true);
  });

  it('has no test clock unless started for tests', async () => {
    expect((await post('/test/clock', { set: 0 }, { 'X-ASLM-Token': web.token })).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(new URL(p, web.url));
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('malformed percent-encoding in a static path is a 400, never a 500', async () => {
    const { request } = await import('node:http');
    const u = new URL(web.url);
    const get = (path: string) =>
      new Promise<number>((resolve) => {
        const req = request({ host: '127.0.0.1', port: u.port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.end();
      });
    for (const p of ['/%', '/%E0%A4%A', '/%ZZ', '/assets/%', '/a%00.js']) expect([p, await get(p)]).toEqual([p, 400]);
    expect(await get('/caf%C3%A9')).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(web.url);
      const req = request({ host: '127.0.0.1', port: u.port, path: '/', headers: { Host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });
});
