// The loopback browser mode's event stream (docs/rules.md §12): the per-launch token is required (header, or the
// address for an EventSource), and what is published after a commit arrives as a small message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { baseLead, openTestApp, type TestApp } from './helpers';

let app: TestApp;
let web: WebServer;
beforeAll(async () => {
  app = openTestApp();
  const dir = join(app.dir, 'static');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  web = await startWebServer({ core: app.core, staticDir: dir, port: 0 });
  app.core.events.on((e) => web.push.publish(e));
});
afterAll(async () => {
  await web.close();
  app.close();
});

describe('loopback event stream', () => {
  it('refuses a caller without the per-launch token', async () => {
    expect((await fetch(new URL('/api/events', web.url))).status).toBe(403);
    expect((await fetch(new URL('/api/events?token=nope', web.url))).status).toBe(403);
  });

  it('sends a commit as { type, leadId, at } to the page', async () => {
    const stop = new AbortController();
    const res = await fetch(new URL(`/api/events?token=${web.token}`, web.url), { signal: stop.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    text += (await reader.read()).value ?? '';
    expect(text).toContain('event: hello');
    const r = await app.core.dispatch('leads.create', baseLead({ lastName: 'Streamed' }), { transport: 'test' });
    expect(r.ok).toBe(true);
    while (!text.includes('"lead.created"')) text += (await reader.read()).value ?? '';
    expect(text).toMatch(/data: \{"type":"lead.created","at":\d+,"leadId":\d+\}/);
    expect(text).not.toContain('Streamed');
    // A shared setting written: the desks re-read the settings.
    const dealer = await app.core.dispatch('settings.get', {}, { transport: 'test' });
    expect(dealer.ok).toBe(true);
    const set = await app.core.dispatch(
      'settings.setDealer',
      { ...(dealer as { value: { dealer: object } }).value.dealer, name: 'Autohaus Nord' },
      { transport: 'test' },
    );
    expect(set.ok).toBe(true);
    while (!text.includes('"settings.changed"')) text += (await reader.read()).value ?? '';
    stop.abort();
  });
});
