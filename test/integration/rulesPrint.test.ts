// The assignment rules printed for the staff (docs/rules.md §7: the rule is communicated to all stakeholders):
// an A4 PDF listing the rules in order, in the asked language, with the person or pool each routes to and the
// pools' members. The PDF's text is read back with pdftotext, as the KPI report's tests do.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
afterEach(() => app?.close());
const pdfText = (base64: string) =>
  execFileSync('pdftotext', ['-raw', '-', '-'], { input: Buffer.from(base64, 'base64') }).toString('utf8');
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function setup() {
  app = openTestApp();
  await ok(app.core, 'settings.setDealer', {
    name: 'Officina Modena',
    email: 'desk@dealer.example',
    phone: '',
    address: '',
  });
  const anna = await ok<{ id: number }>(app.core, 'people.save', { name: 'Anna Bianchi', roles: ['service_advisor'] });
  await ok(app.core, 'people.save', { name: 'Bruno Verdi', roles: ['booking_operator'] });
  await ok(app.core, 'people.save', { name: 'Carla Neri', roles: ['booking_operator'] });
  await ok(app.core, 'assignment.rules.set', {
    rules: [
      { campaign: 'warranty_end_reminder', targetUserId: anna.id },
      { leadType: 'customer_driven', source: 'owner_app', requestFor: 'tyres', targetRole: 'booking_operator' },
      { source: 'web', targetRole: 'parts_staff', active: false },
    ],
  });
}

describe('assignment rules: the printable A4 PDF', () => {
  it("lists the rules in order with what they match and whom they route to, and the pools' members (English)", async () => {
    await setup();
    const r = await ok(app.core, 'assignment.rules.print', { language: 'en' });
    expect(r.fileName).toBe('aslm-assignment-rules.pdf');
    expect(r.mime).toBe('application/pdf');
    expect(Buffer.from(r.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(r.base64);
    const f = flat(text);
    expect(f).toContain('Assignment rules');
    expect(f).toContain('Officina Modena');
    // In order: rule 1 → Anna, rule 2 → the booking operators' pool, rule 3 (inactive) → parts staff.
    const i1 = text.search(/^1\. /m);
    const i2 = text.search(/^2\. /m);
    const i3 = text.search(/^3\. /m);
    expect(i1).toBeGreaterThan(-1);
    expect(i1).toBeLessThan(i2);
    expect(i2).toBeLessThan(i3);
    expect(flat(text.slice(i1, i2))).toMatch(/Warranty End Reminder/);
    expect(text.slice(i1, i2)).toMatch(/Anna Bianchi/);
    expect(flat(text.slice(i2, i3))).toMatch(/Owner App.*Customer.*tyres.*Pool: Booking\s*Operator/);
    expect(flat(text.slice(i3))).toMatch(/Web.*Pool: Parts\s*Staff.*No/);
    // The pools' members, and what happens to a lead no rule routes.
    expect(f).toContain('Who is in each pool');
    expect(f).toMatch(/Pool: Booking Operator: Bruno Verdi, Carla Neri/);
    expect(f).toContain("waits in the manager's queue");
  });

  it("in the user's language (Italian), and with no rule says every lead waits for the manager", async () => {
    await setup();
    const it = flat(pdfText((await ok(app.core, 'assignment.rules.print', { language: 'it' })).base64));
    expect(it).toContain('Regole di assegnazione');
    expect(it).toContain('Anna Bianchi');
    expect(it).toContain('Chi fa parte di ogni gruppo');
    await ok(app.core, 'assignment.rules.set', { rules: [] });
    const en = flat(pdfText((await ok(app.core, 'assignment.rules.print', { language: 'en' })).base64));
    expect(en).toContain("No rules: every new lead waits in the manager's queue.");
  });

  it('several sites: the site in view\'s rules with its name in the title; "All sites": each rule with its site', async () => {
    await setup();
    const south = (await ok<{ sites: { id: number }[] }>(app.core, 'sites.save', { code: 'S', name: 'Sud' })).sites[1]!;
    const dario = await ok<{ id: number }>(app.core, 'people.save', {
      name: 'Dario Sud',
      roles: ['booking_operator'],
      siteId: south.id,
    });
    type Rules = { rules: { siteId?: number }[] };
    const north = (await ok<Rules>(app.core, 'assignment.rules.get', {})).rules;
    await ok(app.core, 'assignment.rules.set', {
      rules: [...north, { source: 'spontaneous', targetUserId: dario.id, siteId: south.id }],
    });
    // One site in view: its rules only, the site named in the title, its pool's people only.
    await ok(app.core, 'sites.choose', { siteId: south.id });
    const sud = pdfText((await ok(app.core, 'assignment.rules.print', { language: 'it' })).base64);
    expect(flat(sud)).toContain('Regole di assegnazione — Sud');
    expect(sud).toMatch(/^1\. .*Dario Sud/m);
    expect(sud).not.toMatch(/^2\. /m);
    expect(sud).not.toContain('Anna Bianchi');
    await ok(app.core, 'sites.choose', { siteId: 1 });
    const first = pdfText((await ok(app.core, 'assignment.rules.print', { language: 'en' })).base64);
    expect(flat(first)).toContain('Assignment rules — Main site');
    expect(first).toContain('Anna Bianchi');
    expect(first).not.toContain('Dario Sud'); // neither a rule nor in site 1's booking pool
    expect(first).toMatch(/^3\. /m);
    // "All sites": a Site column, each site's rules numbered in its own order, the pools named with their site.
    await ok(app.core, 'sites.choose', { siteId: null });
    const all = pdfText((await ok(app.core, 'assignment.rules.print', { language: 'en' })).base64);
    expect(flat(all)).toMatch(/^Assignment rules Officina Modena/);
    expect(all).toMatch(/^# Site /m);
    expect(flat(all)).toMatch(/ 1\. Main site Warranty End Reminder Any Any Any Anna Bianchi Yes 2\. Main site /);
    expect(flat(all)).toMatch(/ 3\. Main site .* 1\. Sud Any Spontaneous Any Any Dario Sud Yes /);
    expect(flat(all)).toMatch(/Pool: Booking Operator \(Main site\): Bruno Verdi, Carla Neri/);
    expect(flat(all)).not.toMatch(/Bruno Verdi, Carla Neri, Dario Sud/);
  });
});
