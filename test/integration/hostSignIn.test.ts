// A LAN host with sign-in (docs/rules.md §12): over HTTPS, a paired desk still needs a signed-in person — no
// session, a wrong password ×5, an expired session are refused with their codes; the person acting is the
// session's (history, NOT_YOUR_LEAD); the live updates need a session too; the Electron desk's link keeps the
// session in the main process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreHost, type CoreHost } from '../../electron/core/backup/host';
import { testClock } from '../../electron/core/clock';
import { createDeskLink } from '../../electron/core/desk/deskDispatch';
import { createHostClient } from '../../electron/core/desk/hostClient';
import { createHostLink, startHostServer, type HostServer } from '../../electron/web/hostServer';
import { baseLead, testDbPath } from './helpers';
import { rawHttps } from './rawHttps';

const dir = mkdtempSync(join(tmpdir(), 'aslm-host-signin-'));
const dbPath = testDbPath(dir);
const staticDir = join(dir, 'static');
const clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
let core: CoreHost;
let host: HostServer;
const MANAGER = { login: 'marta@dealer.example', password: 'Marta manager 2026' };
const OPERATOR = { login: 'bruno@dealer.example', password: 'Bruno booking 2026' };
let operatorId = 0;

/** A raw HTTPS call (what a browser on the LAN sends), with the desk token and optionally a session. */
const raw = (path: string, headers: Record<string, string>, body?: unknown) =>
  rawHttps(host.url, body === undefined ? 'GET' : 'POST', path, body, headers);

let desk = '';
const call = (channel: string, input: unknown, session?: string) =>
  raw(
    '/api/invoke',
    { 'X-ASLM-Desk': desk, ...(session ? { 'X-ASLM-Session': session } : {}) },
    { channel, input },
  ).then((r) => r.json);
const signIn = async (who: { login: string; password: string }) => {
  const r = await call('auth.signIn', who);
  expect(r.ok).toBe(true);
  return r.value.token as string;
};

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>ok</body></html>');
  const link = createHostLink();
  core = createCoreHost({
    dbPath,
    clock,
    timeZone: 'Europe/Rome',
    validateOutput: true,
    log: () => undefined,
    hostLink: link,
    signIn: 'required',
  });
  const c = core.core()!;
  await c.ready; // on PostgreSQL the settings load after the start
  const m = await c.people.save({
    id: await c.people.defaultManager(),
    name: 'Marta Manager',
    email: MANAGER.login,
    language: 'en',
    active: true,
    roles: ['manager'],
    absences: [],
  });
  const o = await c.people.save({
    name: 'Bruno Booking',
    email: OPERATOR.login,
    language: 'en',
    active: true,
    roles: ['booking_operator'],
    absences: [],
  });
  operatorId = o.id;
  await c.auth.changePassword(m.id, '', MANAGER.password);
  await c.auth.changePassword(o.id, '', OPERATOR.password);
  host = await startHostServer({ core, link, dbPath, staticDir, listen: '127.0.0.1', port: 0 });
  const paired = await createHostClient({ url: host.url }).pair(host.pairing.current().code, 'Desk 1');
  if (!paired.ok) throw new Error(JSON.stringify(paired.error));
  desk = paired.value.token;
});
afterAll(async () => {
  await host.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a LAN host with sign-in', () => {
  it('refuses a paired desk without a session, for calls and for the live updates', async () => {
    expect((await call('leads.counts', {})).error.code).toBe('SIGN_IN_REQUIRED');
    expect((await call('leads.counts', {}, 'not-a-session')).error.code).toBe('SIGN_IN_REQUIRED');
    const events = await raw('/api/events', { 'X-ASLM-Desk': desk });
    expect(events.status).toBe(401);
    expect(events.json.error.code).toBe('SIGN_IN_REQUIRED');
    // Before sign-in only the public channels answer.
    expect((await call('auth.status', {})).value).toMatchObject({ signInRequired: true, user: null });
  });

  it('locks a person after 5 wrong passwords (same answer as an unknown person before)', async () => {
    expect((await call('auth.signIn', { login: 'nobody@x.example', password: 'whatever 1234' })).error.code).toBe(
      'SIGN_IN_FAILED',
    );
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await call('auth.signIn', { login: OPERATOR.login, password: `wrong password ${i}` })).error.code);
    expect(codes).toEqual(['SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'ACCOUNT_LOCKED']);
    expect((await call('auth.signIn', OPERATOR)).error.code).toBe('ACCOUNT_LOCKED'); // even the right one waits
    clock.advance(15 * 60_000 + 1000);
    expect((await call('auth.signIn', OPERATOR)).ok).toBe(true);
  });

  it('acts as the session person: history names them, a booking operator cannot touch the manager’s lead', async () => {
    const marta = await signIn(MANAGER);
    const bruno = await signIn(OPERATOR);
    const mine = await call('leads.create', baseLead({ lastName: 'Perlasca' }), marta);
    expect(mine.ok).toBe(true);
    expect(mine.value.history.some((h: { userName: string }) => h.userName === 'Marta Manager')).toBe(true);
    // A caller cannot name someone else: userId in the body is not part of the call, only the session counts.
    const forBruno = await call(
      'leads.create',
      { ...baseLead({ lastName: 'Brambilla' }), assigneeId: operatorId },
      marta,
    );
    expect(forBruno.value.lead.assigneeId).toBe(operatorId);
    const edit = (id: number, version: number, s: string) =>
      call('leads.edit', { id, version, input: { customerNotes: 'called' } }, s);
    expect((await edit(forBruno.value.lead.id, forBruno.value.lead.version, bruno)).ok).toBe(true);
    const assignedElsewhere = await call(
      'leads.create',
      { ...baseLead({ lastName: 'Zanetti' }), assigneeId: mine.value.lead.assigneeId ?? 1 },
      marta,
    );
    expect((await edit(assignedElsewhere.value.lead.id, assignedElsewhere.value.lead.version, bruno)).error.code).toBe(
      'NOT_YOUR_LEAD',
    );
    // The live updates open with a session.
    const events = await new Promise<number>((ok, fail) => {
      const req = request(
        new URL('/api/events', host.url),
        { rejectUnauthorized: false, headers: { 'X-ASLM-Desk': desk, 'X-ASLM-Session': bruno } },
        (res) => {
          ok(res.statusCode ?? 0);
          res.destroy();
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(events).toBe(200);
  });

  it('ends a session 12 h after sign-in, and at sign-out', async () => {
    const s = await signIn(MANAGER);
    expect((await call('leads.counts', {}, s)).ok).toBe(true);
    const out = await signIn(MANAGER);
    expect((await call('auth.signOut', {}, out)).ok).toBe(true);
    expect((await call('leads.counts', {}, out)).error.code).toMatch(/SIGN_IN_REQUIRED|SESSION_EXPIRED/);
    for (let h = 0; h < 12; h++) {
      clock.advance(60 * 60_000); // an hour at a time: never idle for 2 h, so only the 12 h limit ends it
      if (h < 11) expect((await call('leads.counts', {}, s)).ok).toBe(true);
    }
    expect((await call('leads.counts', {}, s)).error.code).toBe('SESSION_EXPIRED');
  });

  it('the Electron desk keeps the session in its main process: signed in, signed out', async () => {
    const link = createDeskLink({
      hostUrl: host.url,
      fingerprint: host.cert.fingerprint,
      deskToken: desk,
      deskId: 1,
      deskName: 'Desk 1',
      pairedAt: clock.now(),
    });
    const ctx = { transport: 'ipc' as const };
    expect((await link.dispatch('leads.counts', {}, ctx)).ok).toBe(false);
    expect((await link.dispatch('auth.signIn', MANAGER, ctx)).ok).toBe(true);
    expect((await link.dispatch('leads.counts', {}, ctx)).ok).toBe(true);
    expect((await link.dispatch('auth.signOut', {}, ctx)).ok).toBe(true);
    const after = await link.dispatch('leads.counts', {}, ctx);
    expect(!after.ok && after.error.code).toBe('SIGN_IN_REQUIRED');
  });
});
