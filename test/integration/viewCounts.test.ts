// The list counts of the views come from lead_day_counts and lead_view_counts (kept by triggers): always equal to
// counting the leads themselves, after generated data, actions, an import and the sweeps.
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo/generate';
import { VIEW_WHERE } from '../../electron/core/listService';
import { PG_VIEW_WHERE } from '../../electron/store/pg/repos/leadList';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { bigHqFile } from '../fixtures/importCorpus';
import { baseLead, ok, openTestApp, sqlGet } from './helpers';

const app = openTestApp(Date.parse('2026-11-20T10:00:00Z'));
afterAll(() => app.close());

// Each store's own definition of the view (the list's SQL), counted over the leads themselves.
const direct = async (view: (typeof LIST_VIEWS)[number]) => {
  const where = app.core.data.kind === 'postgres' ? PG_VIEW_WHERE : VIEW_WHERE;
  return (await sqlGet<{ n: number }>(app.core, `SELECT count(*) AS n FROM leads l WHERE ${where[view]}`))!.n;
};
const check = async () => {
  const counts = await app.core.lists.counts();
  for (const view of LIST_VIEWS) {
    expect(counts[view], view).toBe(await direct(view));
    expect((await app.core.lists.list({ view, pageSize: 1 })).total, view).toBe(await direct(view));
  }
};

describe('list counts of the status views', () => {
  it('match the leads after demo data, actions and an import', async () => {
    const { core } = app;
    await generateDemo(core.data, core.settings, { leads: 1500, now: core.clock.now(), seed: 7 });
    await check();
    const a = (await ok(core, 'leads.create', baseLead())).lead;
    const b = (await ok(core, 'leads.create', baseLead({ firstName: 'Anna', email: 'anna@example.it' }))).lead;
    await check();
    const contact = { direction: 'outbound', channel: 'phone', outcome: 'reached' };
    const a1 = (await ok(core, 'leads.recordContact', { id: a.id, version: a.version, input: contact })).lead;
    await ok(core, 'leads.makeAppointment', {
      id: a.id,
      version: a1.version,
      input: { appointmentAt: core.clock.now() + 3 * 86_400_000 },
    });
    await check();
    const b1 = (await ok(core, 'leads.recordContact', { id: b.id, version: b.version, input: contact })).lead;
    await ok(core, 'leads.closedNoSale', { id: b.id, version: b1.version, input: { reason: 'customer_refuses' } });
    await check();
    await core.importer.commit(
      { name: 'f.csv', data: bigHqFile(200, 50_000) },
      { duplicateDefault: 'skip', decisions: [] },
      await core.resolveActor({ transport: 'test' }),
    );
    await check();
    // The sweeps: Lost Sale, frozen appointments (In Progress loses them), Contact Again follow-ups.
    const changes = (await core.sweeps.run(core.clock.now() + 90 * 86_400_000)).changes;
    expect(changes.length).toBeGreaterThan(100);
    await check();
  }, 180_000); // PostgreSQL: the demo data, the import and the sweeps take ~40 s on a shared 2-core machine
});
