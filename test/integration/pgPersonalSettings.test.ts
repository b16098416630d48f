// Settings held per person in one key (a list layout per person: `desk.listPrefs`; a site chosen per person:
// `sites.choice`) with two app cores on one PostgreSQL database (issue 15). Each core caches the settings; a person's
// write changes only their own entry, in the database (never the other core's cached map written back over another
// person's entry), and a person's layout is read as stored, whichever core they reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { DEFAULT_LIST_PREFS } from '../../shared/contract/lists';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { ok } from './helpers';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const T0 = Date.parse('2026-03-02T09:00:00Z');

describe.skipIf(SKIP_PG)('per-person settings with two cores on PostgreSQL', () => {
  let database: PgTestDatabase;
  let A: AppCore;
  let B: AppCore;
  const people: number[] = [];

  const open = () =>
    createAppCore({
      dbPath: database.url,
      clock: testClock(T0),
      timeZone: 'Europe/Rome',
      validateOutput: true,
      log: () => undefined,
      pg: { leaderPollMs: 50, listenRetryMs: 50 },
    });
  const as = async (core: AppCore, userId: number, channel: string, input: unknown) => {
    const r = await core.dispatch(channel, input, { transport: 'test', userId });
    if (!r.ok) throw new Error(`${channel} → ${JSON.stringify(r.error)}`);
    return r.value as Record<string, unknown>;
  };

  beforeAll(async () => {
    database = await createPgTestDatabase('personal_settings');
    A = open();
    B = open();
    await Promise.all([A.ready, B.ready]);
    for (const name of ['Sara Bianchi', 'Luca Neri', 'Anna Verdi'])
      people.push(
        (await ok(A, 'people.save', { name, email: '', language: 'it', active: true, roles: ['service_advisor'] }))
          .id as number,
      );
    // Both cores have read the layouts (none yet) and the site choices: each core's cache holds them.
    for (const core of [A, B]) for (const id of people) await as(core, id, 'desk.listPrefs.get', {});
  });
  afterAll(async () => {
    for (const core of [A, B].filter(Boolean)) {
      core.close();
      await core.closed;
    }
    await database?.drop();
  });

  it('layouts saved by different people on different cores: each kept, each read back on either core', async () => {
    const [sara, luca, anna] = people as [number, number, number];
    const layout = (pageSize: 25 | 100 | 200) => ({ ...DEFAULT_LIST_PREFS, pageSize });
    await as(A, sara, 'desk.listPrefs.set', layout(25));
    await as(B, luca, 'desk.listPrefs.set', layout(100)); // B's cached map never had Sara's
    await Promise.all([
      as(A, anna, 'desk.listPrefs.set', layout(200)),
      as(B, sara, 'desk.listPrefs.set', { ...layout(25), hidden: ['source'] }),
    ]);
    for (const core of [A, B]) {
      expect(await as(core, sara, 'desk.listPrefs.get', {})).toMatchObject({ pageSize: 25, hidden: ['source'] });
      expect(await as(core, luca, 'desk.listPrefs.get', {})).toMatchObject({ pageSize: 100 });
      expect(await as(core, anna, 'desk.listPrefs.get', {})).toMatchObject({ pageSize: 200 });
    }
  });

  it('sites chosen by different people on different cores: each choice kept, seen by the other core', async () => {
    const [sara, luca] = people as [number, number];
    await ok(A, 'sites.save', { code: 'S2', name: 'Autohaus Süd' });
    // Managers choose the site in view; people of a site are at theirs: Sara and Luca made group-wide managers.
    for (const id of [sara, luca]) {
      const u = (await ok(A, 'people.list', {})).users.find((x: { id: number }) => x.id === id);
      await ok(A, 'people.save', { ...u, roles: ['manager'], siteId: null });
    }
    for (const core of [A, B])
      expect(await as(core, sara, 'sites.list', {})).toMatchObject({ scope: { siteId: null } });
    await as(A, sara, 'sites.choose', { siteId: 2 });
    // B reads the sites again (30 s after, or at once after a site saved there): the choices made through A with them.
    await ok(B, 'sites.save', { id: 2, code: 'S2', name: 'Autohaus Süd-Ost' });
    expect(await as(B, sara, 'sites.list', {})).toMatchObject({ scope: { siteId: 2 } });
    await as(B, luca, 'sites.choose', { siteId: 1 });
    const stored = await A.data.repos.settings.value('sites.choice');
    expect(JSON.parse(stored!)).toMatchObject({ [sara]: 2, [luca]: 1 });
  });
});
