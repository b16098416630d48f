// shell.boot: the first screen's reads in one call (cold start). Each of its calls must answer exactly what the same
// call alone answers — same inputs as the screens send (so the renderer finds them), same checks (sign-in).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { firstPageInput, DEFAULT_URL_STATE } from '../../shared/contract/listQuery';
import { baseLead, openTestApp, type TestApp } from './helpers';

type Call = { channel: string; input: unknown; reply: { ok: boolean; value?: unknown; error?: { code: string } } };
let app: TestApp | undefined;
let signed: { core: AppCore; dir: string } | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  if (signed) {
    signed.core.close();
    rmSync(signed.dir, { recursive: true, force: true });
    signed = undefined;
  }
});

async function boot(core: AppCore, input: unknown, sessionToken?: string): Promise<Call[]> {
  const r = await core.dispatch('shell.boot', input, { transport: 'http', ...(sessionToken ? { sessionToken } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { calls: Call[] }).calls;
}

describe('shell.boot', () => {
  it('answers each start-up call as the call alone does, the list page with the person’s page size and its next steps', async () => {
    app = openTestApp();
    for (let i = 0; i < 3; i++)
      await app.core.dispatch('leads.create', baseLead({ lastName: `Boot${i}` }), { transport: 'test' });
    await app.core.dispatch(
      'desk.listPrefs.set',
      { order: [], hidden: [], widths: {}, pageSize: 25 },
      { transport: 'test' },
    );
    const url = { ...DEFAULT_URL_STATE, sort: 'name' as const, dir: 'desc' as const };
    const calls = await boot(app.core, { list: { view: 'assigned', ...url } });
    expect(calls.find((c) => c.channel === 'app.info')!.reply).toMatchObject({ value: { hasLeads: true } });
    expect(calls.map((c) => c.channel)).toEqual([
      'shell.status',
      'desk.listPrefs.get',
      'people.current',
      'settings.get',
      'auth.status',
      'app.info',
      'leads.counts',
      'people.list',
      'notifications.list',
      'leads.list',
      'playbook.steps',
    ]);
    const list = calls.find((c) => c.channel === 'leads.list')!;
    // The input the list screen itself makes: the address's state, the stored page size.
    expect(list.input).toEqual(firstPageInput('assigned', url, 25, 1));
    for (const c of calls) expect(c.reply).toEqual(await app.core.dispatch(c.channel, c.input, { transport: 'http' }));
    const rows = (list.reply.value as { rows: { id: number }[] }).rows;
    expect(rows.map((r) => r.id)).toHaveLength(3);
    expect(calls.at(-1)!.input).toEqual({ ids: rows.map((r) => r.id) });
  });

  it('another screen: no list; an empty list: no next steps; bad input refused as a whole', async () => {
    app = openTestApp();
    // A new database: the list shows the empty state (app.info says there is no lead, without counting them).
    const info = (await boot(app.core, {})).find((c) => c.channel === 'app.info')!;
    expect(info.reply).toMatchObject({ ok: true, value: { hasLeads: false } });
    expect((await boot(app.core, {})).map((c) => c.channel)).not.toContain('leads.list');
    const calls = await boot(app.core, { list: { view: 'lost', ...DEFAULT_URL_STATE } });
    expect(calls.at(-1)!.channel).toBe('leads.list');
    const bad = await app.core.dispatch(
      'shell.boot',
      { list: { view: 'nope', ...DEFAULT_URL_STATE } },
      { transport: 'http' },
    );
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const who = await app.core.dispatch(
      'shell.boot',
      { list: { view: 'lost', ...DEFAULT_URL_STATE, who: 'x' } },
      { transport: 'http' },
    );
    expect(who.ok).toBe(false);
  });

  it('with sign-in: without a session only what the sign-in screen may read answers; with one, everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslm-boot-'));
    const core = createAppCore({
      dbPath: join(dir, 'aslm.sqlite'),
      clock: testClock(Date.parse('2026-03-02T09:00:00Z')),
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      signIn: 'required',
    });
    signed = { core, dir };
    const password = (await core.ensureFirstSignIn())!.password;
    const list = { view: 'assigned', ...DEFAULT_URL_STATE };
    const anonymous = await boot(core, { list });
    const byChannel = new Map(anonymous.map((c) => [c.channel, c.reply]));
    expect(byChannel.get('shell.status')!.ok).toBe(true);
    expect(byChannel.get('auth.status')!.ok).toBe(true);
    expect(byChannel.get('settings.get')!.error?.code).toBe('SIGN_IN_REQUIRED');
    expect(byChannel.get('people.list')!.error?.code).toBe('SIGN_IN_REQUIRED');
    expect(byChannel.has('leads.list')).toBe(false); // the list asks once signed in
    const s = await core.dispatch('auth.signIn', { login: 'front desk', password }, { transport: 'http' });
    const token = (s as { value: { token: string } }).value.token;
    await core.dispatch(
      'auth.changePassword',
      { current: password, next: 'correct horse battery' },
      { transport: 'http', sessionToken: token },
    );
    const mine = await boot(core, { list: { ...list, who: 'mine' } }, token);
    for (const c of mine) expect(c.reply.ok, c.channel).toBe(true);
    expect(mine.find((c) => c.channel === 'leads.list')!.input).toMatchObject({ assigneeId: 1, unassigned: true });
  });
});
