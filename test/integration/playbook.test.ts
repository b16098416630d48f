// The contact playbook through the real core: next step per lead, "My day", templates, Send e-mail.
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../shared/rules/time';
import { baseLead, err, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlRun } from './helpers';

let app: TestApp;
afterEach(() => app?.close());
const contact = async (id: number, outcome: string, channel = 'phone', direction = 'outbound') =>
  ok(app.core, 'leads.recordContact', {
    id,
    version: await versionOf(app.core, id),
    input: { direction, channel, outcome },
  });

describe('playbook', () => {
  it('walks a lead through call → voicemail → call again → e-mail, with time moved', async () => {
    app = openTestApp(Date.parse('2026-03-02T08:00:00Z')); // Monday 09:00 in Rome
    const lead = await app.core.leads.create(baseLead(), await app.core.resolveActor());
    let s = await ok(app.core, 'playbook.step', { id: lead.id });
    expect(s).toMatchObject({
      step: { kind: 'call', reason: 'new_lead' },
      due: true,
      phoneValid: true,
      language: 'it',
    });
    expect(s.scripts.phone_script.body).toContain('Mario Rossi');
    expect(s.scripts.voicemail.body).toContain('il richiamo per il tagliando');
    await contact(lead.id, 'no_answer');
    expect((await ok(app.core, 'playbook.step', { id: lead.id })).step.kind).toBe('voicemail');
    app.clock.advance(60_000);
    await contact(lead.id, 'voicemail');
    s = await ok(app.core, 'playbook.step', { id: lead.id });
    expect(s.step).toMatchObject({ kind: 'callAgain', slot: 'midday' });
    expect(s.due).toBe(false);
    expect(new Date(s.step.suggestedAt).toISOString()).toBe('2026-03-03T11:30:00.000Z'); // Tuesday 12:30 in Rome
    app.clock.set(s.step.suggestedAt);
    expect((await ok(app.core, 'playbook.step', { id: lead.id })).due).toBe(true);
    await contact(lead.id, 'busy');
    s = await ok(app.core, 'playbook.step', { id: lead.id });
    expect(s.step).toMatchObject({ kind: 'sendEmail', reason: 'attempts_exhausted' });
    expect(s.scripts.email_no_answer.subject).toContain('il richiamo per il tagliando');
    // The figures are settings: with 4 attempts before the e-mail, the desk calls once more.
    expect(await ok(app.core, 'playbook.settings.get', {})).toEqual({
      attemptsBeforeEmail: 3,
      emailWindowWorkingHours: 48,
      closeAfterEmailWorkingHours: 30,
    });
    await ok(app.core, 'playbook.settings.set', {
      attemptsBeforeEmail: 4,
      emailWindowWorkingHours: 48,
      closeAfterEmailWorkingHours: 30,
    });
    expect((await ok(app.core, 'playbook.step', { id: lead.id })).step).toMatchObject({
      kind: 'callAgain',
      slot: 'afternoon',
    });
  });

  it('an invalid or missing phone number sends the e-mail at once', async () => {
    app = openTestApp();
    const bad = await app.core.leads.create(
      baseLead({ phone: '+39 123456', email: 'a@b.it' }),
      await app.core.resolveActor(),
    );
    expect(await ok(app.core, 'playbook.step', { id: bad.id })).toMatchObject({
      phoneValid: false,
      step: { kind: 'sendEmail', reason: 'phone_invalid' },
    });
    const none = await app.core.leads.create(baseLead({ phone: null }), await app.core.resolveActor());
    expect((await ok(app.core, 'playbook.step', { id: none.id })).step).toMatchObject({
      kind: 'sendEmail',
      reason: 'phone_missing',
    });
  });

  it("Send e-mail: queues the template in the customer's language and records the contact, in one transaction", async () => {
    app = openTestApp();
    await app.core.settings.set('dealer', {
      name: 'Modena Motori',
      email: 'desk@modena.example',
      phone: '059 123456',
      address: '',
    });
    const lead = await app.core.leads.create(
      baseLead({ language: 'de', email: 'kunde@example.de' }),
      await app.core.resolveActor(),
    );
    const r = await ok(app.core, 'playbook.sendEmail', { id: lead.id, version: 1 });
    expect(r.subject).toBe('Modena Motori – Ihre Anfrage zu die Serviceerinnerung');
    const row = (await sqlGet(app.core, 'SELECT * FROM outbox WHERE id = ?', r.outboxId)) as any;
    expect(row).toMatchObject({
      to_address: 'kunde@example.de',
      language: 'de',
      state: 'queued',
      dedupe_key: `lead:${lead.id}:playbook-email:1`,
      kind: 'playbook_email',
    });
    expect(row.text_body).toContain('Guten Tag Mario Rossi');
    expect(row.text_body).toContain('059 123456');
    expect(r.detail.contacts).toEqual([
      expect.objectContaining({ direction: 'outbound', channel: 'email', outcome: 'email_sent' }),
    ]);
    expect(r.detail.lead.contactAttempts).toBe(1);
    expect(r.detail.history.map((h: any) => h.field)).toContain('email.queued');
    expect((await ok(app.core, 'playbook.step', { id: lead.id })).step).toMatchObject({
      kind: 'close',
      reason: 'no_reply_after_email',
    });
    // A stale version is refused and nothing is queued; a lead without an address gets a clear error.
    expect((await err(app.core, 'playbook.sendEmail', { id: lead.id, version: 1 })).code).toBe('VERSION_CONFLICT');
    const noMail = await app.core.leads.create(baseLead({ email: null }), await app.core.resolveActor());
    expect(
      (await err(app.core, 'playbook.sendEmail', { id: noMail.id, version: await versionOf(app.core, noMail.id) }))
        .code,
    ).toBe('EMAIL_MISSING');
    // E-mail consent refused (other consents given): the core refuses whatever screen asks, nothing is queued.
    const refused = await app.core.leads.create(
      baseLead({ email: 'no-mail@example.it', consents: { email: false, phone: true } }),
      await app.core.resolveActor(),
    );
    expect(
      (await err(app.core, 'playbook.sendEmail', { id: refused.id, version: await versionOf(app.core, refused.id) }))
        .code,
    ).toBe('EMAIL_CONSENT_REFUSED');
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM outbox WHERE lead_id = ?', refused.id)).toEqual({
      n: 0,
    });
    // A final lead: the contact is refused, the outbox row rolled back with it.
    await ok(app.core, 'leads.closedNoSale', {
      id: lead.id,
      version: await versionOf(app.core, lead.id),
      input: { reason: 'customer_refuses' },
    });
    expect(
      (await err(app.core, 'playbook.sendEmail', { id: lead.id, version: await versionOf(app.core, lead.id) })).code,
    ).toBe('LEAD_IS_FINAL');
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM outbox')).toEqual({ n: 1 });
  });

  it('the vehicle is named from the registry, else by its VIN', async () => {
    app = openTestApp();
    await sqlRun(
      app.core,
      "INSERT INTO vehicles (vin, model, updated_at) VALUES ('ZAM57XSA1K1234567', 'Ghibli Modena', 0)",
    );
    const known = await app.core.leads.create(
      baseLead({ language: 'de', vin: 'ZAM57XSA1K1234567' }),
      await app.core.resolveActor(),
    );
    const unknown = await app.core.leads.create(
      baseLead({ language: 'de', vin: 'ZAM57XSA1K7654321' }),
      await app.core.resolveActor(),
    );
    const none = await app.core.leads.create(baseLead({ language: 'fr' }), await app.core.resolveActor());
    const body = async (id: number) =>
      (await ok(app.core, 'playbook.step', { id })).scripts.email_no_answer.body as string;
    expect(await body(known.id)).toContain('für Ihren Ghibli Modena (ZAM57XSA1K1234567)');
    expect(await body(unknown.id)).toContain('für Ihren Wagen (ZAM57XSA1K7654321)');
    expect(await body(none.id)).toContain('pour votre véhicule,');
  });

  it('the e-mail respects the data and the consents (no phone: no "we tried to call"; e-mail refused: not suggested)', async () => {
    app = openTestApp(Date.parse('2026-03-02T08:00:00Z'));
    const noPhone = await app.core.leads.create(
      baseLead({ phone: null, language: 'en' }),
      await app.core.resolveActor(),
    );
    const s = await ok(app.core, 'playbook.step', { id: noPhone.id });
    expect(s.step).toMatchObject({ kind: 'sendEmail', reason: 'phone_missing' });
    expect(s.scripts.email_no_answer.body).not.toContain('by phone');
    expect(s.scripts.email_no_answer.body).toContain('by e-mail');
    await ok(app.core, 'playbook.sendEmail', { id: noPhone.id, version: await versionOf(app.core, noPhone.id) });
    const queued = (await sqlGet(app.core, 'SELECT text_body AS b FROM outbox WHERE lead_id = ?', noPhone.id)) as {
      b: string;
    };
    expect(queued.b).not.toContain('by phone');
    const consents = {
      directMarketing: false,
      profiling: false,
      email: false,
      phone: true,
      post: false,
      sms: false,
      fax: false,
      social: false,
    };
    const refused = await app.core.leads.create(baseLead({ phone: null, consents }), await app.core.resolveActor());
    const r = await ok(app.core, 'playbook.step', { id: refused.id });
    expect(r).toMatchObject({ emailRefused: true, step: { kind: 'close', reason: 'no_allowed_channel' } });
    const list = await ok(app.core, 'playbook.list', {});
    expect(list.rows.find((x: { leadId: number }) => x.leadId === refused.id).step.reason).toBe('no_allowed_channel');
    const withPhone = await app.core.leads.create(baseLead({ consents }), await app.core.resolveActor());
    expect((await ok(app.core, 'playbook.step', { id: withPhone.id })).step.kind).toBe('call');
  });

  it('an edited template is used; reset restores the default', async () => {
    app = openTestApp();
    const lead = await app.core.leads.create(baseLead({ language: 'fr' }), await app.core.resolveActor());
    await ok(app.core, 'templates.save', {
      kind: 'voicemail',
      language: 'fr',
      body: 'Bonjour {{customer}}, ici {{staff}} ({{leadNumber}}).',
    });
    const list = await ok(app.core, 'templates.list', {});
    expect(list).toHaveLength(28); // 7 kinds (4 contact + 3 appointment e-mails) × 4 languages
    expect(list.find((t: any) => t.kind === 'voicemail' && t.language === 'fr')).toMatchObject({ custom: true });
    const s = await ok(app.core, 'playbook.step', { id: lead.id });
    expect(s.scripts.voicemail.body).toBe(`Bonjour Mario Rossi, ici Front desk (${lead.number}).`);
    const reset = await ok(app.core, 'templates.reset', { kind: 'voicemail', language: 'fr' });
    expect(reset).toMatchObject({ custom: false });
    expect(reset.body).toContain('{{customer}}');
  });

  it('My day: the current user\'s open leads, customer-driven first then SLA deadline; "due now" filter', async () => {
    app = openTestApp(Date.parse('2026-03-02T08:00:00Z'));
    const me = await app.core.resolveActor();
    const other = (await sqlGet<{ id: number }>(
      app.core,
      "INSERT INTO users (name, language, active, created_at) VALUES ('Other', 'en', true, 0) RETURNING id",
    ))!.id;
    const hqOld = await app.core.leads.create(
      baseLead({
        lastName: 'HqOld',
        leadType: 'hq_driven',
        source: 'hq_campaign',
        vin: 'ZAM57XSA1K1234567',
        assigneeId: me.id,
      }),
      me,
      { assignedAt: app.clock.now() - 5 * HOUR },
    );
    const cdNew = await app.core.leads.create(baseLead({ lastName: 'CdNew', assigneeId: me.id }), me);
    const cdOld = await app.core.leads.create(baseLead({ lastName: 'CdOld', assigneeId: me.id }), me, {
      assignedAt: app.clock.now() - 2 * HOUR,
    });
    const waiting = await app.core.leads.create(baseLead({ lastName: 'Waiting', assigneeId: me.id }), me);
    await contact(waiting.id, 'voicemail'); // call again tomorrow: not due
    await app.core.leads.create(baseLead({ lastName: 'NotMine', assigneeId: other }), me);
    const unassigned = await app.core.leads.create(baseLead({ lastName: 'Unassigned' }), me); // the manager's queue
    const closed = await app.core.leads.create(baseLead({ lastName: 'Closed', assigneeId: me.id }), me);
    await contact(closed.id, 'reached');
    await ok(app.core, 'leads.closedNoSale', {
      id: closed.id,
      version: await versionOf(app.core, closed.id),
      input: { reason: 'customer_refuses' },
    });

    const day = await ok(app.core, 'playbook.myDay', {});
    expect(day.rows.map((r: any) => r.name.split(' ')[1])).toEqual([
      'CdOld',
      'CdNew',
      'Unassigned',
      'Waiting',
      'HqOld',
    ]);
    expect(day).toMatchObject({ total: 5, open: 5, due: 4 });
    expect(await ok(app.core, 'playbook.myDay', { dueOnly: true })).toMatchObject({ total: 4, open: 5, due: 4 });
    expect(day.rows[3]).toMatchObject({ due: false, step: { kind: 'callAgain' } });
    const dueOnly = await ok(app.core, 'playbook.myDay', { dueOnly: true });
    expect(dueOnly.rows.map((r: any) => r.leadId)).toEqual([cdOld.id, cdNew.id, unassigned.id, hqOld.id]);
    // The whole desk: the "due now" filter over every open lead, and by step kind.
    const all = await ok(app.core, 'playbook.list', { due: true });
    expect(all.total).toBe(5);
    expect((await ok(app.core, 'playbook.list', { kind: 'callAgain' })).rows.map((r: any) => r.leadId)).toEqual([
      waiting.id,
    ]);
    // The list column: the steps of the given ids in one call.
    const col = await ok(app.core, 'playbook.steps', { ids: [waiting.id, closed.id, 999_999] });
    expect(col.steps.map((x: any) => [x.leadId, x.step.kind, x.due])).toEqual([
      [waiting.id, 'callAgain', false],
      [closed.id, 'none', false],
    ]);
    // The next day at midday the call-again is due.
    app.clock.set(Date.parse('2026-03-03T11:45:00Z'));
    expect((await ok(app.core, 'playbook.myDay', { dueOnly: true })).total).toBe(5);
  });
});
