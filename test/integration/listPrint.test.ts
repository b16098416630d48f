// The list views' Print action (the manual's "print format"): every row of the list as filtered, searched
// and sorted (not only the page), with the list's columns, in the user's language; capped, and saying so.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRowsForPrint } from '../../electron/core/listPrint/listPdf';
import { baseLead, ok, openTestApp, sqlRun, type TestApp } from './helpers';

const NOW = Date.parse('2026-11-20T10:00:00Z');
let app: TestApp;
beforeAll(async () => {
  app = openTestApp(NOW);
  await ok(app.core, 'demo.load', { leads: 1500, seed: 5 });
  await app.core.settings.set('dealer', {
    name: 'Maserati Roma Est',
    email: 'desk@example.it',
    phone: '',
    address: '',
  });
  app.clock.set(NOW);
  await ok(
    app.core,
    'leads.create',
    baseLead({ firstName: 'Zeffiro', lastName: 'Stampabile', campaign: 'seasonal_promo', source: 'owner_app' }),
  );
}, 180_000); // a demo database: on PostgreSQL a round trip per statement, over a minute on a busy machine
afterAll(() => app?.close());

const print = async (input: Record<string, unknown>) => {
  const r = await ok(app.core, 'lists.print', input);
  const buf = Buffer.from(r.base64, 'base64');
  return { ...r, buf, text: execFileSync('pdftotext', ['-layout', '-', '-'], { input: buf }).toString('utf8') };
};

describe('lists.print', () => {
  it('prints every row of the view in its order, beyond the first page, with the columns', async () => {
    const all = await ok(app.core, 'leads.list', { view: 'assigned', pageSize: 500 });
    expect(all.total).toBeGreaterThan(50);
    const r = await print({ view: 'assigned', language: 'en' });
    expect(r.mime).toBe('application/pdf');
    expect(r.fileName).toBe('aslm-list-assigned-to-dealer-2026-11-20.pdf');
    expect([r.rows, r.total]).toEqual([all.total, all.total]);
    for (const h of [
      'Assigned to Dealer',
      'Maserati Roma Est',
      `${all.total} items`,
      'Sorted by customer-driven first, then oldest',
      'Printed on 20/11/2026, 11:00',
    ])
      expect(r.text).toContain(h);
    // The column headers (the list's own labels, possibly wrapped) and every lead number, in the list's order.
    const flat = r.text.replace(/\s+/g, ' ');
    for (const h of ['AS Lead Name', 'Lead number', 'Status', 'Source', 'AS campaign', 'Assignee', 'SLA'])
      expect(flat).toContain(h);
    const order = [...r.text.matchAll(/ASL-\d{4}-\d{6}/g)].map((m) => m[0]);
    const everyRow: string[] = [];
    for (let page = 0; everyRow.length < all.total; page++)
      everyRow.push(
        ...(await ok(app.core, 'leads.list', { view: 'assigned', page, pageSize: 100 })).rows.map(
          (x: { number: string }) => x.number,
        ),
      );
    expect(order).toEqual(everyRow);
    const line = r.text.split('\n').find((l: string) => l.includes('Zeffiro Stampabile'))!;
    expect(line).toContain('Assigned to Dealer');
    expect(line).toContain('Owner App');
    expect(line).toContain('Seasonal Promo');
    expect(line).toMatch(/1st contact · \d+ h left/);
    expect(r.text).toContain('Page 1 of');
  });

  it('follows the search and the sort, in the chosen language', async () => {
    const r = await print({ view: 'assigned', search: 'Zeffiro', sort: 'name', dir: 'desc', language: 'it' });
    expect(r.total).toBe(1);
    expect(r.fileName).toBe('aslm-elenco-assegnato-al-concessionario-2026-11-20.pdf');
    expect(r.text).toContain('1 elemento');
    expect(r.text).toContain('Ricerca: «Zeffiro»');
    expect(r.text).toContain('(decrescente)');
    expect(r.text).toContain('Zeffiro Stampabile');
    expect([...r.text.matchAll(/ASL-\d{4}-\d{6}/g)]).toHaveLength(1);
  });

  it('caps the rows and says so on the document', async () => {
    const capped = await listRowsForPrint(app.core, { view: 'closed_sale' }, 30);
    expect(capped.rows).toHaveLength(30);
    expect(capped.total).toBeGreaterThan(30);
    // The 5,000-row cap itself: a list larger than the cap prints the first 5,000 and the note.
    await sqlRun(
      app.core,
      `INSERT INTO leads (number, status, frozen, lead_type, source, campaign, created_at, assigned_at, updated_at, first_name, last_name, language, sla1_due_at, sla2_due_at, type_rank, version, contact_attempts, appointment_email)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
      SELECT 'ASL-2026-' || (900000 + i), 'lost', false, 'hq_driven', 'hq_campaign', 'service_reminder', ${NOW}, ${NOW}, ${NOW}, 'Bulk', 'Lead ' || i, 'en', ${NOW}, ${NOW}, 1, 1, 0, false FROM n`,
    );
    const r = await print({ view: 'lost', language: 'en' });
    expect(r.rows).toBe(5000);
    expect(r.total).toBeGreaterThan(5000);
    expect(r.text.replace(/\s+/g, ' ')).toContain(
      `Only the first 5,000 of the ${r.total.toLocaleString('en')} leads of this list are printed`,
    );
  }, 120_000);
});
