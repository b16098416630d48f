// leads.create checks a new lead's phones, e-mail and names as the import does (shared/rules/contact.ts), with the
// field in each error; a lone surrogate is refused once at the contract (TEXT_INVALID), never stored as U+FFFD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMappingSchema, mapRow } from '../../shared/import/mapping';
import { baseLead, err, ok, openTestApp, type TestApp, sqlGet } from './helpers';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.close());

const count = async () => (await sqlGet<{ n: number }>(app.core, 'SELECT count(*) AS n FROM leads'))!.n;
const importCode = (values: Record<string, string>) =>
  mapRow(
    2,
    { lastName: 'Rossi', ...values },
    importMappingSchema.parse({ defaults: { campaign: 'service_reminder', leadType: 'customer_driven' } }),
    {
      now: app.clock.now(),
      settings: app.core.settings.rules(),
      campaigns: app.core.settings.campaigns(),
    },
  ).error?.code ?? null;

describe('leads.create refuses what the import refuses', () => {
  it.each([
    ['phone', 'abc'],
    ['phone', '+'],
    ['phone', '0'],
    ['phone', '📞📞📞📞📞📞📞'],
    ['phone', '+39 333 123 4567 😀'],
    ['phone', '+39 333\u0000123 4567'],
    ['otherPhone', 'abc'],
    ['otherPhone', '12'],
  ])('%s %j → PHONE_INVALID on that field, like the import', async (field, value) => {
    const before = await count();
    const e = await err(app.core, 'leads.create', baseLead({ [field]: value }));
    expect([e.code, e.field]).toEqual(['PHONE_INVALID', field]);
    expect(await count()).toBe(before);
    expect(importCode({ email: 'a@b.it', [field]: value })).toBe('PHONE_INVALID');
  });

  it.each(['a@b.co.', '.a@b.co', 'a..b@c.it', 'a@b', 'a@b.c'])(
    'e-mail %j → EMAIL_INVALID, like the import',
    async (email) => {
      const e = await err(app.core, 'leads.create', baseLead({ email }));
      expect([e.code, e.field]).toEqual(['EMAIL_INVALID', 'email']);
      expect(importCode({ email, phone: '+39 333 1234567' })).toBe('EMAIL_INVALID');
    },
  );

  it.each([
    ['firstName', '\u200b'],
    ['lastName', '\u200b\u200c\u2060'],
    ['lastName', '\u202e\u202d'],
    ['firstName', '\u2066\u2069'],
    ['lastName', 'Rossi\u202e'],
  ])('%s of only invisible or bidi characters %j → NAME_INVALID on that field', async (field, value) => {
    const e = await err(app.core, 'leads.create', baseLead({ [field]: value }));
    expect([e.code, e.field]).toEqual(['NAME_INVALID', field]);
    expect(importCode({ email: 'a@b.it', [field]: value })).toBe('NAME_INVALID');
  });

  it('a lone surrogate is refused once with TEXT_INVALID on its field; a real emoji pair is kept as typed', async () => {
    for (const [field, value] of [
      ['lastName', 'Ros\ud800si'],
      ['customerNotes', 'note \udc00'],
      ['city', '\ud83d'],
    ] as const) {
      const e = await err(app.core, 'leads.create', baseLead({ [field]: value }));
      expect([e.code, e.field]).toEqual(['TEXT_INVALID', field]);
    }
    const d = await ok(app.core, 'leads.create', baseLead({ customerNotes: 'happy 😀' }));
    expect(d.lead.customerNotes).toBe('happy 😀');
  });

  it('an edit applies the same checks', async () => {
    const { lead } = await ok(app.core, 'leads.create', baseLead({ lastName: 'Verdi' }));
    for (const [input, code, field] of [
      [{ phone: 'abc' }, 'PHONE_INVALID', 'phone'],
      [{ email: 'a@b.co.' }, 'EMAIL_INVALID', 'email'],
      [{ firstName: '\u200b' }, 'NAME_INVALID', 'firstName'],
    ] as const) {
      const e = await err(app.core, 'leads.edit', { id: lead.id, version: lead.version, input });
      expect([e.code, e.field]).toEqual([code, `${field}`]);
    }
  });
});
