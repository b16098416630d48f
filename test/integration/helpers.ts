// A real app core on a real SQLite file in a temp folder, with a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, sqliteCore, type AppCore, type SqliteAppCore } from '../../electron/core/appCore';
import { testClock, type TestClock } from '../../electron/core/clock';
import type { NewLeadInput } from '../../shared/contract/inputs';
import { leadsRepo } from '../../electron/store/repos/leads';

export interface TestApp {
  core: SqliteAppCore;
  clock: TestClock;
  dir: string;
  dbPath: string;
  close(): void;
}

export function openTestApp(start = Date.parse('2026-03-02T09:00:00Z'), timeZone = 'Europe/Rome'): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-test-'));
  const clock = testClock(start);
  const dbPath = join(dir, 'aslm.sqlite');
  const core = sqliteCore(createAppCore({ dbPath, clock, timeZone, validateOutput: true, log: () => undefined }));
  return {
    core,
    clock,
    dir,
    dbPath,
    close: () => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const baseLead = (over: Partial<NewLeadInput> = {}): NewLeadInput => ({
  firstName: 'Mario',
  lastName: 'Rossi',
  leadType: 'customer_driven',
  source: 'web',
  campaign: 'service_reminder',
  email: 'mario.rossi@example.it',
  phone: '+39 333 123 4567',
  language: 'it',
  ...over,
});

export async function ok<T = any>(core: AppCore, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input, { transport: 'test' });
  if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export async function err(core: AppCore, channel: string, input: unknown) {
  const r = await core.dispatch(channel, input, { transport: 'test' });
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}

/** The lead's current version, for an action that must carry the version the user saw (leads.* actions). */
export const versionOf = (core: AppCore, id: number): number =>
  leadsRepo(sqliteCore(core).store.sqlite).get(id)!.version;
