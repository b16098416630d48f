// Sites (issue 15, docs/rules.md §11.8), what the first version left out, through the real core on both stores: a
// file import's duplicates are looked for among the importing site's open leads only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadDetail } from '../../shared/contract/models';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';
import { baseLead, ok, openTestApp, sqlGet } from './helpers';

const app = openTestApp(Date.parse('2026-11-20T10:00:00Z'));
afterAll(() => app.close());

const core = () => app.core;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const file = (name: string, ...people: ReturnType<typeof person>[]) => ({
  name,
  base64: b64(csv([HQ_HEADERS, ...people.map(hqRow)])),
});
type Preview = { duplicates: { leadId: number }[] };
type Report = { imported: number; merged: number; leadIds: number[]; duplicates: { leadId: number }[] };

describe('sites: what the first version left out', () => {
  let siteB = 0;
  beforeAll(async () => {
    siteB = (await ok<{ sites: { id: number }[] }>(core(), 'sites.save', { code: 'B', name: 'Süd' })).sites[1]!.id;
  });

  it("a file import never takes another site's open lead for a duplicate", async () => {
    const p = person(1);
    // Site B's open lead with the row's VIN, e-mail and phone, in the row's campaign.
    const atB = await ok<LeadDetail>(
      core(),
      'leads.create',
      baseLead({ lastName: p.last, email: p.email, phone: p.phone, vin: p.vin, siteId: siteB }),
    );
    // Imported at site 1: no duplicate, a new lead of site 1 (site B's lead untouched).
    await ok(core(), 'sites.choose', { siteId: 1 });
    expect((await ok<Preview>(core(), 'import.preview', file('a.csv', p))).duplicates).toEqual([]);
    const r = await ok<Report>(core(), 'import.commit', { ...file('a.csv', p), duplicateDefault: 'merge' });
    expect([r.imported, r.merged]).toEqual([1, 0]);
    const site = async (id: number) =>
      (await sqlGet<{ s: number }>(core(), 'SELECT site_id AS s FROM leads WHERE id = ?', id))!.s;
    expect(await site(r.leadIds[0]!)).toBe(1);
    expect((await ok<LeadDetail>(core(), 'leads.get', { id: atB.lead.id })).lead.version).toBe(atB.lead.version);
    // Imported at site B (another key): site B's lead is the duplicate.
    await ok(core(), 'sites.choose', { siteId: siteB });
    const again = { ...p, id: 'HQ-B-1' };
    const pv = await ok<Preview>(core(), 'import.preview', file('b.csv', again));
    expect(pv.duplicates.map((d) => d.leadId)).toEqual([atB.lead.id]);
    const rb = await ok<Report>(core(), 'import.commit', { ...file('b.csv', again), duplicateDefault: 'merge' });
    expect(rb.imported).toBe(0);
    expect(rb.duplicates.map((d) => d.leadId)).toEqual([atB.lead.id]);
    await ok(core(), 'sites.choose', { siteId: null });
  });
});
