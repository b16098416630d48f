// A lead's creation and a lead action's writes in one statement each on PostgreSQL (electron/store/pg/repos/leadWrites.ts):
// `leads.insertNew` and `leads.change` give the same leads and rows as SQLite's separate statements (the update at
// the version, its conflict writing nothing, the contact, the history lines, an action without a patch, a change of
// the contacts' KPI group with a contact, which runs as separate statements); and the statements the app core sends
// per desk action and per demo lead stay as few (a round trip each on a dealer group's network).
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { generateDemo } from '../../electron/core/demo/generate';
import type { AsyncRepos } from '../../electron/store/repos/index';
import type { Actor, Lead } from '../../shared/domain/lead';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { openParity, type Parity, steps, T0, THREE_PEOPLE } from '../support/pgRepoParity';
import { leadColumns, newLeadRow } from '../support/pgRepoLeads';
import { baseLead } from './helpers';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const DAY = 86_400_000;
const ACTOR = { id: 2, name: 'Sara Bianchi' };
const created = (number: string, at: number) => [
  { at: T0, field: 'created', oldValue: null, newValue: number },
  { at: T0, field: 'assignedAt', oldValue: null, newValue: new Date(at).toISOString() },
  { at: T0, field: 'status', oldValue: null, newValue: 'assigned' },
];
const contact = (at: number, outcome: 'reached' | 'no_answer' | 'busy') =>
  ({ at, userId: 2, direction: 'outbound', channel: 'phone', outcome, verbatim: 'Called', answer: null }) as const;
const line = (field: string, oldValue: string | null, newValue: string | null) => ({
  at: T0 + DAY,
  field,
  oldValue,
  newValue,
});

describe.skipIf(SKIP_PG)('PostgreSQL lead writes in one statement, as SQLite', () => {
  let p: Parity;
  beforeAll(async () => {
    p = await openParity('lead_writes');
    await steps(p, THREE_PEOPLE);
  });
  afterAll(async () => {
    await p?.close();
  });

  it('insertNew and change: the same leads, contacts, history and counts; a stale version writes nothing', async () => {
    for (const [i, row] of [newLeadRow({ assigneeId: 2 }, T0), newLeadRow({ assigneeId: 3 }, T0, T0 - DAY)].entries()) {
      const cols = leadColumns(row, i + 1, null);
      await p.same(`insertNew ${i}`, (r) =>
        r.leads.insertNew(cols, ACTOR, created(String(cols.number), row.assignedAt)),
      );
    }
    await steps(p, [
      [
        'contact',
        (r) =>
          r.leads.change({
            id: 1,
            cols: { contact_attempts: 1, last_contact_at: T0 + DAY, first_contact_at: T0 + DAY, sla1_met: 0 },
            expectedVersion: 1,
            contact: contact(T0 + DAY, 'reached'),
            history: [line('contact', null, '#1 outbound/phone/reached'), line('contactAttempts', '0', '1')],
            actor: ACTOR,
          }),
      ],
      [
        'stale',
        (r) =>
          r.leads.change({
            id: 1,
            cols: { status: 'lost' },
            expectedVersion: 1,
            contact: contact(T0 + DAY, 'busy'),
            history: [line('status', 'assigned', 'lost')],
            actor: ACTOR,
          }),
      ],
      [
        'no patch',
        (r) =>
          r.leads.change({ id: 2, cols: {}, expectedVersion: 1, history: [line('note', null, 'x')], actor: ACTOR }),
      ],
      [
        'no lines',
        (r) =>
          r.leads.change({
            id: 2,
            cols: { status: 'appointment', appointment_at: T0 + 3 * DAY },
            expectedVersion: 1,
            history: [],
            actor: ACTOR,
          }),
      ],
      [
        'contact, new group',
        (r) =>
          r.leads.change({
            id: 2,
            cols: { assignee_id: 2, contact_attempts: 1 },
            expectedVersion: 2,
            contact: contact(T0 + 2 * DAY, 'no_answer'),
            history: [line('assigneeId', '3', '2')],
            actor: { id: null, name: 'System' },
          }),
      ],
      ['get', (r) => r.leads.get(2)],
    ]);
    await p.sameRows({
      leads: 'id',
      contacts: 'id',
      history: 'id',
      counters: 'name',
      lead_day_counts: 'day, status',
      lead_view_counts: 'view',
    });
    // PostgreSQL's contacts per KPI group (trigger-kept) as its contacts say: the new group's contact counted once.
    const kept = await p.pool.query<{ a: number; n: number }>(
      'SELECT a, sum(n)::int AS n FROM contact_kpi_hours GROUP BY a HAVING sum(n) <> 0 ORDER BY a',
    );
    expect(kept.rows).toEqual([{ a: 2, n: 2 }]);
  });
});

/** The statements sent to the server (pg's Client.query: the pool's clients too) by the code run in a `counting` scope. */
const counting = new AsyncLocalStorage<{ statements: number }>();
const clientQuery = pg.Client.prototype.query;
async function count<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const scope = { statements: 0 };
  const value = await counting.run(scope, fn);
  return { value, statements: scope.statements };
}

describe.skipIf(SKIP_PG)('PostgreSQL: the statements of a desk action and of a demo lead', () => {
  let db: PgTestDatabase;
  let dir: string;
  let core: AppCore;
  beforeAll(async () => {
    (pg.Client.prototype as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
      const scope = counting.getStore();
      if (scope) scope.statements++;
      return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
    };
    db = await createPgTestDatabase('lead_writes_core');
    dir = mkdtempSync(join(tmpdir(), 'aslm-pgwrites-'));
    process.env.ASLM_KEY_FILE = join(dir, 'aslm.key');
    core = createAppCore({ dbPath: db.url, clock: testClock(T0), timeZone: 'Europe/Rome', log: () => undefined });
    await core.ready;
  }, 60_000);
  afterAll(async () => {
    pg.Client.prototype.query = clientQuery;
    delete process.env.ASLM_KEY_FILE;
    core?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `fn` in a transaction of the core's store: its value and the transaction's statements (BEGIN, COMMIT too). */
  const counted = <T>(fn: (r: AsyncRepos) => Promise<T>) => count(() => core.data.tx(fn));

  it('a new lead and the buttons: the lead read, then its writes in one statement (and an effect’s own)', async () => {
    const actor: Actor = { id: 1, name: 'Front desk' };
    await core.leads.create(baseLead({ email: 'first@example.it' }), actor); // the sites list read (cached 30 s)
    /** The sites list read again when its cache ran out meanwhile (a slow machine). */
    const SITES = 1;
    const made = await counted((r) => core.leads.createIn(r, baseLead({ email: 'writes@example.it' }), actor));
    // BEGIN, counter, the lead with its history, the customer link (3 reads, 2 writes), the assignment rules, the
    // lead read again after the hooks, COMMIT: 11 (were 14).
    expect(made.statements).toBeLessThanOrEqual(11 + SITES);
    let lead: Lead = made.value;
    const act = async (action: string, input: unknown, most: number) => {
      const { value, statements } = await counted((r) =>
        core.leads.actIn(r, action as 'edit', lead.id, lead.version, input as never, actor),
      );
      expect(statements, action).toBeLessThanOrEqual(most + SITES);
      lead = value;
    };
    const call = { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null };
    // BEGIN, the lead, its update with the contact and the history lines, COMMIT: 4 (were 7).
    await act('recordContact', call, 4);
    // …and the appointment e-mails' effect: its counter and the lead's queued mails (were 8).
    await act('makeAppointment', { appointmentAt: T0 + 2 * DAY, sendEmail: false }, 6);
    await act('closedInSale', { vin: 'ZAMXX00A000000099', notes: null }, 4);
    expect(lead.status).toBe('closed_sale');
    for (const [action, input] of [
      ['closedNoSale', { reason: 'customer_refuses', notes: null, endOfOwnership: null }],
      ['contactAgain', { recontactAt: T0 + 20 * DAY }],
    ] as const) {
      lead = await core.leads.create(baseLead(), actor);
      await act('recordContact', call, 4);
      await act(action, input, 4); // were 6
      expect(lead.status).toBe('closed_no_sale');
    }
  });

  it('the demo: under 7 statements a lead (were 21)', async () => {
    const { statements } = await count(() => generateDemo(core.data, core.settings, { leads: 200, seed: 7, now: T0 }));
    const leads = await core.data.repos.leads.count();
    expect(leads).toBeGreaterThanOrEqual(203);
    expect(statements / leads).toBeLessThan(7);
  }, 120_000);
});
