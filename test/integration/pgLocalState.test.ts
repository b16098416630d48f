// Who is at a PC's desk and the PC's language with two app cores on one PostgreSQL database (issue 15): each core's
// own (electron/core/multiCore/localState.ts), never the other PC's switch or language choice — before and after the
// core loads its settings again on another core's `settings.changed`, and after a restart. The database's `language`
// is the group's: a new PC starts in it, the first-run setup's choice sets it, later choices at a desk do not. A local
// file that cannot be read: the defaults, logged, never a crash.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { ok } from './helpers';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const T0 = Date.parse('2026-03-02T09:00:00Z');

describe.skipIf(SKIP_PG)('per-PC desk user and language with two cores on PostgreSQL', () => {
  let database: PgTestDatabase;
  let dir: string;
  const cores = new Map<string, AppCore>();
  const logs = new Map<string, string[]>();
  let frontDesk: number;
  let sara: number;
  let luca: number;

  /** The core of PC `pc` (its own local file); opened again after `restart`. */
  const open = async (pc: string): Promise<AppCore> => {
    const lines: string[] = [];
    logs.set(pc, lines);
    const core = createAppCore({
      dbPath: database.url,
      clock: testClock(T0),
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: (msg) => lines.push(msg),
      pg: { leaderPollMs: 50, listenRetryMs: 50, localStatePath: join(dir, `${pc}.json`) },
    });
    cores.set(pc, core);
    await core.ready;
    return core;
  };
  const close = async (pc: string) => {
    const core = cores.get(pc)!;
    cores.delete(pc);
    core.close();
    await core.closed;
  };
  const restart = async (pc: string) => {
    await close(pc);
    return open(pc);
  };
  const actor = async (core: AppCore) => (await ok(core, 'app.info', {})).currentUser?.id as number;
  const language = async (core: AppCore) => (await ok(core, 'settings.get', {})).language as string;
  /** Resolves once `core` heard another core's `settings.changed` and loaded its settings again. */
  const reloaded = (core: AppCore) =>
    new Promise<void>((resolve) => {
      core.events.on((e, { remote }) => {
        if (remote && e.type === 'settings.changed') resolve();
      });
    }).then(() => core.settings.ready);

  beforeAll(async () => {
    database = await createPgTestDatabase('local_state');
    dir = mkdtempSync(join(tmpdir(), 'aslm-local-state-'));
    await open('A');
    await open('B');
    const A = cores.get('A')!;
    frontDesk = await actor(A);
    const save = async (name: string, lang: string) =>
      (await ok(A, 'people.save', { name, email: '', language: lang, active: true, roles: ['service_advisor'] }))
        .id as number;
    sara = await save('Sara Bianchi', 'it');
    luca = await save('Luca Neri', 'de');
  });
  afterAll(async () => {
    for (const pc of [...cores.keys()]) await close(pc);
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the language chosen during the first-run setup is the group’s: a new PC starts in it', async () => {
    const [A, B] = [cores.get('A')!, cores.get('B')!];
    await ok(A, 'settings.setLanguage', { language: 'fr' });
    await ok(A, 'settings.setSetupDone', { done: true });
    expect(A.settings.groupLanguage()).toBe('fr');
    expect(await language(A)).toBe('fr');
    // B never chose: the group's language, read again with the settings on A's settings.changed.
    await B.settings.load();
    expect(await language(B)).toBe('fr');
    const C = await open('C');
    expect(await language(C)).toBe('fr');
    expect(await actor(C)).toBe(frontDesk);
    await close('C');
  });

  it('a switch on A does not change who acts on B: before and after B reloads, after B restarts', async () => {
    let [A, B] = [cores.get('A')!, cores.get('B')!];
    await ok(A, 'people.switch', { userId: sara });
    expect(await actor(A)).toBe(sara);
    expect(await language(A)).toBe('it');
    expect(await actor(B)).toBe(frontDesk);
    expect(await language(B)).toBe('fr');

    // Another core's shared settings write: B loads its settings again and still acts as its own person.
    const heard = reloaded(B);
    // (as the manager, signed in elsewhere: Sara, at A's desk, may not)
    const dealer = { name: 'Autohaus Nord', email: '', phone: '', address: '' };
    const r = await A.dispatch('settings.setDealer', dealer, { transport: 'test', userId: frontDesk });
    expect(r.ok).toBe(true);
    await heard;
    expect(B.settings.get('dealer').name).toBe('Autohaus Nord');
    expect(await actor(B)).toBe(frontDesk);
    expect(await language(B)).toBe('fr');

    await ok(B, 'people.switch', { userId: luca });
    expect([await actor(A), await actor(B)]).toEqual([sara, luca]);
    expect([await language(A), await language(B)]).toEqual(['it', 'de']);

    B = await restart('B');
    expect([await actor(B), await language(B)]).toEqual([luca, 'de']);
    A = await restart('A');
    expect([await actor(A), await language(A)]).toEqual([sara, 'it']);
    // Nothing per PC in the shared table: the group's language is still the setup's.
    expect([A.settings.groupLanguage(), B.settings.groupLanguage()]).toEqual(['fr', 'fr']);
    expect(A.settings.isSet('desk.currentUser')).toBe(true);
  });

  it('a language chosen on A is A’s only (kept over a restart), the group’s stays', async () => {
    let A = cores.get('A')!;
    const B = cores.get('B')!;
    expect((await ok(A, 'settings.setLanguage', { language: 'en' })).language).toBe('en');
    await B.settings.load();
    expect(await language(B)).toBe('de');
    A = await restart('A');
    expect(await language(A)).toBe('en');
    expect(await actor(A)).toBe(sara);
    // Sara's remembered language followed her choice (people's own languages are shared).
    expect((await ok(B, 'people.list', {})).users.find((u: { id: number }) => u.id === sara).language).toBe('en');
    expect(A.settings.groupLanguage()).toBe('fr');
    expect(JSON.parse(readFileSync(join(dir, 'A.json'), 'utf8'))).toEqual({ 'desk.currentUser': sara, language: 'en' });
  });

  it('a local file that is not JSON, or does not fit: the defaults, logged, no crash; the next choice rewrites it', async () => {
    for (const [pc, text] of [
      ['D', '{"desk.currentUser": 4'],
      ['E', JSON.stringify({ 'desk.currentUser': 'Sara', language: 'xx' })],
    ] as const) {
      writeFileSync(join(dir, `${pc}.json`), text);
      const core = await open(pc);
      expect(await actor(core)).toBe(frontDesk);
      expect(await language(core)).toBe('fr');
      expect(logs.get(pc)!.some((l) => l.startsWith('local state:'))).toBe(true);
      await ok(core, 'people.switch', { userId: luca });
      expect(JSON.parse(readFileSync(join(dir, `${pc}.json`), 'utf8'))).toEqual({
        'desk.currentUser': luca,
        language: 'de',
      });
      expect([await actor(core), await language(core)]).toEqual([luca, 'de']);
      await close(pc);
    }
    // The other PCs kept theirs.
    expect([await actor(cores.get('A')!), await actor(cores.get('B')!)]).toEqual([sara, luca]);
  });
});
