// A LAN host whose database failed its start-up check (docs/rules.md §12.1): no desk can be checked and nobody can
// sign in, so the desks are refused; the host PC itself (a connection from loopback) gets the recovery screen's
// channels — and only those — and restores a checked backup; after it, every caller must be a paired desk again.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCoreHost } from '../../electron/core/backup/host';
import { testClock } from '../../electron/core/clock';
import { createHostLink, isLoopbackAddress, startHostServer } from '../../electron/web/hostServer';
import { damage } from '../fixtures/damage';
import { baseLead } from './helpers';
import { rawHttps } from './rawHttps';

const dir = mkdtempSync(join(tmpdir(), 'aslm-host-recovery-'));
const dbPath = join(dir, 'aslm.sqlite');
const staticDir = join(dir, 'static');
const clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { dbPath, clock, timeZone: 'Europe/Rome', validateOutput: true, log: () => undefined };
const invoke = (base: string, channel: string, input: unknown = {}) =>
  rawHttps(base, 'POST', '/api/invoke', { channel, input });

describe('a LAN host in recovery mode', () => {
  it('tells a loopback connection from the others', () => {
    for (const a of ['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['192.168.1.20', '10.0.0.7', '::ffff:192.168.1.20', 'fe80::1', '', '1270.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(false);
  });

  it('answers the host PC’s recovery screen only, refuses the desks, restores, then asks for pairing', async () => {
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
    const first = createCoreHost(options);
    const c = first.core()!;
    for (let i = 0; i < 30; i++)
      await c.dispatch('leads.create', baseLead({ firstName: `N${i}` }), { transport: 'test' });
    const backup = await first.create();
    first.close();
    damage(dbPath);

    const link = createHostLink();
    const core = createCoreHost({ ...options, hostLink: link, signIn: 'required' });
    expect(core.core()).toBeNull(); // recovery mode
    const host = await startHostServer({ core, link, dbPath, staticDir, listen: '0.0.0.0', port: 0 });
    const local = `https://127.0.0.1:${host.port}/`;
    try {
      const status = await invoke(local, 'shell.status');
      expect(status.json).toMatchObject({ ok: true, value: { mode: 'recovery' } });
      const list = await invoke(local, 'backup.list', { check: true });
      expect(list.json.ok).toBe(true);
      expect(list.json.value.backups.map((b: { file: string }) => b.file)).toContain(backup.file);
      // Nothing but the recovery screen's channels.
      expect((await invoke(local, 'leads.list', { view: 'assigned' })).json).toEqual({
        ok: false,
        error: { code: 'RECOVERY_MODE' },
      });
      // A desk on the LAN (this PC's own network address: not a loopback connection) is refused.
      const lan = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (lan) {
        const r = await invoke(`https://${lan}:${host.port}/`, 'shell.status');
        expect(r.status).toBe(401);
        expect(r.json).toMatchObject({ ok: false, error: { code: 'DESK_NOT_PAIRED' } });
      }
      const restored = await invoke(local, 'backup.restore', { file: backup.file });
      expect(restored.json).toMatchObject({ ok: true, value: { mode: 'normal' } });
      expect(core.core()).not.toBeNull();
      // Back to normal: the host's own browser pairs like any desk.
      const after = await invoke(local, 'shell.status');
      expect(after.status).toBe(401);
      expect(after.json).toMatchObject({ ok: false, error: { code: 'DESK_NOT_PAIRED' } });
    } finally {
      await host.close();
      core.close();
    }
  });
});
