// The main process's one translation mechanism over the real locales: namespaces, languages, parameters, plurals
// and fallbacks as the e-mails, notifications, reports, import reports and the menu expect them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedT, formatWhen, localeTag, t } from './i18n';

const json = (lang: string, ns: string) =>
  JSON.parse(readFileSync(new URL(`../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8'));

describe('t(lang, "ns:key", params)', () => {
  it.each(['en', 'fr', 'de', 'it'])('reads the %s texts of every namespace, with {{params}} filled in', (lang) => {
    const mail = json(lang, 'mail');
    expect(t(lang, 'mail:appointment.summary', { dealer: 'Bianchi' })).toBe(
      mail.appointment.summary.replace('{{dealer}}', 'Bianchi'),
    );
    expect(t(lang, 'shell:menu.file')).toBe(json(lang, 'shell').menu.file);
    expect(t(lang, 'notify:kind.lead_assigned.body', { number: 'ASL-1', name: 'Rossi' })).toBe(
      json(lang, 'notify').kind.lead_assigned.body.replace('{{number}}', 'ASL-1').replace('{{name}}', 'Rossi'),
    );
  });

  it('a missing parameter becomes empty; a missing key falls back to English, then to the key; an unknown language is English', () => {
    expect(t('en', 'mail:appointment.summary')).toBe('Service appointment — ');
    expect(t('it', 'mail:no.such.key')).toBe('no.such.key');
    expect(t('xx', 'shell:menu.file')).toBe(json('en', 'shell').menu.file);
  });

  it('count chooses the plural form by the language', () => {
    expect(t('en', 'app:list.updatedAgo', { count: 1 })).toBe('Updated 1 minute ago');
    expect(t('en', 'app:list.updatedAgo', { count: 5 })).toBe('Updated 5 minutes ago');
    expect(t('it', 'app:list.updatedAgo', { count: 1 })).toBe(
      json('it', 'app').list.updatedAgo_one.replace('{{count}}', '1'),
    );
  });

  it("fixedT is i18next's t for a language and a namespace (defaultValue, returnObjects)", () => {
    expect(fixedT('fr', 'templates')('campaign.no_such_campaign', { defaultValue: 'no such campaign' })).toBe(
      'no such campaign',
    );
    expect(fixedT('de', 'shell')('menu', { returnObjects: true })).toEqual(json('de', 'shell').menu);
  });

  it("dates and numbers in the language's tag and the dealer's zone", () => {
    expect(localeTag('it')).toBe('it-IT');
    expect(formatWhen(Date.UTC(2026, 2, 2, 9, 0), 'it', 'Europe/Rome')).toEqual({
      date: 'lunedì 2 marzo 2026',
      time: '10:00',
    });
  });
});
