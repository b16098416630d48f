import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract } from '../../shared/contract';
import { defineContract } from '../../shared/contract/define';
import { createDispatcher } from '../../electron/core/dispatch';
import { openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeAll(() => { app = openTestApp(); });
afterAll(() => app.close());

describe('the contract', () => {
  it.each(CHANNEL_NAMES)('%s refuses malformed input with a typed error', async (channel) => {
    for (const bad of ['x', 42, null, [1, 2], { id: 'DROP TABLE' }]) {
      const r = await app.core.dispatch(channel, bad, { transport: 'test' });
      if (r.ok) {
        // Only inputs the schema really accepts may pass (e.g. an object with unknown keys stripped).
        expect(contract[channel].input.safeParse(bad).success).toBe(true);
      } else {
        expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(r.error.code);
        if (r.error.code === 'INVALID_INPUT') expect(contract[channel].input.safeParse(bad).success).toBe(false);
      }
    }
  });

  it('an unknown or forged channel is refused', async () => {
    for (const c of ['leads.delete', '__proto__', 'constructor', 'toString', '', 'leads.list ']) {
      const r = await app.core.dispatch(c, {}, { transport: 'test' });
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('a channel defined twice is a programming error', () => {
    const g = { 'a.b': { input: z.object({}), output: z.object({}) } };
    expect(() => defineContract(g, g)).toThrow(/Duplicate channel/);
  });

  it('registration refuses a missing handler and a handler for an unknown channel', () => {
    const c = { 'a.b': { input: z.object({}), output: z.object({}) } };
    const log = () => undefined;
    expect(() => createDispatcher(c, {} as never, { validateOutput: false, log })).toThrow(/No handler/);
    expect(() => createDispatcher(c, { 'a.b': () => ({}), 'x.y': () => ({}) } as never, { validateOutput: false, log })).toThrow(/does not have/);
  });

  it('an exception inside a handler becomes INTERNAL, never a stack trace', async () => {
    const c = { 'a.b': { input: z.object({}), output: z.object({}) } };
    const d = createDispatcher(c, { 'a.b': () => { throw new Error('secret path /etc/x'); } }, { validateOutput: false, log: () => undefined });
    expect(await d('a.b', {}, { transport: 'test' })).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });
});
