// Readers (electron/core/readers, docs/rules.md §12.3): worker threads with their own read-only connections answer
// the long reads exactly as the main core would (the quick ones stay on the main connection), see every committed
// write at once (settings too), act as the session's person, never make an action wait, and hand their calls back
// to the main core when they are gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { generateDemo } from '../../electron/core/demo/generate';
import { READER_CHANNELS } from '../../electron/core/readers/readChannels';
import { baseLead } from './helpers';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'aslm-readers-'));
const dbPath = join(dir, 'aslm.sqlite');
const clock = testClock(NOW);
let main: AppCore; // with two readers
let plain: AppCore; // the same file, no reader: what the main core alone answers

const call = async (core: AppCore, channel: string, input: unknown, userId?: number) => {
  const r = await core.dispatch(channel, input, { transport: 'test', ...(userId ? { userId } : {}) });
  if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
  return r.value as any;
};

beforeAll(async () => {
  const gen = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome', log: () => undefined });
  await generateDemo(gen.data, gen.settings, { leads: 3000, now: NOW, seed: 5 });
  gen.close();
  main = createAppCore({
    dbPath,
    clock,
    timeZone: 'Europe/Rome',
    validateOutput: true,
    readers: 2,
    log: () => undefined,
  });
  plain = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome', validateOutput: true, log: () => undefined });
  await main.readerPool!.started();
}, 120_000);
afterAll(async () => {
  await main.readerPool?.close();
  main.close();
  plain.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('readers', () => {
  it('answer the long reads as the main core does; the quick reads stay on the main connection', async () => {
    expect(main.readerPool!.ready()).toBe(2);
    const users = (await call(plain, 'people.list', {})).users as { id: number }[];
    const desk = users[2]!.id;
    const list = await call(plain, 'leads.list', { view: 'in_progress' });
    const ids = list.rows.map((r: { id: number }) => r.id).slice(0, 20);
    const long: [string, unknown, number?][] = [
      ['leads.list', { view: 'in_progress', search: 'ros' }],
      ['leads.list', { view: 'closed_no_sale', search: 'mar', sort: 'assignee', dir: 'desc', page: 1 }],
      ['leads.globalSearch', { q: 'mar' }],
      ['playbook.myDay', {}, desk],
      ['playbook.myDay', { dueOnly: true }, desk],
      ['playbook.list', {}],
      ['kpi.dashboard', { period: 'last-week' }],
      ['kpi.trend', { period: 'this-week', weeks: 4 }],
      ['kpi.leads', { filter: { metric: 'sla1_missed', from: NOW - 30 * 86_400_000, to: NOW, at: NOW } }],
    ];
    const quick: [string, unknown][] = [
      ['leads.list', { view: 'assigned' }],
      ['leads.list', { view: 'closed_no_sale', sort: 'assignee', dir: 'desc', page: 2, search: ' ' }],
      ['leads.counts', {}],
      ['leads.get', { id: ids[0] }],
      ['playbook.step', { id: ids[1] }],
      ['playbook.steps', { ids }],
    ];
    const before = main.readerPool!.served();
    for (const [channel, input, userId] of long)
      expect(await call(main, channel, input, userId), channel).toEqual(await call(plain, channel, input, userId));
    expect(main.readerPool!.served() - before).toBe(long.length);
    expect(new Set(long.map((c) => c[0]))).toEqual(READER_CHANNELS);
    for (const [channel, input] of quick)
      expect(await call(main, channel, input), channel).toEqual(await call(plain, channel, input));
    expect(main.readerPool!.served() - before).toBe(long.length);
  });

  it('see a write as soon as it is committed, settings included', async () => {
    const before = (await call(main, 'leads.counts', {})).counts.not_managed;
    const lead = (await call(main, 'leads.create', baseLead({ firstName: 'Zelda', lastName: 'Quaranta' }))).lead;
    expect((await call(main, 'leads.get', { id: lead.id })).lead.firstName).toBe('Zelda');
    expect((await call(main, 'leads.counts', {})).counts.not_managed).toBe(before + 1);
    const served = main.readerPool!.served();
    const found = await call(main, 'leads.list', { view: 'assigned', search: 'quaranta' });
    expect(found.rows.map((r: { id: number }) => r.id)).toEqual([lead.id]);
    expect(main.readerPool!.served()).toBe(served + 1);
    // The SLA hours change: the deadline of the reader's My day follows at once.
    const rules = (await call(main, 'settings.get', {})).rules;
    const deadline = async () =>
      ((await call(main, 'playbook.list', {})).rows as { leadId: number; step: { deadline: number | null } }[]).find(
        (r) => r.leadId === lead.id,
      )!.step.deadline;
    const due = (await call(main, 'leads.get', { id: lead.id })).sla.sla1DueAt;
    expect(await deadline()).toBe(due);
    await call(main, 'settings.setRules', { ...rules, sla1Hours: rules.sla1Hours + 24 });
    const after = (await call(main, 'leads.get', { id: lead.id })).sla.sla1DueAt;
    expect(after).not.toBe(due);
    expect(await deadline()).toBe(after);
  });

  it('never make an action wait for a read in progress', async () => {
    const lead = (await call(main, 'leads.create', baseLead({ firstName: 'Ugo' }))).lead;
    const order: string[] = [];
    const served = main.readerPool!.served();
    const read = main.dispatch('playbook.list', {}, { transport: 'test' }).then(() => order.push('read'));
    const act = main
      .dispatch(
        'leads.recordContact',
        { id: lead.id, version: lead.version, input: { direction: 'outbound', channel: 'phone', outcome: 'busy' } },
        { transport: 'test' },
      )
      .then((r) => order.push(r.ok ? 'action' : 'action failed'));
    await Promise.all([read, act]);
    expect(order).toEqual(['action', 'read']);
    expect(main.readerPool!.served()).toBe(served + 1);
  });

  it('hand the reads back to the main core once closed', async () => {
    const core = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome', readers: 1, log: () => undefined });
    await core.readerPool!.started();
    const a = await call(core, 'leads.globalSearch', { q: 'ros' });
    expect(core.readerPool!.served()).toBe(1);
    await core.readerPool!.close();
    expect(await call(core, 'leads.globalSearch', { q: 'ros' })).toEqual(a);
    expect(core.readerPool!.served()).toBe(1);
    core.close();
  });
});

describe('readers with sign-in', () => {
  it('refuse a call without a session and act as the session’s person', async () => {
    const core = createAppCore({
      dbPath,
      clock,
      timeZone: 'Europe/Rome',
      readers: 1,
      signIn: 'required',
      log: () => undefined,
    });
    try {
      await core.readerPool!.started();
      const none = await core.dispatch('leads.list', { view: 'assigned' }, { transport: 'host' });
      expect(none).toEqual({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
      const person = core
        .store!.sqlite.prepare(
          'SELECT u.id, u.email FROM users u WHERE u.email IS NOT NULL AND u.id > 2 ORDER BY u.id LIMIT 1',
        )
        .get() as { id: number; email: string };
      const password = 'Reader test 2026 ok';
      await core.auth.changePassword(person.id, await core.auth.resetPassword(person.id), password);
      const s = await core.auth.signIn(person.email, password);
      // The caller names someone else: the session's person acts all the same.
      const mine = await core.dispatch('playbook.myDay', {}, { transport: 'host', sessionToken: s.token, userId: 1 });
      expect(mine.ok).toBe(true);
      const rows = (mine as { value: { rows: { assigneeId: number | null }[] } }).value.rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.assigneeId === person.id)).toBe(true);
      expect(core.readerPool!.served()).toBe(1);
    } finally {
      await core.readerPool?.close();
      core.close();
    }
  });
});
