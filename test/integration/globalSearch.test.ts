// The header's search across every list (leads.globalSearch): each kind of query the desk types — lead number
// with or without its prefix and zeros, a phone number as caller ID shows it (national format, last digits),
// e-mail, part of a VIN, a name — on a small real database, grouped by status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlobalSearchResult } from '../../shared/contract/leads';
import { baseLead, ok, openTestApp, type TestApp, sqlRun } from './helpers';

let app: TestApp;
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};

beforeAll(async () => {
  app = openTestApp();
  const make = async (key: string, over: Parameters<typeof baseLead>[0]) => {
    const d = await ok(app.core, 'leads.create', baseLead(over));
    ids[key] = d.lead.id;
    numbers[key] = d.lead.number;
  };
  await make('mario', {});
  await make('jurgen', {
    firstName: 'Jürgen',
    lastName: 'Weiß',
    email: 'j.weiss@autohaus.de',
    phone: '+49 1521 730826',
    language: 'de',
  });
  await make('chloe', {
    firstName: 'Chloé',
    lastName: 'Dubois',
    email: 'chloe.dubois@exemple.fr',
    phone: '06 12 34 56 78',
    otherPhone: '0033 1 44 55 66 77',
    language: 'fr',
    vin: 'VF1RFB00X12345678',
  });
  await make('anna', {
    firstName: 'Anna',
    lastName: 'Weissmann',
    email: 'anna@example.com',
    phone: '0049 (0)30 1234567',
    language: 'de',
    vin: 'WVWZZZ1KZAW000123',
  });
  for (let i = 0; i < 6; i++)
    await make(`rossi${i}`, {
      firstName: `Luca${i}`,
      lastName: 'Rossi',
      email: `luca${i}@example.it`,
      phone: `+39 06 555 000${i}`,
    });
  // Spread over statuses (the search groups by status; the status itself is not part of the search document).
  await sqlRun(app.core, "UPDATE leads SET status = 'lost' WHERE id IN (?, ?)", ids.rossi0, ids.rossi1);
  await sqlRun(app.core, "UPDATE leads SET status = 'appointment' WHERE id = ?", ids.jurgen);
});
afterAll(() => app?.close());

const search = (q: string, limit?: number) => ok<GlobalSearchResult>(app.core, 'leads.globalSearch', { q, limit });
const found = async (q: string) => (await search(q, 50)).groups.flatMap((g) => g.rows.map((r) => r.id));

describe('leads.globalSearch', () => {
  it('a lead number with or without its prefix, year and zeros', async () => {
    const n = numbers.jurgen!; // ASL-2026-000002
    const seq = String(Number(n.slice(-6)));
    expect(await found(n)).toEqual([ids.jurgen]);
    expect(await found(seq)).toContain(ids.jurgen);
    expect(await found(n.slice(-6))).toContain(ids.jurgen);
    expect(await found(`2026-${seq}`)).toEqual([ids.jurgen]);
    expect(await found(`ASL-${seq}`)).toEqual([ids.jurgen]);
    expect(await found(`asl 2026 ${seq}`)).toEqual([ids.jurgen]);
    expect(await found('2025-2')).toEqual([]);
  });

  it('a phone number as caller ID shows it: international, national format, last digits, the other phone', async () => {
    expect(await found('+49 1521 730826')).toEqual([ids.jurgen]);
    expect(await found('01521730826')).toEqual([ids.jurgen]);
    expect(await found('01521 730826')).toEqual([ids.jurgen]);
    expect(await found('730826')).toEqual([ids.jurgen]);
    expect(await found('0049 1521 730826')).toEqual([ids.jurgen]);
    expect(await found('+33 6 12 34 56 78')).toEqual([ids.chloe]);
    expect(await found('0612345678')).toEqual([ids.chloe]);
    expect(await found('0144556677')).toEqual([ids.chloe]); // the other phone, national format
    expect(await found('030 1234567')).toEqual([ids.anna]);
    expect(await found('1234567')).toContain(ids.anna);
    expect(await found('3331234567')).toEqual([ids.mario]);
    expect(await found('999888')).toEqual([]);
  });

  it('e-mail, part of a VIN, a name (accents folded, prefixes)', async () => {
    expect(await found('j.weiss@autohaus.de')).toEqual([ids.jurgen]);
    expect(await found('autohaus')).toEqual([ids.jurgen]);
    expect(await found('VF1RFB00')).toEqual([ids.chloe]);
    expect(await found('wvwzzz1kzaw000123')).toEqual([ids.anna]);
    expect(await found('chloe dub')).toEqual([ids.chloe]);
    expect(await found('jurgen')).toEqual([ids.jurgen]);
    expect((await found('weiss')).sort()).toEqual([ids.jurgen, ids.anna].sort());
    expect(await found('"); DROP TABLE leads; --')).toEqual([]);
    expect(await found('x')).toEqual([]); // one character: nothing (too broad)
    expect(await found('   ')).toEqual([]);
  });

  it('groups by status in the domain order, with each group count and only `limit` leads per group, most recent first', async () => {
    const r = await search('rossi', 3);
    expect(r.total).toBe(7);
    expect(r.groups.map((g) => [g.status, g.count])).toEqual([
      ['assigned', 5],
      ['lost', 2],
    ]);
    const assigned = r.groups[0]!;
    expect(assigned.rows).toHaveLength(3);
    expect(assigned.rows.map((x) => x.id)).toEqual([ids.rossi5, ids.rossi4, ids.rossi3]);
    expect(r.groups[1]!.rows.map((x) => x.id)).toEqual([ids.rossi1, ids.rossi0]);
    expect(assigned.rows[0]).toMatchObject({ name: 'Luca5 Rossi', number: numbers.rossi5, status: 'assigned' });
    const j = await search('730826');
    expect(j.groups.map((g) => g.status)).toEqual(['appointment']);
  });

  it('a text query under 3 letters is not searched (too broad): no results, flagged tooShort; digits still search', async () => {
    const r = await search('ro', 50);
    expect(r).toMatchObject({ total: 0, groups: [], tooShort: true });
    expect((await search('é')).tooShort).toBe(true);
    const three = await search('ros', 50);
    expect(three.tooShort).toBeFalsy();
    const rossi = [0, 1, 2, 3, 4, 5].map((i) => ids[`rossi${i}`]);
    expect(three.groups.flatMap((g) => g.rows.map((x) => x.id))).toEqual(expect.arrayContaining(rossi));
    const digits = await search('2', 50); // a lead number stays searchable from one digit
    expect(digits.tooShort).toBeFalsy();
    expect(digits.groups.flatMap((g) => g.rows.map((x) => x.id))).toContain(ids.jurgen);
  });

  it('a lead edited later is found by its new phone (the per-row trigger builds the same document)', async () => {
    await sqlRun(app.core, "UPDATE leads SET phone = '+41 79 765 43 21' WHERE id = ?", ids.mario);
    expect(await found('079 765 43 21')).toEqual([ids.mario]);
    expect(await found('3331234567')).toEqual([]);
  });
});
