// Sign-in through the real core (docs/rules.md §12): a host's core with sign-in required, called as the HTTP
// server calls it (transport 'http' + the session token). No session, wrong passwords and the lock, expiry by
// the clock, sign-out, the forced change, the manager's reset, who acts; and the local mode unchanged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { createCoreHost } from '../../electron/core/backup/host';
import { testClock, type TestClock } from '../../electron/core/clock';
import { startWebServer } from '../../electron/web/server';
import type { LeadDetail } from '../../shared/contract/models';
import { baseLead, ON_POSTGRES, openTestApp, sqlAll, sqlGet, sqlOn, testDbPath, versionOf } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
let dir: string;
let core: AppCore;
let clock: TestClock;
let managerPassword: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aslm-signin-'));
  clock = testClock(Date.parse('2026-03-02T09:00:00Z'));
  const dbPath = testDbPath(dir);
  core = sqlOn(
    createAppCore({
      dbPath,
      clock,
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      signIn: 'required',
    }),
    dbPath,
  );
  const first = await core.ensureFirstSignIn();
  expect(first).not.toBeNull();
  managerPassword = first!.password;
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown, sessionToken?: string) =>
  core.dispatch(channel, input, { transport: 'http', ...(sessionToken ? { sessionToken } : {}) });
async function ok<T = any>(channel: string, input: unknown, token?: string): Promise<T> {
  const r = await call(channel, input, token);
  if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
  return r.value as T;
}
async function code(channel: string, input: unknown, token?: string) {
  const r = await call(channel, input, token);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error.code;
}
const signIn = (login: string, password: string) =>
  ok<{ token: string; mustChangePassword: boolean }>('auth.signIn', { login, password });
/** Signs in with a temporary password and changes it: the session of a person ready to work. */
async function ready(login: string, temporary: string, next: string): Promise<string> {
  const s = await signIn(login, temporary);
  expect(s.mustChangePassword).toBe(true);
  await ok('auth.changePassword', { current: temporary, next }, s.token);
  return s.token;
}
const managerLogin = async () => (await core.people.get(await core.people.defaultManager())).name;

describe('sign-in required (host mode)', () => {
  it('no session → SIGN_IN_REQUIRED on every non-public channel; the public ones tell nothing personal', async () => {
    expect(await code('leads.counts', {})).toBe('SIGN_IN_REQUIRED');
    expect(await code('people.list', {})).toBe('SIGN_IN_REQUIRED');
    expect(await code('settings.get', {})).toBe('SIGN_IN_REQUIRED');
    expect(await code('app.info', {})).toBe('SIGN_IN_REQUIRED');
    expect(await code('leads.counts', {}, 'made-up-token')).toBe('SIGN_IN_REQUIRED');
    // A caller cannot say who it is: only the session does.
    const forged = await core.dispatch('people.list', {}, { transport: 'http', userId: 1 });
    expect(forged.ok ? null : forged.error.code).toBe('SIGN_IN_REQUIRED');
    expect(await ok('auth.status', {})).toEqual({ signInRequired: true, user: null, mustChangePassword: false });
    // The first start's temporary password is given once.
    expect(await core.ensureFirstSignIn()).toBeNull();
  });

  it('the temporary password must be changed first, by the policy; then the app opens', async () => {
    const s = await signIn((await managerLogin()).toUpperCase(), managerPassword); // the name in any case
    expect(await code('leads.counts', {}, s.token)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await ok('auth.status', {}, s.token)).mustChangePassword).toBe(true);
    const change = (current: string, next: string) => code('auth.changePassword', { current, next }, s.token);
    expect(await change(managerPassword, 'short')).toBe('PASSWORD_TOO_WEAK');
    expect(await change(managerPassword, managerPassword)).toBe('PASSWORD_SAME');
    expect(await change(managerPassword, 'FRONT DESK')).toBe('PASSWORD_IS_NAME'); // "Front desk", any case
    expect(await change('not-the-password', 'a long enough one')).toBe('PASSWORD_WRONG');
    await ok('auth.changePassword', { current: managerPassword, next: 'correct horse battery' }, s.token);
    expect((await ok('leads.counts', {}, s.token)).counts).toBeDefined();
    expect(await ok('auth.status', {}, s.token)).toMatchObject({
      user: { id: 1, name: 'Front desk', roles: ['manager'] },
      mustChangePassword: false,
    });
    // The new password signs in; the old one no longer does.
    expect(await code('auth.signIn', { login: 'front desk', password: managerPassword })).toBe('SIGN_IN_FAILED');
    const second = await signIn('Front Desk', 'correct horse battery');
    expect(second.mustChangePassword).toBe(false);
    // A change ends the person's other sessions, not the one it is made from.
    await ok(
      'auth.changePassword',
      { current: 'correct horse battery', next: 'correct horse battery 2' },
      second.token,
    );
    expect(await code('leads.counts', {}, s.token)).toBe('SIGN_IN_REQUIRED');
    await ok('leads.counts', {}, second.token);
    const stored = (await sqlGet<{ h: string }>(core, 'SELECT password_hash AS h FROM users WHERE id = 1'))!;
    expect(stored.h).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
    const tokens = await sqlAll<{ t: string }>(core, 'SELECT token_hash AS t FROM sessions');
    expect(tokens.every((r) => /^[0-9a-f]{64}$/.test(r.t) && r.t !== s.token)).toBe(true);
  });

  it('five wrong passwords lock the account for 15 minutes (the clock lifts it); an unknown user gets the same answer', async () => {
    const login = await managerLogin();
    for (let i = 0; i < 4; i++)
      expect(await code('auth.signIn', { login, password: `wrong ${i}` })).toBe('SIGN_IN_FAILED');
    const r = await call('auth.signIn', { login, password: 'wrong 5' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { until: clock.now() + 15 * MIN } });
    // Locked: even the right password is refused until then.
    expect(await code('auth.signIn', { login, password: managerPassword })).toBe('ACCOUNT_LOCKED');
    expect(await code('auth.signIn', { login: 'nobody@example.it', password: 'whatever' })).toBe('SIGN_IN_FAILED');
    clock.advance(14 * MIN);
    expect(await code('auth.signIn', { login, password: managerPassword })).toBe('ACCOUNT_LOCKED');
    clock.advance(MIN);
    expect((await signIn(login, managerPassword)).mustChangePassword).toBe(true);
    // A success starts the count again.
    const row = await sqlGet(core, 'SELECT failed_sign_ins AS f, locked_until AS l FROM users WHERE id = 1');
    expect(row).toEqual({ f: 0, l: null });
  });

  it('sessions end 12 h after sign-in, after 2 h unused, and at sign-out', async () => {
    const token = await ready(await managerLogin(), managerPassword, 'correct horse battery');
    for (let h = 1; h < 12; h++) {
      clock.advance(HOUR);
      await ok('leads.counts', {}, token);
    }
    clock.advance(HOUR);
    expect(await code('leads.counts', {}, token)).toBe('SESSION_EXPIRED');
    expect(await code('leads.counts', {}, token)).toBe('SIGN_IN_REQUIRED'); // ended, not revived
    const idle = (await signIn(await managerLogin(), 'correct horse battery')).token;
    clock.advance(2 * HOUR - 1);
    await ok('leads.counts', {}, idle);
    clock.advance(2 * HOUR);
    expect(await code('leads.counts', {}, idle)).toBe('SESSION_EXPIRED');
    const out = (await signIn(await managerLogin(), 'correct horse battery')).token;
    expect(await ok('auth.signOut', {}, out)).toEqual({ signedOut: true });
    expect(await code('leads.counts', {}, out)).toBe('SIGN_IN_REQUIRED');
    expect((await ok('auth.status', {}, out)).user).toBeNull();
  });

  it('the manager resets a password (shown once, must change, sessions ended, lock lifted); a clerk cannot', async () => {
    const mgr = await ready(await managerLogin(), managerPassword, 'correct horse battery');
    const anna = await ok<{ id: number }>(
      'people.save',
      { name: 'Anna Keller', email: 'anna@dealer.example', roles: ['booking_operator'] },
      mgr,
    );
    // Nobody can sign in without a password.
    expect(await code('auth.signIn', { login: 'Anna Keller', password: '' })).toBe('INVALID_INPUT');
    expect(await code('auth.signIn', { login: 'Anna Keller', password: 'anything at all' })).toBe('SIGN_IN_FAILED');
    const { temporaryPassword } = await ok<{ temporaryPassword: string }>(
      'people.resetPassword',
      { userId: anna.id },
      mgr,
    );
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const annaToken = await ready('ANNA@dealer.example', temporaryPassword, 'anna keller 2026!');
    expect(await code('people.resetPassword', { userId: 1 }, annaToken)).toBe('FORBIDDEN');
    expect(await code('people.save', { name: 'Anna Keller', roles: ['manager'], id: anna.id }, annaToken)).toBe(
      'FORBIDDEN',
    );
    for (let i = 0; i < 5; i++) await call('auth.signIn', { login: 'anna@dealer.example', password: 'guess' });
    expect(await code('auth.signIn', { login: 'anna@dealer.example', password: 'anna keller 2026!' })).toBe(
      'ACCOUNT_LOCKED',
    );
    const again = await ok<{ temporaryPassword: string }>('people.resetPassword', { userId: anna.id }, mgr);
    expect(await code('leads.counts', {}, annaToken)).toBe('SIGN_IN_REQUIRED'); // her session ended
    expect((await signIn('anna@dealer.example', again.temporaryPassword)).mustChangePassword).toBe(true);
    expect(await code('people.resetPassword', { userId: 999 }, mgr)).toBe('NOT_FOUND');
    // Deactivated: her sessions are refused, and the right password says so.
    const annaNext = await ready('anna@dealer.example', again.temporaryPassword, 'anna keller 2027!');
    await ok(
      'people.save',
      { id: anna.id, name: 'Anna Keller', email: 'anna@dealer.example', roles: ['booking_operator'], active: false },
      mgr,
    );
    expect(await code('leads.counts', {}, annaNext)).toBe('SIGN_IN_REQUIRED');
    expect(await code('auth.signIn', { login: 'anna@dealer.example', password: 'anna keller 2027!' })).toBe(
      'USER_INACTIVE',
    );
  });

  it('who acts is the signed-in person: their own leads only, history names them, no switching', async () => {
    const mgr = await ready(await managerLogin(), managerPassword, 'correct horse battery');
    const luc = await ok<{ id: number }>('people.save', { name: 'Luc Martin', roles: ['booking_operator'] }, mgr);
    const temp = (await ok<{ temporaryPassword: string }>('people.resetPassword', { userId: luc.id }, mgr))
      .temporaryPassword;
    const lucToken = await ready('luc martin', temp, 'le mot de passe de Luc');
    const mine = await ok<LeadDetail>('leads.create', baseLead({ assigneeId: 1 }), mgr);
    const contact = { direction: 'outbound', channel: 'phone', outcome: 'no_answer' };
    const onMine = { id: mine.lead.id, version: await versionOf(core, mine.lead.id), input: contact };
    expect(await code('leads.recordContact', onMine, lucToken)).toBe('NOT_YOUR_LEAD');
    const his = await ok<LeadDetail>('leads.create', baseLead({ assigneeId: luc.id, email: 'x@example.fr' }), lucToken);
    const after = await ok<LeadDetail>(
      'leads.recordContact',
      { id: his.lead.id, version: await versionOf(core, his.lead.id), input: contact },
      lucToken,
    );
    const names = new Set(after.history.filter((h) => h.at === clock.now()).map((h) => h.userName));
    expect(names).toEqual(new Set(['Luc Martin']));
    expect(await code('people.switch', { userId: 1 }, lucToken)).toBe('DESK_SWITCH_DISABLED');
    expect((await ok('people.current', {}, lucToken)).user.name).toBe('Luc Martin');
    expect((await ok('app.info', {}, lucToken)).currentUser).toEqual({ id: luc.id, name: 'Luc Martin' });
    // Each person has their own language: the manager's Italian is not Luc's, and the manager's name stays.
    expect((await ok('settings.setLanguage', { language: 'it' }, mgr)).language).toBe('it');
    expect((await ok('settings.get', {}, lucToken)).language).toBe('en');
    expect((await ok('settings.setLanguage', { language: 'fr' }, lucToken)).language).toBe('fr');
    expect((await ok('settings.get', {}, mgr)).language).toBe('it');
    expect((await core.people.get(1)).name).toBe('Front desk');
    // The backups served by the core host go through the same session check (here: the bare core's).
    expect(await code('backup.list', {})).toBe('SIGN_IN_REQUIRED');
  });

  it('demo data: every manager without a password gets a temporary one, answered once', async () => {
    const mgr = await ready(await managerLogin(), managerPassword, 'correct horse battery');
    const r = await ok<{ leads: number; passwords: { name: string; login: string; password: string }[] }>(
      'demo.load',
      { leads: 20, seed: 1 },
      mgr,
    );
    expect(r.passwords.map((p) => p.name)).toEqual(['Giulia Ferretti']); // the signed-in manager keeps hers
    expect(r.passwords[0]!.login).toBe('giulia.ferretti@dealer.example');
    expect((await signIn('giulia.ferretti@dealer.example', r.passwords[0]!.password)).mustChangePassword).toBe(true);
  });
});

describe('over HTTP', () => {
  it('the server passes the X-ASLM-Session header to the core as the session token', async () => {
    const web = await startWebServer({ core, staticDir: dir, port: 0 });
    try {
      const post = (channel: string, input: unknown, session?: string) =>
        fetch(new URL('/api/invoke', web.url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-ASLM-Token': web.token,
            ...(session ? { 'X-ASLM-Session': session } : {}),
          },
          body: JSON.stringify({ channel, input }),
        }).then((r) => r.json() as Promise<{ ok: boolean; value?: any; error?: { code: string } }>);
      expect((await post('leads.counts', {})).error?.code).toBe('SIGN_IN_REQUIRED');
      const s = await post('auth.signIn', { login: await managerLogin(), password: managerPassword });
      expect(s.ok).toBe(true);
      expect((await post('leads.counts', {}, s.value.token)).error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await post(
        'auth.changePassword',
        { current: managerPassword, next: 'over http 2026' },
        s.value.token,
      );
      expect(changed.ok).toBe(true);
      expect((await post('leads.counts', {}, s.value.token)).ok).toBe(true);
    } finally {
      await web.close();
    }
  });
});

describe('the core host (backups served beside the core)', () => {
  it('checks the session before its own channels too', async () => {
    core.close();
    const host = createCoreHost({
      dbPath: testDbPath(dir, 'hosted.sqlite'),
      clock,
      signIn: 'required',
      log: () => undefined,
    });
    try {
      const first = (await host.core()!.ensureFirstSignIn())!;
      const d = (channel: string, input: unknown, sessionToken?: string) =>
        host.dispatch(channel, input, { transport: 'http', ...(sessionToken ? { sessionToken } : {}) });
      const refused = await d('backup.create', {});
      expect(refused.ok ? null : refused.error.code).toBe('SIGN_IN_REQUIRED');
      expect((await d('shell.status', {})).ok).toBe(true); // public: the recovery screen's question
      const s = await d('auth.signIn', { login: first.login, password: first.password });
      const token = s.ok ? (s.value as { token: string }).token : '';
      const early = await d('backup.list', {}, token);
      expect(early.ok ? null : early.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await d('auth.changePassword', { current: first.password, next: 'the host manager' }, token)).ok).toBe(
        true,
      );
      const list = await d('backup.list', {}, token);
      // Past the session check: SQLite's file backups listed; on PostgreSQL the server's own tools keep its backups.
      if (ON_POSTGRES) expect(list.ok ? null : list.error.code).toBe('BACKUP_UNAVAILABLE_ON_POSTGRES');
      else expect(list.ok).toBe(true);
    } finally {
      host.close();
      core = createAppCore({ dbPath: testDbPath(dir), clock, log: () => undefined }); // for afterEach
    }
  });
});

describe('sign-in off (the local single-PC mode)', () => {
  it('acts as the person at the desk with no session; passwords are still set for later hosting', async () => {
    const app = openTestApp();
    try {
      const c = app.core;
      const d = (channel: string, input: unknown) => c.dispatch(channel, input, { transport: 'http' });
      const st = await d('auth.status', {});
      expect(st.ok && st.value).toEqual({
        signInRequired: false,
        user: { id: 1, name: 'Front desk', roles: ['manager'] },
        mustChangePassword: false,
      });
      expect((await d('leads.counts', {})).ok).toBe(true);
      const demo = await d('demo.load', { leads: 10, seed: 2 });
      expect(demo.ok && (demo.value as { passwords: { name: string }[] }).passwords.map((p) => p.name)).toEqual([
        'Front desk',
        'Giulia Ferretti',
      ]);
      // The person at the desk may still switch, and sets their own password (no current one yet → empty).
      const anna = await c.people.save({
        name: 'Anna',
        email: null,
        language: 'en',
        active: true,
        roles: [],
        absences: [],
      });
      expect((await d('people.switch', { userId: anna.id })).ok).toBe(true);
      expect((await d('auth.changePassword', { current: '', next: 'anna password 1' })).ok).toBe(true);
      const again = await d('auth.changePassword', { current: '', next: 'anna password 2' });
      expect(again.ok ? null : again.error.code).toBe('PASSWORD_WRONG');
      expect((await d('auth.signOut', {})).ok).toBe(true);
    } finally {
      app.close();
    }
  });
});
