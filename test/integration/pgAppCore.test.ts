// The app core on PostgreSQL (issue 15): `createAppCore({ dbPath: 'postgres://…' })` on a throwaway database, driven
// through `dispatch` only, beside a core on a SQLite file with the same clock: every reply the same. Then the CLI
// with `--db postgres://…`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock, type TestClock } from '../../electron/core/clock';
import type { Reply } from '../../shared/contract/errors';
import pgLib from 'pg';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { baseLead } from './helpers';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const T0 = Date.parse('2026-03-02T09:00:00Z'); // Monday 10:00 in Rome, week 2026-W10
const H = 3_600_000;

describe.skipIf(SKIP_PG)('the app core on PostgreSQL, through dispatch, as on SQLite', () => {
  let db: PgTestDatabase;
  let dir: string;
  let clock: TestClock;
  let lite: AppCore;
  let pg: AppCore;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createPgTestDatabase('app_core');
    dir = mkdtempSync(join(tmpdir(), 'aslm-pgcore-'));
    // The SMTP password's key (no file beside a PostgreSQL database): here, not in the user's ~/.aslm-desk.
    process.env.ASLM_KEY_FILE = join(dir, 'aslm.key');
    clock = testClock(T0);
    const common = { clock, timeZone: 'Europe/Rome', validateOutput: true, log: (m: string) => void logged.push(m) };
    lite = createAppCore({ dbPath: join(dir, 'aslm.sqlite'), ...common });
    // Its per-PC desk user and language (multiCore/localState.ts): here too.
    pg = createAppCore({
      dbPath: db.url.replace(/^postgres:/, 'postgresql:'),
      ...common,
      pg: { localStatePath: join(dir, 'pg.local.json') },
    });
    await Promise.all([lite.ready, pg.ready]);
  }, 60_000);
  afterAll(async () => {
    delete process.env.ASLM_KEY_FILE;
    lite?.close();
    pg?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The call on both cores, one after the other (the same clock): both replies. */
  const both = async (channel: string, input: unknown, ctx = { transport: 'test' as const }) => {
    const s = await lite.dispatch(channel, input, ctx);
    const p = await pg.dispatch(channel, input, ctx);
    return { s, p };
  };
  /** The call on both: the same successful reply, its value. */
  async function same<T = any>(channel: string, input: unknown): Promise<T> {
    const { s, p } = await both(channel, input);
    if (!s.ok) throw new Error(`${channel} on SQLite → ${JSON.stringify(s.error)}`);
    expect(p, channel).toEqual(s);
    return (s as Extract<Reply<unknown>, { ok: true }>).value as T;
  }
  const version = async (id: number) => (await same<{ lead: { version: number } }>('leads.get', { id })).lead.version;

  it('starts ready: the first user, the first rules, the frame', async () => {
    const info = await same<{ currentUser: { id: number; name: string }; hasLeads: boolean }>('app.info', {});
    expect(info.currentUser).toEqual({ id: 1, name: 'Front desk' });
    expect(info.hasLeads).toBe(false);
    expect((await same('settings.get', {})).rules.timeZone).toBe('Europe/Rome');
    expect(await same('people.current', {})).toMatchObject({ user: { id: 1 }, canManage: true });
    expect(await same('auth.status', {})).toMatchObject({ signInRequired: false, user: { id: 1 } });
  });

  it('settings, people, leads, contacts, lists, search, lead page, playbook, KPI dashboard, a sweep', async () => {
    // Settings: set and read back (the language renames the first person, as a new database's).
    await same('settings.setLanguage', { language: 'it' });
    expect((await same('settings.get', {})).language).toBe('it');
    await same('workshop.setCapacity', { capacity: 6 });
    // People.
    const sara = await same<{ id: number }>('people.save', {
      name: 'Sara Bianchi',
      email: 'sara@example.it',
      language: 'it',
      active: true,
      roles: ['service_advisor'],
      absences: [{ from: '2026-03-20', to: '2026-03-22' }],
    });
    expect((await same<{ users: unknown[] }>('people.list', {})).users).toHaveLength(2);
    // Leads: created, contacted, an appointment, one of them Sara's.
    const ids: number[] = [];
    const people = [
      { lastName: 'Rossi', email: 'mario.rossi@example.it', vin: 'ZFA31200000123456', assigneeId: 1 },
      { firstName: 'Jürgen', lastName: 'Müller', email: 'jm@example.de', language: 'de' as const },
      { firstName: 'Anna', lastName: 'Verdi', email: 'anna@example.it', assigneeId: sara.id },
      { firstName: 'Luca', lastName: 'Neri', phone: '+39 02 1234 5678', email: null },
    ];
    for (const over of people) {
      clock.advance(7 * 60_000);
      // The reply's lead the same; its page read again after the call (below): on SQLite the reply's read waits for
      // the new lead's alert transaction (one connection), on PostgreSQL it may run before that commits.
      const { s, p } = await both('leads.create', baseLead(over));
      if (!s.ok || !p.ok) throw new Error(`leads.create → ${JSON.stringify([s, p])}`);
      const lead = (s.value as { lead: { id: number } }).lead;
      expect((p.value as { lead: unknown }).lead).toEqual(lead);
      await same('leads.get', { id: lead.id });
      ids.push(lead.id);
    }
    const [rossi, muller, verdi, neri] = ids as [number, number, number, number];
    clock.advance(H);
    const contact = { direction: 'outbound', channel: 'phone', outcome: 'no_answer', verbatim: null, answer: null };
    await same('leads.recordContact', { id: rossi, version: await version(rossi), input: contact });
    clock.advance(H);
    await same('leads.recordContact', {
      id: muller,
      version: await version(muller),
      input: { ...contact, outcome: 'reached' },
    });
    await same('leads.makeAppointment', {
      id: muller,
      version: await version(muller),
      input: { appointmentAt: T0 + 26 * H, sendEmail: false },
    });
    clock.advance(H);
    await same('leads.recordContact', {
      id: neri,
      version: await version(neri),
      input: { ...contact, outcome: 'reached' },
    });
    await same('leads.closedNoSale', {
      id: neri,
      version: await version(neri),
      input: { reason: 'customer_refuses', notes: null },
    });
    // The list views, their counts, the search, the lead page.
    for (const view of ['assigned', 'not_managed', 'in_progress', 'closed_sale', 'closed_no_sale', 'lost'])
      for (const sort of [undefined, 'name'])
        await same('leads.list', { view, ...(sort ? { sort } : {}), pageSize: 50 });
    await same('leads.list', { view: 'assigned', search: 'rossi' });
    expect(await same('leads.counts', {})).toBeTruthy();
    const found = await same<{ groups: { rows: { id: number }[] }[] }>('leads.globalSearch', { q: 'muller' });
    expect(found.groups.flatMap((g) => g.rows.map((r) => r.id))).toEqual([muller]);
    await same('leads.globalSearch', { q: '02 1234' });
    for (const id of ids) await same('leads.get', { id });
    await same('desk.vehicleLookup', { vin: 'ZFA31200000123456' });
    // The playbook: steps, My day, the list.
    await same('playbook.step', { id: rossi });
    await same('playbook.steps', { ids });
    await same('playbook.myDay', {});
    await same('playbook.list', {});
    // The KPI dashboard and its click-through.
    const dash = await same<{ totals: { assigned: number } }>('kpi.dashboard', { period: '2026-W10' });
    expect(dash.totals.assigned).toBe(4);
    await same('kpi.sla', {});
    // Who acts and the permission check: Sara at the desk works her own lead only.
    await same('people.switch', { userId: sara.id });
    expect(await same('app.info', {})).toMatchObject({
      hasLeads: true,
      currentUser: { id: sara.id, name: 'Sara Bianchi' },
    });
    const theirs = await both('leads.recordContact', { id: rossi, version: await version(rossi), input: contact });
    expect(theirs.p).toEqual(theirs.s);
    expect(theirs.p.ok ? null : theirs.p.error.code).toBe('NOT_YOUR_LEAD');
    await same('leads.recordContact', { id: verdi, version: await version(verdi), input: contact });
    await same('leads.get', { id: verdi });
    await same('people.switch', { userId: 1 });
    // A sweep 61 days later: Lost Sale and the appointment not kept expired, on both stores.
    clock.advance(61 * 24 * H);
    const s = await lite.sweeps.run(clock.now());
    const p = await pg.sweeps.run(clock.now());
    expect(p).toEqual(s);
    expect(s.changes.length).toBeGreaterThan(0);
    for (const id of ids) await same('leads.get', { id });
    await same('leads.counts', {});
    await same('notifications.list', {});
  });

  it('the SMTP account with its password: stored encrypted with the key file, read back as set', async () => {
    const account = { host: '127.0.0.1', port: 2525, tls: 'none', user: 'desk', from: 'service@dealer.example' };
    const out = await same('mail.settings.set', { ...account, password: 'S3cret-pässword', dealerMailbox: '' });
    expect(out).toMatchObject({ passwordSet: true, secretStore: 'keyFile' });
    expect(await same('mail.settings.get', {})).toMatchObject({ ...account, passwordSet: true });
  });

  it('what is SQLite-only answers a typed error on PostgreSQL', async () => {
    await same('people.switch', { userId: 1 });
    const status = await pg.dispatch('shell.status', {}, { transport: 'test' });
    expect(status).toMatchObject({ ok: true, value: { mode: 'normal' } });
    expect(JSON.stringify(status)).not.toContain(new URL(db.url).password || '\u0000');
    for (const [channel, input] of [
      ['backup.list', {}],
      ['backup.create', {}],
      ['backup.export', { target: join(dir, 'copy.sqlite') }],
    ] as const) {
      const r = await pg.dispatch(channel, input, { transport: 'test' });
      expect(r.ok ? null : r.error.code, channel).toBe('BACKUP_UNAVAILABLE_ON_POSTGRES');
    }
    expect(pg.store).toBeNull();
    expect(pg.data.kind).toBe('postgres');
    // Nothing failed on the way (an unexpected error in a handler or a background write is logged).
    expect(logged).toEqual([]);
  });

  it('a connection ended by the server in the middle of a transaction: that call fails, the core goes on', async () => {
    const before = logged.length;
    let pid = 0;
    const tx = pg.data.tx(async (r) => {
      await r.leads.get(1);
      const admin = new pgLib.Client({ connectionString: db.url });
      await admin.connect();
      try {
        const row = await admin.query(
          "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
        );
        pid = (row.rows[0] as { pid: number }).pid;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      await new Promise((ok) => setTimeout(ok, 100)); // the termination reaches the client between two statements
      return r.leads.get(1);
    });
    await expect(tx).rejects.toThrow();
    expect(pid).toBeGreaterThan(0);
    expect(logged.slice(before)).toContain('PostgreSQL: a connection in use was closed');
    expect((await pg.dispatch('leads.counts', {}, { transport: 'test' })).ok).toBe(true); // a new connection
  });
});

describe.skipIf(SKIP_PG)('the CLI with --db postgres://…', () => {
  let db: PgTestDatabase;
  beforeAll(async () => {
    db = await createPgTestDatabase('app_core_cli');
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });
  const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
  const run = (...args: string[]) =>
    spawnSync(TSX, ['electron/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

  it('demo then kpi --json and sweep --json on the PostgreSQL database', () => {
    const demo = run('demo', '--leads', '120', '--db', db.url, '--at', '2026-11-20T10:00:00Z');
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/Created 120 demo leads in [\d.]+ s → postgres:\/\//);
    expect(demo.stdout).not.toContain(new URL(db.url).password || '\u0000');
    const k = run('kpi', '--json', '--db', db.url, '--at', '2026-11-20T10:00:00Z');
    expect(k.status).toBe(0);
    const kpi = JSON.parse(k.stdout);
    for (const s of ['sla1', 'sla2', 'sla3']) expect(kpi[s].met + kpi[s].missed + kpi[s].pending).toBeGreaterThan(0);
    const sw = run('sweep', '--json', '--db', db.url, '--at', '2026-12-20T10:00:00Z');
    expect(sw.status).toBe(0);
    expect(JSON.parse(sw.stdout)).toBeTruthy();
  }, 120_000);
});
