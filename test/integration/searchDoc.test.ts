// The import's search documents built in JS (electron/store/searchDoc.ts) against the SQL view
// `leads_search_doc` the per-row triggers use: byte for byte, row by row, and the whole index after an import.
import { afterEach, describe, expect, it } from 'vitest';
import { phoneDoc, searchDoc, type SearchDocSource } from '../../electron/store/searchDoc';
import { HQ_HEADERS, csv, hqRow, person, utf8 } from '../fixtures/importCorpus';
import { openTestApp, type TestApp } from './helpers';

let app: TestApp;
afterEach(() => app?.close());

type Src = Omit<SearchDocSource, 'number'>;
const base: Src = {
  firstName: 'Mario',
  lastName: 'Rossi',
  email: 'mario@example.it',
  phone: '+39 333 1234567',
  otherPhone: null,
  vin: 'ZAM57XSA1K1234567',
};
const PHONES: (string | null)[] = [
  null,
  '',
  ' ',
  '+',
  '-',
  '()',
  '1',
  '12',
  '123',
  '1234',
  '+39 333 1234567',
  '0039 333 1234567',
  '+39 (0)6 1234.5678',
  '(333) 123-45-67',
  '333/1234567',
  '  333 1234567  ',
  '\t333 1234567\t',
  '333\u00a01234567',
  '+41 79 123 45 67 ext. 12',
  '++--..//()',
  '+++3',
  ' + 3 ',
  '333 123 4567 / 06 1234567',
  'tel: 333 1234567',
  '٣٣٣١٢٣٤٥٦٧',
  '３３３１２３４',
  '333–1234567',
  'ＡＢＣ 123',
  'Çà 123',
  '333\n1234567',
  '333\r\n123',
  "333'123",
  '"333"',
  '333;123',
  '😀 333 1234',
  '333 😀',
  '\uD83D 333',
  '12\uDE0034',
  '\uD83D-\uDE00',
  '12\u000034',
  '\u0000',
  '0049 1521 730826',
  '12345678901234567890',
  '123456789012345678901',
  '+49 (0) 1521 730826 / 0 1521 730 826 / 0049 1521 730826 99',
];
const variants: Src[] = [
  base,
  { ...base, firstName: '', lastName: 'Dubois' },
  { ...base, firstName: 'Chloé', lastName: 'Lefèvre-Müller', email: 'chloé@exämple.fr' },
  { ...base, firstName: 'Jürgen', lastName: 'Weiß', email: null, vin: null },
  { ...base, firstName: '  Anna  ', lastName: ' Maria  Conti ', email: '' },
  { ...base, firstName: 'Σοφία', lastName: '王', email: 'x@y.z', vin: '' },
  { ...base, firstName: 'Björn\t', lastName: '\u00a0Hélène', email: 'a b@c.d' },
  { ...base, firstName: 'Emoji 😀', lastName: 'Lone \uD83D', email: '\uDE00@x.y' },
  { ...base, firstName: 'Nul\u0000', lastName: '\u0000x', email: 'n\u0000@x.y', vin: 'ZAM\u0000' },
  ...PHONES.map((phone) => ({ ...base, phone })),
  ...PHONES.map((otherPhone) => ({ ...base, phone: null, otherPhone })),
  ...PHONES.map((p, i) => ({ ...base, phone: p, otherPhone: PHONES[PHONES.length - 1 - i]! })),
];

describe('search documents built in JS = the view leads_search_doc', () => {
  it('row by row, byte for byte, for accents, empty/NULL e-mail and phones, odd phone formats', () => {
    app = openTestApp();
    const db = app.core.store.sqlite;
    const ins =
      db.prepare(`INSERT INTO leads (number, status, lead_type, type_rank, source, campaign, created_at, assigned_at, updated_at,
      first_name, last_name, email, phone, other_phone, vin, sla1_due_at, sla2_due_at)
      VALUES (?, 'assigned', 'hq_driven', 1, 'hq_campaign', 'service_reminder', 0, 0, 0, ?, ?, ?, ?, ?, ?, 0, 0)`);
    // hex() of what the view computes and of the JS document bound as a parameter: the same bytes reach FTS5.
    const view = db.prepare(
      'SELECT hex(name) AS name, hex(email) AS email, hex(phone) AS phone, hex(vin) AS vin, hex(number) AS number FROM leads_search_doc WHERE id = ?',
    );
    const bound = db.prepare(
      'SELECT hex(?) AS name, hex(?) AS email, hex(?) AS phone, hex(?) AS vin, hex(?) AS number',
    );
    let mirrored = 0;
    variants.forEach((v, i) => {
      const number = `ASL-2026-${String(i + 1).padStart(6, '0')}`;
      const id = Number(
        ins.run(number, v.firstName, v.lastName, v.email, v.phone, v.otherPhone, v.vin).lastInsertRowid,
      );
      const doc = searchDoc({ ...v, number });
      const unmirrored = /[\u0000\uD800-\uDFFF]/.test(`${v.phone ?? ''}${v.otherPhone ?? ''}`);
      expect(doc === null, JSON.stringify(v)).toBe(unmirrored);
      if (doc) {
        mirrored++;
        expect(bound.get(doc.name, doc.email, doc.phone, doc.vin, doc.number), JSON.stringify(v)).toEqual(view.get(id));
      }
    });
    expect(mirrored).toBeGreaterThan(100);
  });

  it('phone variants: digits, without 1-3 leading digits, both numbers', () => {
    expect(phoneDoc('+39 333 1234567', null)).toBe('393331234567 93331234567 3331234567 331234567 r765432133393');
    expect(phoneDoc(null, '(06) 123-45')).toBe('0612345 612345 12345 2345 r5432160');
    expect(phoneDoc('12', '+3')).toBe('12 2   3 r21 r3');
    expect(phoneDoc(null, null)).toBe('');
    expect(phoneDoc('\t1 2', null)).toBe('\t12 12 2 r21\t');
    // The reversed end keeps the last 20 characters only.
    expect(phoneDoc('123456789012345678901234', null)!.split(' ').at(-1)).toBe('r43210987654321098765');
  });

  it('the index after an import is the one the view would have built (every term, column and position)', async () => {
    app = openTestApp();
    const db = app.core.store.sqlite;
    const rows = [HQ_HEADERS, ...[1, 2, 3, 4, 5, 6].map((n) => hqRow(person(n)))];
    rows[2]![4] = '0039 (333) 12-34.567';
    rows[3]![3] = '';
    rows[3]![4] = '333/7654321 ';
    rows[4]![1] = 'Élodie Zoé';
    rows[5]![4] = '+41 79 123 45 67';
    // A NUL in a phone (past the first 8 KB, which the reader checks for binary content) is refused like any
    // phone with a control character (shared/rules/contact.ts): it never reaches the index.
    for (let n = 100; n < 250; n++) rows.push(hqRow(person(n)));
    rows.push(hqRow({ ...person(999), phone: '333\u00003334444' }));
    const r = await app.core.importer.commit(
      { name: 'docs.csv', data: utf8(csv(rows, ';')) },
      { decisions: [] },
      await app.core.resolveActor(),
    );
    expect(r.imported).toBe(rows.length - 2);
    await app.core.settled(); // the import's alerts (written after its commit; a call's reply waits for them)
    db.exec("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'leads_fts', 'instance')");
    const terms = () =>
      db.prepare('SELECT term, doc, col, offset FROM temp.fts_terms ORDER BY doc, col, offset, term').all();
    const fromImport = terms();
    expect(fromImport.length).toBeGreaterThan(r.imported * 8);
    // Rebuild these documents the trigger's way (from the view) and compare.
    const del = db.prepare('DELETE FROM leads_fts WHERE rowid = ?');
    const viaView = db.prepare(
      'INSERT INTO leads_fts(rowid, name, email, phone, vin, number) SELECT id, name, email, phone, vin, number FROM leads_search_doc WHERE id = ?',
    );
    db.transaction(() => {
      for (const id of r.leadIds) {
        del.run(id);
        viaView.run(id);
      }
    })();
    expect(terms()).toEqual(fromImport);
    const search = async (q: string) => (await app.core.lists.list({ view: 'assigned', search: q })).total;
    expect(await search('393331234567')).toBe(1);
    expect(await search('7654321')).toBe(1);
    expect(await search('zoe')).toBe(1);
  });
});
