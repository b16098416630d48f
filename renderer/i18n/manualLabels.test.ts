// The translations use the manuals' own labels where they exist (issue 16, item 11): the Italian manual keeps the
// English campaign names and "Customer Driven / HQ Driven"; the French standard says NIV, the German one VIN;
// Recontact is "Relance" / "Ricontatto"; German list sorting reads as a sentence; "vom Autohaus".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../locales');
const load = (lang: string, ns: string) => JSON.parse(readFileSync(join(dir, lang, `${ns}.json`), 'utf8'));
/** Every value of a namespace, with its key path (the help glossary's terms excluded: they are the glossary's own). */
function values(lang: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.push([path, v]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  for (const f of readdirSync(join(dir, lang)))
    if (f.endsWith('.json')) walk(load(lang, f.replace('.json', '')), f.replace('.json', ''));
  return out.filter(([k]) => !k.startsWith('help.glossary') && !k.includes('.glossary.'));
}

describe("the manuals' own labels", () => {
  it.each([
    ['it', 'domain', 'campaign.service_reminder', 'Service Reminder'],
    ['it', 'domain', 'campaign.warranty_end_reminder', 'Warranty End Reminder'],
    ['it', 'domain', 'campaign.seasonal_promo', 'Seasonal Promo'],
    ['it', 'domain', 'leadType.customer_driven', 'Customer Driven'],
    ['it', 'domain', 'leadType.hq_driven', 'HQ Driven'],
    ['it', 'domain', 'source.recontact', 'Ricontatto'],
    ['fr', 'domain', 'source.recontact', 'Relance'],
    ['fr', 'domain', 'field.vin', 'NIV'],
    ['de', 'domain', 'field.vin', 'VIN'],
    ['de', 'domain', 'campaign.spontaneous_dealer', 'Spontananfrage vom Autohaus'],
  ])('%s %s:%s = %s', (lang, ns, key, expected) => {
    expect(key.split('.').reduce((o, k) => o[k], load(lang, ns))).toBe(expected);
  });

  it('French says NIV, German says VIN, everywhere', () => {
    expect(values('fr').filter(([, v]) => /\bVIN\b/.test(v))).toEqual([]);
    expect(values('de').filter(([, v]) => /\bFIN\b/.test(v))).toEqual([]);
  });

  it('German "Sortiert nach …" reads as a sentence with the default order too', () => {
    const app = load('de', 'app');
    const line = app.list.sortedBy.replace('{{column}}', app.list.defaultOrder);
    expect(line).toMatch(/^Sortiert nach [A-ZÄÖÜ]/);
  });

  it('the weekday switch has a label for each state', () => {
    for (const lang of ['en', 'fr', 'de', 'it']) {
      const s = load(lang, 'settings');
      expect(s.rules.openDay).toBeTruthy();
      expect(s.rules.closed).toBeTruthy();
      expect(s.rules.openDay).not.toBe(s.rules.closed);
    }
  });
});
