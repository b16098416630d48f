import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract } from '../../shared/contract';
import { defineContract } from '../../shared/contract/define';
import { createDispatcher } from '../../electron/core/dispatch';
import { IPC_CHANNEL, registerIpc, type IpcEventLike } from '../../electron/main/ipc';
import { baseLead, openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.close());

describe('the contract', () => {
  it.each(CHANNEL_NAMES)('%s refuses malformed input with a typed error', async (channel) => {
    for (const bad of ['x', 42, null, [1, 2], { id: 'DROP TABLE' }]) {
      // demo.load takes `{ id }` as its default (2,000 demo leads): no refusal to check there, demo.test.ts loads demos.
      if (channel === 'demo.load' && contract[channel].input.safeParse(bad).success) continue;
      const r = await app.core.dispatch(channel, bad, { transport: 'test' });
      if (r.ok) {
        // Only inputs the schema really accepts may pass (e.g. an object with unknown keys stripped).
        expect(contract[channel].input.safeParse(bad).success).toBe(true);
      } else if (app.core.data.kind === 'postgres' && r.error.code === 'BACKUP_UNAVAILABLE_ON_POSTGRES') {
        // On PostgreSQL the file backups are refused (postgresBackupApi) — once the input passed the schema.
        expect(channel).toMatch(/^backup\./);
        expect(contract[channel].input.safeParse(bad).success).toBe(true);
      } else {
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(r.error.code);
        if (r.error.code === 'INVALID_INPUT') expect(contract[channel].input.safeParse(bad).success).toBe(false);
      }
    }
  });

  it('every lead action requires the version the user saw: without it, it is refused and nothing is written', async () => {
    const d = await app.core.dispatch('leads.create', baseLead({ lastName: 'Senzaversione' }), { transport: 'test' });
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    const { id, version } = (d.value as { lead: { id: number; version: number } }).lead;
    const inputs: Record<string, unknown> = {
      'leads.edit': { customerNotes: 'x' },
      'leads.recordContact': { direction: 'outbound', channel: 'phone', outcome: 'reached' },
      'leads.makeAppointment': { appointmentAt: Date.parse('2026-03-10T10:00:00Z') },
      'leads.closedInSale': { vin: null, notes: null },
      'leads.closedNoSale': { reason: 'customer_refuses', notes: null },
      'leads.contactAgain': { recontactAt: Date.parse('2026-04-10T10:00:00Z') },
    };
    for (const [channel, input] of Object.entries(inputs)) {
      for (const v of [undefined, null]) {
        const r = await app.core.dispatch(
          channel,
          { id, ...(v === undefined ? {} : { version: v }), input },
          { transport: 'test' },
        );
        expect([channel, r.ok ? 'ok' : r.error.code, r.ok ? null : r.error.field]).toEqual([
          channel,
          'INVALID_INPUT',
          'version',
        ]);
      }
    }
    const mail = await app.core.dispatch('playbook.sendEmail', { id }, { transport: 'test' });
    expect([mail.ok ? 'ok' : mail.error.code, mail.ok ? null : mail.error.field]).toEqual(['INVALID_INPUT', 'version']);
    expect((await app.core.leads.load(id)).version).toBe(version);
    const stale = await app.core.dispatch(
      'leads.edit',
      { id, version: version + 1, input: { customerNotes: 'x' } },
      { transport: 'test' },
    );
    expect(stale.ok ? 'ok' : stale.error.code).toBe('VERSION_CONFLICT');
  });

  it('an unknown or forged channel is refused', async () => {
    for (const c of ['leads.delete', '__proto__', 'constructor', 'toString', '', 'leads.list ']) {
      const r = await app.core.dispatch(c, {}, { transport: 'test' });
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('over Electron IPC: a forged sender, channel or input is refused by the real dispatcher', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<any>>();
    /** An IPC from the main frame of the window showing `url` (senderFrame === sender.mainFrame, as Electron gives it). */
    const from = (url: string): IpcEventLike => {
      const frame = { url, parent: null };
      return { senderFrame: frame, sender: { mainFrame: frame } };
    };
    registerIpc(
      {
        handle: (c, fn) => {
          handlers.set(c, fn as never);
        },
      },
      app.core.dispatch,
    );
    const h = handlers.get(IPC_CHANNEL)!;
    const me = from('app://aslm/index.html');
    for (const channel of [
      '__proto__',
      'constructor',
      'valueOf',
      42,
      null,
      undefined,
      ['leads.list'],
      { channel: 'leads.list' },
      Symbol('x'),
    ]) {
      expect(await h(me, channel, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect((await h(from('file:///C:/x.html'), 'leads.list', { view: 'assigned' })).error.code).toBe(
      'FORBIDDEN_SENDER',
    );
    expect((await h(from('app://aslm.evil.example/'), 'leads.list', { view: 'assigned' })).error.code).toBe(
      'FORBIDDEN_SENDER',
    );
    expect((await h(me, 'leads.list', { view: 'assigned', search: 'x'.repeat(1_000_000) })).error.code).toBe(
      'INVALID_INPUT',
    );
    expect((await h(me, 'leads.list', { view: 'assigned; DROP TABLE leads' })).error.code).toBe('INVALID_INPUT');
    const polluted = JSON.parse('{"view":"assigned","__proto__":{"polluted":true}}');
    expect((await h(me, 'leads.list', polluted)).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await h(me, 'leads.list', { view: 'assigned' })).ok).toBe(true);
  });

  it('a channel defined twice is a programming error', () => {
    const g = { 'a.b': { input: z.object({}), output: z.object({}) } };
    expect(() => defineContract(g, g)).toThrow(/Duplicate channel/);
  });

  it('registration refuses a missing handler and a handler for an unknown channel', () => {
    const c = { 'a.b': { input: z.object({}), output: z.object({}) } };
    const log = () => undefined;
    expect(() => createDispatcher(c, {} as never, { validateOutput: false, log })).toThrow(/No handler/);
    expect(() =>
      createDispatcher(c, { 'a.b': () => ({}), 'x.y': () => ({}) } as never, { validateOutput: false, log }),
    ).toThrow(/does not have/);
  });

  it('an exception inside a handler becomes INTERNAL, never a stack trace', async () => {
    const c = { 'a.b': { input: z.object({}), output: z.object({}) } };
    const d = createDispatcher(
      c,
      {
        'a.b': () => {
          throw new Error('secret path /etc/x');
        },
      },
      { validateOutput: false, log: () => undefined },
    );
    expect(await d('a.b', {}, { transport: 'test' })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });
});
