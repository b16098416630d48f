// Host mode end to end in Node (docs/rules.md §12): an HTTPS host on 127.0.0.1 with a temp database, desks
// paired with the code, the pinned client, live updates, and a restart of the host on the same database.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHost, type CoreHost } from '../../electron/core/backup/host';
import { testClock } from '../../electron/core/clock';
import { createHostClient, type HostClient } from '../../electron/core/desk/hostClient';
import { readDeskConfig } from '../../electron/core/desk/deskConfig';
import { createDeskLink } from '../../electron/core/desk/deskDispatch';
import { deskConfig } from '../../electron/main/deskMode';
import { createHostLink, startHostServer, type HostServer } from '../../electron/web/hostServer';
import type { PushMessage } from '../../shared/contract/host';
import { tlsDir } from '../../electron/web/tls';
import { baseLead, sqlGet, sqlOn, testDbPath } from './helpers';
import { rawHttps } from './rawHttps';

const dir = mkdtempSync(join(tmpdir(), 'aslm-host-'));
const dbPath = testDbPath(dir);
const staticDir = join(dir, 'static');
const clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
let core: CoreHost;
let host: HostServer;

async function start(port = 0) {
  const link = createHostLink();
  let h: HostServer | null = null;
  core = createCoreHost({
    dbPath,
    clock,
    timeZone: 'Europe/Rome',
    validateOutput: true,
    log: () => undefined,
    hostLink: link,
    onOpen: (c) => sqlOn(c, dbPath).events.on((e) => h?.push.publish(e)),
  });
  h = await startHostServer({ core, link, dbPath, staticDir, listen: '127.0.0.1', port });
  host = h;
}
async function stop() {
  await host.close();
  core.close();
}

/** A raw HTTPS call (no pinning): what a browser on the LAN sends. */
const raw = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  rawHttps(host.url, method, path, body, headers);

const waitFor = async (cond: () => boolean, ms = 3000) => {
  for (let t = 0; t < ms && !cond(); t += 20) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  await start();
});
afterAll(async () => {
  await stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('host mode', () => {
  let deskA: HostClient;
  let deskB: HostClient;
  let tokenA = '';
  let idA = 0;

  it('makes a self-signed certificate beside the database, its key readable by this user only', () => {
    expect(host.cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    if (process.platform !== 'win32') expect(statSync(join(tlsDir(dbPath), 'key.pem')).mode & 0o077).toBe(0);
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer in host mode (no per-launch token in the page)', async () => {
    const r = await raw('GET', '/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<meta name="aslm-mode" content="host">');
    expect(r.text).not.toContain('aslm-token');
  });

  it('refuses an unpaired client, an unknown token and a foreign Host or Origin', async () => {
    const call = { channel: 'leads.counts', input: {} };
    const none = await raw('POST', '/api/invoke', call);
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('DESK_NOT_PAIRED');
    const unknown = await raw('POST', '/api/invoke', call, { 'X-ASLM-Desk': 'x'.repeat(43) });
    expect(unknown.json.error.code).toBe('DESK_NOT_PAIRED');
    expect((await raw('GET', '/api/events')).status).toBe(401);
    expect((await raw('GET', '/', undefined, { Host: `evil.example:${host.port}` })).status).toBe(421);
    const foreign = await raw(
      'POST',
      '/api/pair',
      { code: '000000', deskName: 'x' },
      { Origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
  });

  it('pairs with the right code only, and pins the certificate', async () => {
    const code = host.pairing.current().code;
    const wrong = code === '123456' ? '654321' : '123456';
    deskA = createHostClient({ url: host.url });
    const bad = await deskA.pair(wrong, 'Desk A');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('PAIRING_CODE_INVALID');
    const good = await deskA.pair(code, 'Desk A');
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.value.fingerprint).toBe(host.cert.fingerprint);
    tokenA = good.value.token;
    idA = good.value.deskId;
    // The code is used up: the next desk needs the next one.
    const reuse = await createHostClient({ url: host.url }).pair(code, 'Desk C');
    expect(!reuse.ok && reuse.error.code).toBe('PAIRING_CODE_INVALID');
    const counts = await deskA.invoke('leads.counts', {});
    expect(counts.ok).toBe(true);
    // Only the token's hash is stored.
    const row = (await sqlGet<{ h: string }>(core.core()!, 'SELECT token_hash AS h FROM desks WHERE id = ?', idA))!;
    expect(row.h).not.toBe(tokenA);
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    deskB = createHostClient({ url: host.url });
    expect((await deskB.pair(host.pairing.current().code, 'Desk B')).ok).toBe(true);
  });

  it('pairs an Electron desk from its command line: desk.json (0600) and calls forwarded to the host', async () => {
    const userData = join(dir, 'electron-desk');
    mkdirSync(userData);
    expect(await deskConfig(userData, [], 0)).toBeNull(); // not a desk: the local app
    const argv = ['--host', host.url, '--pair', host.pairing.current().code, '--desk-name', 'Service desk'];
    const cfg = await deskConfig(userData, argv, 1);
    expect(cfg?.fingerprint).toBe(host.cert.fingerprint);
    if (process.platform !== 'win32') expect(statSync(join(userData, 'desk.json')).mode & 0o077).toBe(0);
    const stored = readDeskConfig(userData)!;
    expect(stored.deskName).toBe('Service desk');
    const link = createDeskLink(stored);
    const r = await link.dispatch('leads.counts', {}, { transport: 'ipc' });
    expect(r.ok).toBe(true);
    await expect(deskConfig(userData, ['--host', host.url, '--pair', '000000', '--desk-name', 'x'], 2)).rejects.toThrow(
      /PAIRING_CODE_INVALID|PAIRING_RATE_LIMITED/,
    );
  });

  it('limits pairing attempts from one address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await raw('POST', '/api/pair', { code: 'abcdef', deskName: 'Guess' });
      codes.push(r.json.error.code);
    }
    expect(codes).toContain('PAIRING_RATE_LIMITED');
  });

  it('refuses a host whose certificate is not the pinned one', async () => {
    const other = createHostClient({ url: host.url, fingerprint: 'AB:'.repeat(31) + 'AB', deskToken: tokenA });
    const r = await other.invoke('leads.counts', {});
    expect(!r.ok && r.error.code).toBe('HOST_FINGERPRINT_MISMATCH');
    const p = await createHostClient({ url: host.url }).pair('000000', 'x', 'CD:'.repeat(31) + 'CD');
    expect(!p.ok && p.error.code).toBe('HOST_FINGERPRINT_MISMATCH');
  });

  it('tells the other desk after a commit (no personal data), and lists the connected desks', async () => {
    const got: PushMessage[] = [];
    let state = '';
    const off = deskB.subscribe(
      (m) => got.push(m),
      (s) => (state = s),
    );
    expect(await waitFor(() => state === 'connected')).toBe(true);
    const created = await deskA.invoke('leads.create', baseLead({ firstName: 'Giulia' }));
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { lead: { id: number } }).lead.id : 0;
    expect(await waitFor(() => got.some((m) => m.type === 'lead.created' && m.leadId === id))).toBe(true);
    expect(JSON.stringify(got)).not.toContain('Giulia');
    const detail = (await deskA.invoke('leads.get', { id })) as { ok: true; value: { lead: { version: number } } };
    const edit = await deskA.invoke('leads.edit', {
      id,
      version: detail.value.lead.version,
      input: { customerNotes: 'called back' },
    });
    expect(edit.ok).toBe(true);
    expect(await waitFor(() => got.some((m) => m.type === 'lead.changed' && m.leadId === id))).toBe(true);
    const status = (await deskA.invoke('host.status', {})) as { ok: true; value: any };
    expect(status.value.role).toBe('host');
    expect(status.value.fingerprint).toBe(host.cert.fingerprint);
    const b = status.value.desks.find((d: { name: string }) => d.name === 'Desk B');
    expect(b.connected).toBe(true);
    expect(b.address).toBe('127.0.0.1');
    off();
  });

  it('refuses a revoked desk at once', async () => {
    const other = (await deskB.invoke('host.status', {})) as { ok: true; value: any };
    const b = other.value.desks.find((d: { name: string }) => d.name === 'Desk B');
    const r = await deskA.invoke('host.revokeDesk', { id: b.id });
    expect(r.ok).toBe(true);
    const after = await deskB.invoke('leads.counts', {});
    expect(!after.ok && after.error.code).toBe('DESK_NOT_PAIRED');
  });

  it('keeps its certificate and paired desks across a restart; desks reconnect', async () => {
    const fingerprint = host.cert.fingerprint;
    const port = host.port;
    let state = '';
    const got: PushMessage[] = [];
    const off = deskA.subscribe(
      (m) => got.push(m),
      (s) => (state = s),
    );
    expect(await waitFor(() => state === 'connected')).toBe(true);
    const before = (await deskA.invoke('leads.list', { view: 'assigned' })) as { ok: true; value: { total: number } };
    expect(before.value.total).toBeGreaterThan(0);
    await stop();
    expect(await waitFor(() => state === 'reconnecting')).toBe(true);
    const down = await deskA.invoke('leads.counts', {});
    expect(!down.ok && down.error.code).toBe('NETWORK');
    await start(port);
    expect(host.cert.fingerprint).toBe(fingerprint);
    // Nothing acknowledged is lost: every lead the desks were told about is there.
    const up = (await deskA.invoke('leads.list', { view: 'assigned' })) as { ok: true; value: { total: number } };
    expect(up.value.total).toBe(before.value.total);
    expect(await waitFor(() => state === 'connected', 8000)).toBe(true);
    const created = await deskA.invoke('leads.create', baseLead({ firstName: 'Anna' }));
    expect(created.ok).toBe(true);
    expect(await waitFor(() => got.some((m) => m.type === 'lead.created'))).toBe(true);
    // The revoked desk stays refused.
    expect((await deskB.invoke('leads.counts', {})).ok).toBe(false);
    off();
  });
});
