// The desktop app connects to a host from Settings and leaves it again (docs/rules.md §12.1), through the real HTTPS
// host server: the core's `desk.connectToHost` with Electron main's desk control (electron/main/deskMode.ts) pairs,
// keeps desk.json and restarts; mistakes are refused with their codes and nothing is written; a desk's manager leaves.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { createCoreHost, type CoreHost } from '../../electron/core/backup/host';
import { testClock } from '../../electron/core/clock';
import { deskConfigPath, readDeskConfig } from '../../electron/core/desk/deskConfig';
import { createDeskLink } from '../../electron/core/desk/deskDispatch';
import { createDeskControl } from '../../electron/main/deskMode';
import { createHostLink, startHostServer, type HostServer } from '../../electron/web/hostServer';
import { sqlGet, sqlOn, testDbPath } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'aslm-desk-connect-'));
const userData = join(dir, 'desk-user-data');
const clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
let hostCore: CoreHost;
let host: HostServer;
let local: AppCore; // the desktop app on its own, before it connects
let restarts = 0;
const password = 'Connect test 2026 ok';

beforeAll(async () => {
  mkdirSync(userData);
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  const link = createHostLink();
  const opts = { clock, timeZone: 'Europe/Rome', validateOutput: true, log: () => undefined };
  const hostDb = testDbPath(dir, 'host.sqlite');
  hostCore = createCoreHost({ ...opts, dbPath: hostDb, hostLink: link, signIn: 'required' });
  host = await startHostServer({
    core: hostCore,
    link,
    dbPath: hostDb,
    staticDir,
    listen: '127.0.0.1',
    port: 0,
  });
  const core = hostCore.core()!;
  await core.ready; // on PostgreSQL the settings load after the start
  const manager = await core.people.defaultManager();
  await core.auth.changePassword(manager, await core.auth.resetPassword(manager), password);
  const localDb = testDbPath(dir, 'local.sqlite');
  local = sqlOn(
    createAppCore({
      ...opts,
      dbPath: localDb,
      deskControl: createDeskControl({ userData, now: clock.now, restart: () => restarts++ }),
    }),
    localDb,
  );
});
afterAll(async () => {
  await host.close();
  hostCore.close();
  local.close();
  rmSync(dir, { recursive: true, force: true });
});

const connect = (input: Record<string, unknown>, userId?: number) =>
  local.dispatch('desk.connectToHost', input, { transport: 'test', ...(userId ? { userId } : {}) });
const code = () => host.pairing.current().code;

describe('the desktop app connects to a host from Settings', () => {
  it('says whether it can; a core without the desktop app’s control refuses', async () => {
    const s = await local.dispatch('host.status', {}, { transport: 'test' });
    expect(s).toMatchObject({ ok: true, value: { role: 'local', canConnect: true } });
    const bare = createAppCore({ dbPath: testDbPath(dir, 'bare.sqlite'), clock, log: () => undefined });
    const r = await bare.dispatch(
      'desk.connectToHost',
      { hostUrl: host.url, code: code(), deskName: 'X' },
      { transport: 'test' },
    );
    expect(r).toEqual({ ok: false, error: { code: 'DESK_CONNECT_UNAVAILABLE' } });
    expect(await bare.dispatch('host.status', {}, { transport: 'test' })).toMatchObject({
      value: { canConnect: false },
    });
    bare.close();
  });

  it('refuses mistakes with their codes and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ hostUrl: 'http://front-desk:5443/', code: '123456', deskName: 'A' }, 'HOST_ADDRESS_INVALID', 'hostUrl'],
      [{ hostUrl: 'front desk', code: '123456', deskName: 'A' }, 'HOST_ADDRESS_INVALID', 'hostUrl'],
      [{ hostUrl: host.url, code: '12 34', deskName: 'A' }, 'PAIRING_CODE_INVALID', 'code'],
      [{ hostUrl: host.url, code: '123456', deskName: '' }, 'INVALID_INPUT', 'deskName'],
      [
        { hostUrl: host.url, code: '123456', deskName: 'A', fingerprint: 'AB:CD' },
        'FINGERPRINT_INVALID',
        'fingerprint',
      ],
    ];
    for (const [input, errCode, field] of cases) {
      const r = await connect(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      expect(!r.ok && r.error).toMatchObject({ code: errCode, ...(field ? { field } : {}) });
    }
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    expect(await connect({ hostUrl: host.url, code: wrong, deskName: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'PAIRING_CODE_INVALID' },
    });
    const otherCert = 'AA:'.repeat(31) + 'AA';
    expect(await connect({ hostUrl: host.url, code: code(), deskName: 'A', fingerprint: otherCert })).toMatchObject({
      ok: false,
      error: { code: 'HOST_FINGERPRINT_MISMATCH' },
    });
    expect(await connect({ hostUrl: 'https://127.0.0.1:9/', code: '123456', deskName: 'A' })).toMatchObject({
      ok: false,
      error: { code: 'NETWORK' },
    });
    // Managers only.
    const clerk = (await sqlGet<{ id: number }>(
      local,
      "INSERT INTO users (name, language, active, created_at) VALUES ('Clerk', 'en', true, 0) RETURNING id",
    ))!.id;
    expect(await connect({ hostUrl: host.url, code: code(), deskName: 'A' }, Number(clerk))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(existsSync(deskConfigPath(userData))).toBe(false);
    expect(restarts).toBe(0);
  });

  it('pairs with the code and the host’s fingerprint, keeps desk.json and restarts; a desk’s manager leaves', async () => {
    const r = await connect({
      hostUrl: host.url,
      code: code(),
      deskName: 'Front desk 2',
      fingerprint: host.cert.fingerprint.toLowerCase(),
    });
    expect(r).toMatchObject({ ok: true, value: { deskName: 'Front desk 2', fingerprint: host.cert.fingerprint } });
    const cfg = readDeskConfig(userData)!;
    expect(cfg).toMatchObject({ hostUrl: host.url, fingerprint: host.cert.fingerprint, deskName: 'Front desk 2' });
    await new Promise((ok) => setTimeout(ok, 1700));
    expect(restarts).toBe(1);
    // The app as a desk: leaving needs a manager signed in on the host.
    let left = 0;
    const desk = createDeskLink(cfg, { leave: () => left++ });
    expect(await desk.dispatch('desk.leaveHost', {}, { transport: 'ipc' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    const signIn = await desk.dispatch('auth.signIn', { login: 'Front desk', password }, { transport: 'ipc' });
    expect(signIn.ok).toBe(true);
    expect(await desk.dispatch('desk.leaveHost', {}, { transport: 'ipc' })).toEqual({
      ok: true,
      value: { left: true },
    });
    expect(left).toBe(1);
  });
});
