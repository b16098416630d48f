// Settings channels through the real core: the dealer's identity (settings.setDealer) and the dealership's own
// campaigns (settings.setCampaigns) — valid input kept, bad input refused with a translated code and nothing
// written, a used campaign kept, desk staff refused; the dealer's name reaches the appointment e-mails.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../shared/contract/app';
import type { LeadDetail } from '../../shared/contract/models';
import { DEFAULT_CAMPAIGNS } from '../../shared/domain/vocabulary';
import { defaultRuleSettings } from '../../shared/domain/settings';
import { DEFAULT_PLAYBOOK } from '../../shared/rules/nextStep';
import { DEFAULT_NOTIFY_SETTINGS } from '../../shared/rules/notifications';
import { createSettingsService } from '../../electron/core/settingsService';
import { DEFAULT_CAPACITY, SETTINGS, type SettingKey } from '../../electron/core/settingsRegistry';
import { baseLead, err, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlRun } from './helpers';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

const DEALER = {
  name: 'Autoservizi Bianchi',
  email: 'service@bianchi.example',
  phone: '+39 02 1234567',
  address: 'Via Roma 1, Milano',
};
const stored = async (key: string) =>
  ((await sqlGet(app.core, 'SELECT value FROM settings WHERE key = ?', key)) as { value: string } | undefined)?.value;
const translated = (code: string) => {
  for (const lang of ['en', 'fr', 'de', 'it']) {
    const errors = JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as {
      code: Record<string, string>;
    };
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
    expect((await err(app.core, 'settings.setDealer', { ...DEALER, name: 'x'.repeat(121) })).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('the dealer name appears in the appointment e-mail and the contact templates', async () => {
    await ok(app.core, 'settings.setDealer', DEALER);
    await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: 2525,
      tls: 'none',
      user: '',
      from: 'service@bianchi.example',
      dealerMailbox: 'desk@bianchi.example',
    });
    const d = await ok<LeadDetail>(app.core, 'leads.create', baseLead());
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: Date.parse('2026-03-05T10:00:00+01:00'), sendEmail: true },
    });
    const mail = (await sqlGet(
      app.core,
      `SELECT subject, text_body AS text FROM outbox WHERE kind = 'appointment_confirmation' AND to_address = ?`,
      'mario.rossi@example.it',
    )) as { subject: string; text: string };
    expect(`${mail.subject}\n${mail.text}`).toContain('Autoservizi Bianchi');
  });
});

describe('settings.setCampaigns', () => {
  it('adds campaigns by name (trimmed) after the six defaults, each with a stable id a new lead may use', async () => {
    const s = await ok<AppSettings>(app.core, 'settings.setCampaigns', {
      campaigns: ['  Spring  check ', 'Révision été', '2027 promo'],
    });
    expect(s.campaigns).toEqual([...DEFAULT_CAMPAIGNS, 'spring_check', 'revision_ete', 'c_2027_promo']);
    expect(s.campaignLabels).toEqual({
      spring_check: 'Spring check',
      revision_ete: 'Révision été',
      c_2027_promo: '2027 promo',
    });
    const d = await ok<LeadDetail>(app.core, 'leads.create', baseLead({ campaign: 'revision_ete' }));
    expect(d.lead.campaign).toBe('revision_ete');
    expect((await err(app.core, 'leads.create', baseLead({ campaign: 'winter_check' }))).code).toBe('CAMPAIGN_UNKNOWN');
    // Saving the list again keeps the ids (leads store them); a new name whose id is taken gets another one.
    const again = await ok<AppSettings>(app.core, 'settings.setCampaigns', {
      campaigns: ['Révision été', 'spring CHECK', 'Spring-check!'],
    });
    expect(again.campaigns.slice(6)).toEqual(['revision_ete', 'spring_check', 'spring_check_2']);
    expect(again.campaignLabels.spring_check).toBe('spring CHECK');
    // The phone script names the campaign as typed and the dealer by the name set in the settings.
    await ok(app.core, 'settings.setDealer', DEALER);
    const step = await ok<{ scripts: { phone_script: { body: string } } }>(app.core, 'playbook.step', {
      id: d.lead.id,
    });
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
      expect(await err(app.core, 'settings.setCampaigns', { campaigns }), JSON.stringify(campaigns)).toMatchObject({
        code,
        field,
      });
      translated(code);
    }
    expect(JSON.parse((await stored('campaigns'))!)).toEqual(['tyre_hotel']);
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: 'Tyre hotel' })).code).toBe('INVALID_INPUT');
  });

  it('refuses to remove a campaign that a lead or an assignment rule uses (CAMPAIGN_IN_USE); an unused one goes', async () => {
    await ok(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Spring check', 'Autumn'] });
    await ok(app.core, 'leads.create', baseLead({ campaign: 'tyre_hotel' }));
    await ok(app.core, 'assignment.rules.set', { rules: [{ campaign: 'autumn', targetRole: 'service_advisor' }] });
    const e = await err(app.core, 'settings.setCampaigns', { campaigns: ['Spring check', 'Autumn'] });
    expect(e).toMatchObject({ code: 'CAMPAIGN_IN_USE', params: { campaign: 'Tyre hotel' } });
    translated('CAMPAIGN_IN_USE');
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Spring check'] })).code).toBe(
      'CAMPAIGN_IN_USE',
    );
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).campaigns.slice(6)).toEqual([
      'tyre_hotel',
      'spring_check',
      'autumn',
    ]);
    expect(
      (
        await ok<AppSettings>(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel', 'Autumn'] })
      ).campaigns.slice(6),
    ).toEqual(['tyre_hotel', 'autumn']);
  });
});

describe('business rules validation', () => {
  it('an opening time after the closing time and an impossible holiday are refused with translated codes', async () => {
    await app.core.ready; // PostgreSQL: the settings loaded (SQLite: at creation)
    const rules = app.core.settings.rules();
    const hours = [...rules.openingHours] as typeof rules.openingHours;
    hours[2] = { open: '18:00', close: '08:30' };
    expect(await err(app.core, 'settings.setRules', { ...rules, openingHours: hours })).toMatchObject({
      code: 'OPENING_HOURS_INVALID',
      field: 'openingHours.2',
    });
    expect(await err(app.core, 'settings.setRules', { ...rules, holidays: ['2026-02-30'] })).toMatchObject({
      code: 'HOLIDAY_INVALID',
      field: 'holidays.0',
    });
    translated('OPENING_HOURS_INVALID');
    translated('HOLIDAY_INVALID');
    const s = await ok<AppSettings>(app.core, 'settings.setRules', {
      ...rules,
      holidays: ['2026-12-25', '2026-12-08', '2026-12-25'],
    });
    expect(s.rules.holidays).toEqual(['2026-12-08', '2026-12-25']);
  });
});

describe('permissions', () => {
  it('desk staff cannot change the dealer or the campaigns (FORBIDDEN), nothing is written', async () => {
    const desk = await ok<{ id: number }>(app.core, 'people.save', { name: 'Dora', roles: ['booking_operator'] });
    await ok(app.core, 'people.switch', { userId: desk.id });
    expect((await err(app.core, 'settings.setDealer', DEALER)).code).toBe('FORBIDDEN');
    expect((await err(app.core, 'settings.setCampaigns', { campaigns: ['Tyre hotel'] })).code).toBe('FORBIDDEN');
    expect(await stored('dealer')).toBeUndefined();
    expect(await stored('campaigns')).toBeUndefined();
    expect((await ok<AppSettings>(app.core, 'settings.get', {})).campaigns).toEqual([...DEFAULT_CAMPAIGNS]);
  });
});

describe('the settings registry (typed get/set, validated on write and on read)', () => {
  const fresh = (log: (m: string) => void = () => undefined) =>
    createSettingsService(app.core.store, app.core.data, app.clock, 'Europe/Rome', log);
  const freshReady = async () => {
    const s = fresh();
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    return s;
  };
  const storeRaw = async (key: string, text: string) =>
    await sqlRun(
      app.core,
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      key,
      text,
    );

  it('answers typed defaults for every key never written', async () => {
    const s = fresh();
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    for (const key of Object.keys(SETTINGS) as SettingKey[]) {
      if (s.isSet(key)) continue;
      expect(s.get(key), key).toEqual(SETTINGS[key].default({ defaultTimeZone: 'Europe/Rome' }));
    }
    expect(s.get('language')).toBe('en');
    expect(s.get('workshop.capacity')).toBe(DEFAULT_CAPACITY);
    expect(s.get('notify')).toEqual(DEFAULT_NOTIFY_SETTINGS);
    expect(s.get('playbook')).toEqual(DEFAULT_PLAYBOOK);
    expect(s.get('kpi.digest')).toEqual({ enabled: true, hour: 8 });
    expect(s.get('mail.smtp')).toMatchObject({ host: '', port: 587, tls: 'starttls', password: null });
    expect(s.get('import.watchFolder')).toEqual({
      enabled: false,
      path: '',
      preset: null,
      duplicateDefault: 'skip',
      intervalSeconds: 30,
    });
    expect(s.get('desk.currentUser') === null || typeof s.get('desk.currentUser') === 'number').toBe(true);
    expect(s.rules()).toEqual(defaultRuleSettings('Europe/Rome'));
  });

  it('a stored value that does not fit its schema (or is not JSON) reads as the default, and is logged', async () => {
    await storeRaw('language', '"xx"');
    await storeRaw('workshop.capacity', '-3');
    await storeRaw('notify', '{"sla1RiskHours":"four","copyManagers":true,"emailAssignee":true}');
    await storeRaw('kpi.digest.lastDay', '{not json');
    await storeRaw('rules', '{"timeZone":"Europe/Rome"}');
    const logged: string[] = [];
    const s = fresh((m) => logged.push(m));
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    expect(s.get('language')).toBe('en');
    expect(s.get('workshop.capacity')).toBe(DEFAULT_CAPACITY);
    expect(s.get('notify')).toEqual(DEFAULT_NOTIFY_SETTINGS);
    expect(s.get('kpi.digest.lastDay')).toBeNull();
    expect(s.rules()).toEqual(defaultRuleSettings('Europe/Rome'));
    expect(logged).toHaveLength(5);
    expect(logged.join('\n')).toMatch(/"language".*default/);
    expect(logged.join('\n')).toMatch(/"kpi\.digest\.lastDay" is not JSON/);
    // Read once, logged once.
    s.get('language');
    expect(logged).toHaveLength(5);
    // The whole app still answers its settings.
    expect(s.all().language).toBe('en');
  });

  it("an object stored before a field existed takes that field's default; the fields it has are kept", async () => {
    await storeRaw('notify', '{"sla1RiskHours":6,"copyManagers":true,"emailAssignee":false}');
    await storeRaw('playbook', '{"attemptsBeforeEmail":5}');
    const s = fresh();
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    expect(s.get('notify')).toEqual({
      sla1RiskHours: 6,
      copyManagers: true,
      copyAlternates: DEFAULT_NOTIFY_SETTINGS.copyAlternates,
      emailAssignee: false,
    });
    expect(s.get('playbook')).toEqual({ ...DEFAULT_PLAYBOOK, attemptsBeforeEmail: 5 });
  });

  it('answers isSet and all() from the values loaded at creation; invalidate loads them again', async () => {
    const s = fresh();
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    expect(s.isSet('workshop.capacity')).toBe(false);
    await storeRaw('workshop.capacity', '7');
    // Another connection's write is not seen until invalidate (the reader's check of the settings' fingerprint).
    expect(s.isSet('workshop.capacity')).toBe(false);
    expect(s.get('workshop.capacity')).toBe(DEFAULT_CAPACITY);
    s.invalidate();
    await s.ready;
    expect(s.isSet('workshop.capacity')).toBe(true);
    expect(s.get('workshop.capacity')).toBe(7);
  });

  it('without a SQLite connection (PostgreSQL) loads through the AsyncStore: ready, then the same values', async () => {
    await app.core.settings.set('workshop.capacity', 9);
    const s = createSettingsService(null, app.core.data, app.clock, 'Europe/Rome', () => undefined);
    expect(() => s.get('workshop.capacity')).toThrow(/not loaded yet/);
    await s.ready;
    expect(s.get('workshop.capacity')).toBe(9);
    expect(s.isSet('workshop.capacity')).toBe(true);
    expect(s.isSet('playbook')).toBe(false);
    expect(s.all()).toEqual(app.core.settings.all());
    await s.set('workshop.capacity', 10);
    expect(s.get('workshop.capacity')).toBe(10);
    expect((await freshReady()).get('workshop.capacity')).toBe(10);
    // A write that fails after caching its value (here a rules listener): rolled back, the committed values loaded again.
    const rules = s.rules();
    s.onRulesChanged(() => {
      throw new Error('listener failed');
    });
    await expect(s.setRules({ ...rules, timeZone: 'America/New_York' })).rejects.toThrow('listener failed');
    expect(s.rules()).toEqual(rules);
    expect(s.get('workshop.capacity')).toBe(10);
  });

  it('refuses an unknown key, and a value that does not fit on write (nothing written)', async () => {
    const s = fresh();
    await s.ready; // PostgreSQL: loaded through the AsyncStore (SQLite: at creation)
    expect(() => s.get('no.such.key' as SettingKey)).toThrow(/Unknown setting "no\.such\.key"/);
    expect(() => s.set('no.such.key' as SettingKey, 1 as never)).toThrow(/Unknown setting/);
    expect(() => s.isSet('no.such.key' as SettingKey)).toThrow(/Unknown setting/);
    expect(await stored('no.such.key')).toBeUndefined();
    expect(() => s.set('workshop.capacity', 501)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'workshop.capacity' }),
    );
    expect(() => s.set('language', 'xx' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'language' }),
    );
    expect(() => s.set('notify', { ...DEFAULT_NOTIFY_SETTINGS, sla1RiskHours: 0 })).toThrow(
      expect.objectContaining({ field: 'notify.sla1RiskHours' }),
    );
    expect(await stored('workshop.capacity')).toBeUndefined();
    expect(await stored('language')).toBeUndefined();
    await s.set('workshop.capacity', 12);
    expect((await freshReady()).get('workshop.capacity')).toBe(12);
    // A schema's defaults apply on write: the stored value is the parsed one.
    await s.set('import.watchFolder', { enabled: false, path: '' } as never);
    expect(JSON.parse((await stored('import.watchFolder'))!)).toEqual({
      enabled: false,
      path: '',
      preset: null,
      duplicateDefault: 'skip',
      intervalSeconds: 30,
    });
  });
});

describe('the default person', () => {
  it('"Front desk" takes the desk\'s language while nobody renamed it; a renamed person keeps the name', async () => {
    const app = openTestApp();
    try {
      const first = async () =>
        ((await sqlGet(app.core, 'SELECT name FROM users ORDER BY id LIMIT 1')) as { name: string }).name;
      expect(await first()).toBe('Front desk');
      await ok(app.core, 'settings.setLanguage', { language: 'fr' });
      expect(await first()).toBe('Accueil');
      await ok(app.core, 'settings.setLanguage', { language: 'de' });
      expect(await first()).toBe('Empfang');
      await sqlRun(app.core, "UPDATE users SET name = 'Giulia Neri' WHERE id = (SELECT min(id) FROM users)");
      await ok(app.core, 'settings.setLanguage', { language: 'it' });
      expect(await first()).toBe('Giulia Neri');
    } finally {
      app.close();
    }
  });
});
