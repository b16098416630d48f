// Assignment alerts (docs/rules.md §7) through the real core and a REAL SMTP server on loopback:
// a routed new lead e-mails the assignee and, per the settings, the manager and the alternate; a new lead no
// rule routes e-mails the manager and the alternate at once (and rings their bell); settings off → nobody.
import { afterEach, describe, expect, it } from 'vitest';
import { baseLead, ok, openTestApp, type TestApp, sqlGet, sqlAll } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';

let app: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp?.close();
  app?.close();
});

async function setup() {
  app = openTestApp(Date.parse('2026-03-02T09:00:00Z'), 'Europe/Rome');
  smtp = await startSmtp();
  await ok(app.core, 'mail.settings.set', {
    host: '127.0.0.1',
    port: smtp.port,
    tls: 'none',
    user: '',
    from: 'service@dealer.example',
    dealerMailbox: '',
  });
  // The default desk user is the manager; an alternate and a service advisor with their addresses and languages.
  await ok(app.core, 'people.save', {
    id: 1,
    name: 'Paola Manager',
    email: 'manager@dealer.example',
    language: 'it',
    roles: ['manager'],
  });
  const alt = await ok<{ id: number }>(app.core, 'people.save', {
    name: 'Marco Alternate',
    email: 'alternate@dealer.example',
    language: 'de',
    roles: ['alternate'],
  });
  const sa = await ok<{ id: number }>(app.core, 'people.save', {
    name: 'Anna Advisor',
    email: 'anna@dealer.example',
    language: 'en',
    roles: ['service_advisor'],
  });
  await ok(app.core, 'assignment.rules.set', { rules: [{ campaign: 'seasonal_promo', targetUserId: sa.id }] });
  return { alt: alt.id, sa: sa.id };
}
const deliver = () => app.core.outbox.deliverDue(app.clock.now());
const received = () =>
  smtp.received.map((r) => [r.to, r.mail.subject ?? '']).sort((a, b) => a[0]!.localeCompare(b[0]!));
const bell = async () => await sqlAll(app.core, 'SELECT user_id AS u, kind FROM notifications ORDER BY id');

describe('assignment alerts by e-mail (docs/rules.md §7)', () => {
  it('by default a routed new lead e-mails the assignee, the manager and the alternate, each in their language', async () => {
    const { alt, sa } = await setup();
    const d = await ok(
      app.core,
      'leads.create',
      baseLead({ campaign: 'seasonal_promo', leadType: 'hq_driven', source: 'hq_campaign' }),
    );
    expect(d.lead.assigneeId).toBe(sa);
    await deliver();
    const n = d.lead.number;
    expect(received()).toEqual([
      ['alternate@dealer.example', `Lead ${n} an Anna Advisor zugewiesen: Mario Rossi`],
      ['anna@dealer.example', `Lead ${n} assigned to you: Mario Rossi`],
      ['manager@dealer.example', `Lead ${n} assegnato a Anna Advisor: Mario Rossi`],
    ]);
    expect(await bell()).toEqual([
      { u: sa, kind: 'lead_assigned' },
      { u: 1, kind: 'lead_assigned' },
      { u: alt, kind: 'lead_assigned' },
    ]);
  });

  it('a new lead no rule routes e-mails the manager and the alternate at once (no assignee to e-mail)', async () => {
    const { alt } = await setup();
    const d = await ok(app.core, 'leads.create', baseLead({ campaign: 'service_reminder' }));
    expect(d.lead.assigneeId).toBeNull();
    await deliver(); // at once: due at the creation time
    const n = d.lead.number;
    expect(received()).toEqual([
      ['alternate@dealer.example', `Lead ${n} wartet auf Zuweisung: Mario Rossi`],
      ['manager@dealer.example', `Lead ${n} in attesa di assegnazione: Mario Rossi`],
    ]);
    const body = smtp.received.find((r) => r.to === 'manager@dealer.example')!.mail.text ?? '';
    expect(body).toContain('non corrisponde a nessuna regola di assegnazione');
    expect(await bell()).toEqual([
      { u: 1, kind: 'lead_unrouted' },
      { u: alt, kind: 'lead_unrouted' },
    ]);
    // The bell's text in the manager's language.
    const l = await ok(app.core, 'notifications.list', { language: 'en' });
    expect(l.items[0].title).toBe('New lead waiting to be assigned');
  });

  it('the settings decide: only the manager, then nobody but the assignee; the assignee e-mail can be turned off too', async () => {
    await setup();
    await ok(app.core, 'notifications.settings.set', {
      sla1RiskHours: 4,
      copyManagers: true,
      copyAlternates: false,
      emailAssignee: true,
    });
    const a = await ok(app.core, 'leads.create', baseLead({ campaign: 'service_reminder', lastName: 'Uno' }));
    await deliver();
    expect(received()).toEqual([
      ['manager@dealer.example', `Lead ${a.lead.number} in attesa di assegnazione: Mario Uno`],
    ]);

    smtp.received.length = 0;
    await ok(app.core, 'notifications.settings.set', {
      sla1RiskHours: 4,
      copyManagers: false,
      copyAlternates: false,
      emailAssignee: true,
    });
    const b = await ok(app.core, 'leads.create', baseLead({ campaign: 'service_reminder', lastName: 'Due' }));
    const c = await ok(app.core, 'leads.create', baseLead({ campaign: 'seasonal_promo', lastName: 'Tre' }));
    await deliver();
    expect(received()).toEqual([['anna@dealer.example', `Lead ${c.lead.number} assigned to you: Mario Tre`]]);
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM notifications WHERE lead_id = ?', b.lead.id)).toEqual({
      n: 0,
    });

    smtp.received.length = 0;
    await ok(app.core, 'notifications.settings.set', {
      sla1RiskHours: 4,
      copyManagers: false,
      copyAlternates: false,
      emailAssignee: false,
    });
    await ok(app.core, 'leads.create', baseLead({ campaign: 'seasonal_promo', lastName: 'Quattro' }));
    await deliver();
    expect(smtp.received).toEqual([]);
  });

  it('a file import: one e-mail per manager/alternate listing who got what and what waits to be assigned', async () => {
    await setup();
    await ok(app.core, 'assignment.rules.set', { rules: [] }); // nothing routes: every imported lead waits
    const file = csv([HQ_HEADERS, ...Array.from({ length: 3 }, (_, i) => hqRow(person(i + 1)))]);
    const r = await ok<{ leadIds: number[] }>(app.core, 'import.commit', {
      name: 'hq.csv',
      base64: Buffer.from(file).toString('base64'),
    });
    expect(r.leadIds).toHaveLength(3);
    await deliver();
    expect(received().map((x) => x[0])).toEqual(['alternate@dealer.example', 'manager@dealer.example']);
    const it = smtp.received.find((x) => x.to === 'manager@dealer.example')!;
    expect(it.mail.subject).toBe('Importazione di file: 3 nuovi lead (3 in attesa di assegnazione)');
    const first = (await sqlGet(app.core, 'SELECT number FROM leads WHERE id = ?', r.leadIds[0])) as {
      number: string;
    };
    expect(it.mail.text).toContain(`${first.number}`);
    expect(it.mail.text).toContain('→ da assegnare');
  });
});
