// Settings channels through the real core: the dealer's identity (settings.setDealer) and the dealership's own
// campaigns (settings.setCampaigns) — valid input kept, bad input refused with a translated code and nothing
// written, a used campaign kept, desk staff refused; the dealer's name reaches the appointment e-mails.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../shared/contract/app';
import type { LeadDetail } from '../../shared/contract/models';
import { DEFAULT_CAMPAIGNS } from '../../shared/domain/vocabulary';
import { baseLead, err, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeEach(() => { app = openTestApp(); });
afterEach(() => app.close());

const DEALER = { name: 'Autoservizi Bianchi', email: 'service@bianchi.example', phone: '+39 02 1234567', address: 'Via Roma 1, Milano' };
const stored = (key: string) => (app.core.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const translated = (code: string) => {
  for (const lang of ['en', 'fr', 'de', 'it']) {
    const errors = JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as { code: Record<string, string> };
    expect(errors.code[code], `${lang} ${code}`).toBeTruthy();
  }
};

describe('settings.setDealer', () => {
  it('keeps the dealer (trimmed), refuses a bad e-mail with EMAIL_INVALID on the field and writes nothing', async () => {
    const s = await ok<AppSettings>(app.core, 'settings.setDealer', { ...DEALER, name: `  ${DEALER.name} ` });
    expect(s.dealer).toEqual(DEALER);
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).dealer).toEqual(DEALER);
    const e = await err(app.core, 'settings.setDealer', { ...DEALER, name: 'Other', email: 'not-an-email' });
    expect(e).toMatchObject({ code: 'EMAIL_INVALID', field: 'email' });
    translated('EMAIL_INVALID');
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).dealer.name).toBe(DEALER.name);
    // An empty e-mail is allowed; a too long name is refused by the contract.
    expect((await ok<AppSettings>(app.core, 'settings.setDealer', { ...DEALER, email: '' })).dealer.email).toBe('');
    expect((await err(app.core, 'settings.setDealer', { ...DEALER, name: 'x'.repeat(121) })).code).toBe('INVALID_INPUT');
  });

  it('the dealer name appears in the appointment e-mail and the contact templates', async () => {
    await ok(app.core, 'settings.setDealer', DEALER);
    await ok(app.core, 'mail.settings.set', { host: '127.0.0.1', port: 2525, tls: 'none', user: '', from: 'service@bianchi.example', dealerMailbox: 'desk@bianchi.example' });
    const d = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    await ok(app.core, 'leads.recordContact', { id: d.lead.id, input: { direction: 'outbound', channel: 'phone', outcome: 'reached' } });
    await ok(app.core, 'leads.makeAppointment', { id: d.lead.id, input: { appointmentAt: Date.parse('2026-03-05T10:00:00+01:00'), sendEmail: true } });
    const mail = app.core.store.sqlite.prepare(`SELECT subject, text_body AS text FROM outbox WHERE kind = 'appointment_confirmation' AND to_address = ?`)
      .get('mario.rossi@example.it') as { subject: string; text: string };
    expect(`${mail.subject}\n${mail.text}`).toContain('Autoservizi Bianchi');
  });
});

describe('settings.setCampaigns', () => {
  it('adds campaigns by name (trimmed) after the six defaults, each with a stable id a new lead may use', async () => {
    const s = await ok<AppSettings>(app.core, 'settings.setCampaigns', { campaigns: ['  Spring  check ', 'Révision été', '2027 promo'] });
    expect(s.campaigns).toEqual([...DEFAULT_CAMPAIGNS, 'spring_check', 'revision_ete', 'c_2027_promo']);
    expect(s.campaignLabels).toEqual({ spring_check: 'Spring check', revision_ete: 'Révision été', c_2027_promo: '2027 promo' });
    const d = await ok<LeadDetail>(app.core, 'leads.create', baseLead({ campaign: 'revision_ete' }));
    expect(d.lead.campaign).toBe('revision_ete');
    expect((await err(app.core, 'leads.create', baseLead({ campaign: 'winter_check' }))).code).toBe('CAMPAIGN_UNKNOWN');
    // Saving the list again keeps the ids (leads store them); a new name whose id is taken gets another one.
    const again = await ok<AppSettings>(app.core, 'settings.setCampaigns', { campaigns: ['Révision été', 'spring CHECK', 'Spring-check!'] });
    expect(again.campaigns.slice(6)).toEqual(['revision_ete', 'spring_check', 'spring_check_2']);
    expect(again.campaignLabels.spring_check).toBe('spring CHECK');
    // The phone script names the campaign as typed and the dealer by the name set in the settings.
    await ok(app.core, 'settings.setDealer', DEALER);
    const step = await ok<{ scripts: { phone_script: { body: string } } }>(app.core, 'playbook.step', { id: d.lead.id });
    expect(step.scripts.phone_script.body).toContain('Révision été');
    expect(step.scripts.phone_script.body).toContain(DEALER.name);
  });

  it('refuses bad names with translated codes on the item and writes nothing', async () => {
    await ok(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel'] });
    const cases: [string[], string, string][] = [
      [['Tyre hotel', 'x'], 'CAMPAIGN_NAME_INVALID', 'campaigns.1'],
      [['y'.repeat(61)], 'CAMPAIGN_NAME_INVALID', 'campaigns.0'],
      [['Tyre hotel', 'TYRE  HOTEL'], 'CAMPAIGN_DUPLICATE', 'campaigns.1'],
      [['Service Reminder'], 'CAMPAIGN_DUPLICATE', 'campaigns.0'],
    ];
    for (const [campaigns, code, field] of cases) {
      expect(await err(app.core, 'settings.setCampaigns', { campaigns }), JSON.stringify(campaigns)).toMatchObject({ code, field });
      translated(code);
    }
    expect(JSON.parse(stored('campaigns')!)).toEqual(['tyre_hotel']);
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: 'Tyre hotel' })).code).toBe('INVALID_INPUT');
  });

  it('refuses to remove a campaign that a lead or an assignment rule uses (CAMPAIGN_IN_USE); an unused one goes', async () => {
    await ok(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Spring check', 'Autumn'] });
    await ok(app.core, 'leads.create', baseLead({ campaign: 'tyre_hotel' }));
    await ok(app.core, 'assignment.rules.set', { rules: [{ campaign: 'autumn', targetRole: 'service_advisor' }] });
    const e = await err(app.core, 'settings.setCampaigns', { campaigns: ['Spring check', 'Autumn'] });
    expect(e).toMatchObject({ code: 'CAMPAIGN_IN_USE', params: { campaign: 'Tyre hotel' } });
    translated('CAMPAIGN_IN_USE');
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Spring check'] })).code).toBe('CAMPAIGN_IN_USE');
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).campaigns.slice(6)).toEqual(['tyre_hotel', 'spring_check', 'autumn']);
    expect((await ok<AppSettings>(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Autumn'] })).campaigns.slice(6)).toEqual(['tyre_hotel', 'autumn']);
  });
});

describe('business rules validation', () => {
  it('an opening time after the closing time and an impossible holiday are refused with translated codes', async () => {
    const rules = app.core.settings.rules();
    const hours = [...rules.openingHours] as typeof rules.openingHours;
    hours[2] = { open: '18:00', close: '08:30' };
    expect(await err(app.core, 'settings.setRules', { ...rules, openingHours: hours })).toMatchObject({ code: 'OPENING_HOURS_INVALID', field: 'openingHours.2' });
    expect(await err(app.core, 'settings.setRules', { ...rules, holidays: ['2026-02-30'] })).toMatchObject({ code: 'HOLIDAY_INVALID', field: 'holidays.0' });
    translated('OPENING_HOURS_INVALID');
    translated('HOLIDAY_INVALID');
    const s = await ok<AppSettings>(app.core, 'settings.setRules', { ...rules, holidays: ['2026-12-25', '2026-12-08', '2026-12-25'] });
    expect(s.rules.holidays).toEqual(['2026-12-08', '2026-12-25']);
  });
});

describe('permissions', () => {
  it('desk staff cannot change the dealer or the campaigns (FORBIDDEN), nothing is written', async () => {
    const desk = await ok<{ id: number }>(app.core, 'people.save', { name: 'Dora', roles: ['booking_operator'] });
    await ok(app.core, 'people.switch', { userId: desk.id });
    expect((await err(app.core, 'settings.setDealer', DEALER)).code).toBe('FORBIDDEN');
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel'] })).code).toBe('FORBIDDEN');
    expect(stored('dealer')).toBeUndefined();
    expect(stored('campaigns')).toBeUndefined();
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).campaigns).toEqual([...DEFAULT_CAMPAIGNS]);
  });
});

describe('the default person', () => {
  it('"Front desk" takes the desk\'s language while nobody renamed it; a renamed person keeps the name', async () => {
    const app = openTestApp();
    try {
      const first = () => (app.core.store.sqlite.prepare('SELECT name FROM users ORDER BY id LIMIT 1').get() as { name: string }).name;
      expect(first()).toBe('Front desk');
      await ok(app.core, 'settings.setLanguage', { language: 'fr' });
      expect(first()).toBe('Accueil');
      await ok(app.core, 'settings.setLanguage', { language: 'de' });
      expect(first()).toBe('Empfang');
      app.core.store.sqlite.prepare("UPDATE users SET name = 'Giulia Neri' WHERE id = (SELECT min(id) FROM users)").run();
      await ok(app.core, 'settings.setLanguage', { language: 'it' });
      expect(first()).toBe('Giulia Neri');
    } finally { app.close(); }
  });
});
