// The import corpus: awkward files as European offices send them, through the real core (on either store).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../../electron/core/appCore';
import type { Language } from '../../shared/domain/vocabulary';
import { normalizePhone } from '../../shared/people/phone';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportReport } from '../../shared/contract/import';
import { parseCsv } from '../../shared/import/csv';
import {
  HQ_HEADERS,
  bigHqFile,
  csv,
  hqRow,
  italianWebExport,
  person,
  pngFile,
  utf16leBom,
  utf8,
  utf8Bom,
  win1252,
  xlsxFile,
  zipNotXlsx,
} from '../fixtures/importCorpus';
import { baseLead, err, ok, openTestApp, sqlAll, sqlGet, sqlOn, sqlRun, testDbPath, type TestApp } from './helpers';

let app: TestApp;
afterEach(() => app?.close());
const b64 = (b: Buffer) => b.toString('base64');
const count = async () => (await sqlGet<{ n: number }>(app.core, 'SELECT count(*) AS n FROM leads'))!.n;
const preview = (name: string, data: Buffer, extra: object = {}) =>
  ok<ImportPreview>(app.core, 'import.preview', { name, base64: b64(data), ...extra });
const commit = (name: string, data: Buffer, extra: object = {}) =>
  ok<ImportReport>(app.core, 'import.commit', { name, base64: b64(data), ...extra });

const threeRows = () => [HQ_HEADERS, ...[1, 2, 3].map((n) => hqRow(person(n)))];

describe('import: encodings and delimiters', () => {
  const encodings = { 'utf-8': utf8, 'utf-8-bom': utf8Bom, 'windows-1252': win1252, 'utf-16le': utf16leBom } as const;
  for (const [enc, encode] of Object.entries(encodings)) {
    for (const [dname, d] of [
      ['comma', ','],
      ['semicolon', ';'],
      ['tab', '\t'],
    ] as const) {
      it(`${enc}, ${dname}`, async () => {
        app = openTestApp();
        const p = await preview(`hq-${enc}-${dname}.csv`, encode(csv(threeRows(), d)));
        expect(p.encoding).toBe(enc);
        expect(p.delimiter).toBe(d);
        expect(p.headers).toEqual(HQ_HEADERS);
        expect(p.mapping.columns).toMatchObject({
          externalId: 'Lead ID',
          firstName: 'First Name',
          lastName: 'Last Name',
          vin: 'VIN',
          campaign: 'AS Campaign',
          leadType: 'Lead Type',
        });
        expect(p.summary).toMatchObject({ total: 3, valid: 3, rejected: 0 });
        const r = await commit(`hq-${enc}-${dname}.csv`, encode(csv(threeRows(), d)));
        expect(r.imported).toBe(3);
        const names = (await sqlAll(app.core, "SELECT first_name || ' ' || last_name AS n FROM leads ORDER BY id")).map(
          (x) => x.n,
        );
        expect(names).toEqual([1, 2, 3].map((n) => `${person(n).first} ${person(n).last}`));
      });
    }
  }

  it('UTF-16 without a BOM (some Excel "Unicode text" exports)', async () => {
    app = openTestApp();
    const p = await preview('unicode.txt', Buffer.from(csv(threeRows(), '\t'), 'utf16le'));
    expect(p).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', summary: { valid: 3 } });
  });

  it('a file mixing UTF-8 and Windows-1252 lines is read per line, the preview naming the Windows-1252 lines', async () => {
    app = openTestApp();
    const rows = threeRows();
    rows[1]![1] = 'Jürgen'; // line 2: UTF-8
    rows[2]![1] = 'Zoé'; // line 3: Windows-1252 (pasted from an older export)
    rows[2]![2] = 'Größe';
    rows[3]![1] = 'Renée'; // line 4: UTF-8
    const lines = csv(rows, ';').split(/(?<=\r?\n)/);
    const data = Buffer.concat(lines.map((l, i) => (i === 2 ? win1252(l) : utf8(l))));
    // The file really is mixed: not valid UTF-8 as a whole, and the same letters in both encodings.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    expect(data.includes(Buffer.from('Jürgen', 'utf8'))).toBe(true);
    expect(data.includes(Buffer.from([0x5a, 0x6f, 0xe9, 0x3b]))).toBe(true); // "Zoé;" in Windows-1252
    const p = await preview('mixed.csv', data);
    expect(p.encoding).toBe('utf-8+windows-1252');
    expect(p.cp1252Lines).toEqual([3]);
    expect(p.rows.map((r) => r.cells.slice(1, 3))).toEqual([
      ['Jürgen', rows[1]![2]],
      ['Zoé', 'Größe'],
      ['Renée', rows[3]![2]],
    ]);
    const r = await commit('mixed.csv', data);
    expect(r.imported).toBe(3);
    const names = await sqlAll(app.core, 'SELECT first_name AS f, last_name AS l FROM leads ORDER BY id');
    expect(names).toEqual([
      { f: 'Jürgen', l: rows[1]![2] },
      { f: 'Zoé', l: 'Größe' },
      { f: 'Renée', l: rows[3]![2] },
    ]);
    // A file wholly in Windows-1252 stays one encoding, without a warning.
    const all1252 = await preview('old.csv', win1252(csv(rows, ';')));
    expect(all1252.encoding).toBe('windows-1252');
    expect(all1252.cp1252Lines).toBeUndefined();
  });

  it('Windows-1252 accents survive (Italian web export, `;`, dd.mm.yyyy with time, quoted line breaks)', async () => {
    app = openTestApp();
    const p = await preview('web.csv', italianWebExport(3));
    expect(p.encoding).toBe('windows-1252');
    expect(p.delimiter).toBe(';');
    expect(p.summary.valid).toBe(3);
    // Records after a quoted line break keep their physical line numbers.
    expect(p.rows.map((r) => r.line)).toEqual([2, 4, 6]);
    const r = await commit('web.csv', italianWebExport(3));
    expect(r.imported).toBe(3);
    const lead = await app.core.leads.load(r.leadIds[0]!);
    expect(lead.lastName).toBe(`${person(100).last}à`);
    expect(lead.requestDetails).toBe('Tagliando e "gomme"\nentro venerdì');
    expect(lead).toMatchObject({
      source: 'web',
      leadType: 'customer_driven',
      campaign: 'seasonal_promo',
      language: 'it',
    });
    // 10.04.2026 10:30 in Rome (UTC+2 in April).
    expect(new Date(lead.preferredAt1!).toISOString()).toBe('2026-04-10T08:30:00.000Z');
  });
});

describe('import: awkward content', () => {
  it('empty lines, trailing delimiters, spaces, ISO and dd/mm dates', async () => {
    app = openTestApp();
    const text = [
      'First Name;Last Name;Email;Phone;Campaign;Source;Preferred date;',
      '',
      'Anna ; Rossi;ANNA@EXAMPLE.IT;;service_reminder;Owner App;2026-04-01;',
      ' ; ; ; ; ; ; ;',
      'Luc;Moreau;;06 12 34 56 78;Warranty End Reminder;web;02/04/2026 09:00;',
      '',
      '',
    ].join('\r\n');
    const r = await commit('trailing.csv', utf8(text));
    expect(r.imported).toBe(2);
    expect(r.rejected).toEqual([]);
    const [a, l] = await Promise.all(r.leadIds.map((id) => app.core.leads.load(id)));
    expect(a).toMatchObject({
      firstName: 'Anna',
      lastName: 'Rossi',
      email: 'anna@example.it',
      source: 'owner_app',
      leadType: 'customer_driven',
    });
    expect(l).toMatchObject({ campaign: 'warranty_end_reminder', phone: '06 12 34 56 78' });
    expect(new Date(l!.preferredAt1!).toISOString()).toBe('2026-04-02T07:00:00.000Z');
  });

  it('Excel\'s "sep=" first line sets the delimiter; line numbers stay physical', async () => {
    app = openTestApp();
    const text =
      'sep=,\r\n' +
      csv(
        [
          ['Last Name', 'Email', 'Campaign', 'Source', 'Notes'],
          ['Rossi', 'r@x.it', 'service_reminder', 'web', 'a;b;c;d'],
          ['Bad', '', 'service_reminder', 'web', ''],
        ],
        ',',
      );
    const p = await preview('sep.csv', utf8(text));
    expect(p.delimiter).toBe(',');
    expect(p.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(p.rejected).toEqual([expect.objectContaining({ line: 4, code: 'CONTACT_REQUIRED' })]);
  });

  it('formula-like cells stay text in the lead and are neutralized in the rejected-rows file', async () => {
    app = openTestApp();
    const rows = [
      ['First Name', 'Last Name', 'Email', 'Campaign', 'Source', 'Request details'],
      ['Anna', 'Rossi', 'anna@example.it', 'service_reminder', 'web', '=HYPERLINK("http://evil.example","click")'],
      ["=cmd|' /C calc'!A0", '', '', 'service_reminder', 'web', '+SUM(1,2)'],
    ];
    const data = utf8(csv(rows, ','));
    const r = await commit('formula.csv', data);
    expect(r.imported).toBe(1);
    expect((await app.core.leads.load(r.leadIds[0]!)).requestDetails).toBe('=HYPERLINK("http://evil.example","click")');
    expect(r.rejected).toEqual([{ line: 3, code: 'CONTACT_REQUIRED', field: 'phone', value: '' }]);
    const out = await ok(app.core, 'import.rejectedCsv', { name: 'formula.csv', base64: b64(data), language: 'fr' });
    expect(out.fileName).toBe('formula.rejected.csv');
    const parsed = parseCsv(out.content, ';');
    expect(parsed[0]!.cells.slice(0, 3)).toEqual(['Ligne', 'Motif', 'Champ']);
    expect(parsed[1]!.cells[0]).toBe('3');
    expect(parsed[1]!.cells[1]).toBe('Ni e-mail ni numéro de téléphone');
    expect(parsed[1]!.cells[3]).toBe("'=cmd|' /C calc'!A0");
    expect(parsed[1]!.cells[8]).toBe("'+SUM(1,2)");
  });

  it('rejected rows are listed with line and reason; valid rows still import', async () => {
    app = openTestApp();
    const good = person(1);
    const rows = [
      HQ_HEADERS,
      hqRow(good),
      hqRow({ ...person(2), vin: 'ZAM123' }),
      hqRow({ ...person(3), first: '', last: '' }),
      hqRow({ ...person(4), email: '', phone: '' }),
      hqRow({ ...person(5), campaign: 'Black Friday' }),
      hqRow({ ...person(6), date: '31/02/2026' }),
      hqRow({ ...person(7), email: 'not-an-email' }),
      hqRow({ ...person(8), vin: '' }),
      [...hqRow(person(9)).slice(0, 7), 'Martian', '01/03/2026'],
      hqRow({ ...person(10), date: '01/01/2027' }),
      hqRow({ ...good, id: 'HQ-OTHER' }),
    ];
    // Before the commit: the preview's rows and the rejected-rows file say the same.
    const p = await preview('bad.csv', utf8(csv(rows, ';')));
    expect(p.rows.filter((x) => x.state === 'rejected').map((x) => [x.line, x.code, x.field])).toEqual([
      [3, 'VIN_INVALID', 'vin'],
      [4, 'NAME_REQUIRED', 'lastName'],
      [5, 'CONTACT_REQUIRED', 'phone'],
      [6, 'CAMPAIGN_UNKNOWN', 'campaign'],
      [7, 'DATE_INVALID', 'assignedAt'],
      [8, 'EMAIL_INVALID', 'email'],
      [9, 'VIN_REQUIRED', 'vin'],
      [10, 'LEAD_TYPE_UNKNOWN', 'leadType'],
      [11, 'DATE_IN_FUTURE', 'assignedAt'],
      [12, 'DUPLICATE_IN_FILE', undefined],
    ]);
    const out = await ok(app.core, 'import.rejectedCsv', {
      name: 'bad.csv',
      base64: b64(utf8(csv(rows, ';'))),
      language: 'en',
    });
    const lines = parseCsv(out.content, ';')
      .slice(1)
      .map((x) => x.cells.slice(0, 3));
    expect(lines.map((x) => x[0])).toEqual(['3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(lines.at(-1)).toEqual(['12', 'Same lead as line 2 of the file', '']);
    expect(lines[0]).toEqual(['3', expect.any(String), 'vin']);
    const r = await commit('bad.csv', utf8(csv(rows, ';')));
    expect(r.imported).toBe(1);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [3, 'VIN_INVALID'],
      [4, 'NAME_REQUIRED'],
      [5, 'CONTACT_REQUIRED'],
      [6, 'CAMPAIGN_UNKNOWN'],
      [7, 'DATE_INVALID'],
      [8, 'EMAIL_INVALID'],
      [9, 'VIN_REQUIRED'],
      [10, 'LEAD_TYPE_UNKNOWN'],
      [11, 'DATE_IN_FUTURE'],
      [12, 'DUPLICATE_IN_FILE'],
    ]);
    expect(r.rejected.at(-1)).toMatchObject({ firstLine: 2 });
    expect(await count()).toBe(1);
  });

  it('a file that is not CSV at all: clear error, nothing written', async () => {
    app = openTestApp();
    for (const [name, data] of [
      ['photo.png', pngFile()],
      ['archive.zip', zipNotXlsx()],
      ['fake.xlsx', utf8('a;b\n1;2')],
      ['empty.csv', Buffer.alloc(0)],
      ['one-column.txt', utf8('hello\nworld\n')],
    ] as const) {
      const e = await err(app.core, 'import.commit', { name, base64: b64(data) });
      expect(e.code, name).toBe('IMPORT_UNREADABLE');
    }
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await err(app.core, 'import.preview', { name: 'old.xls', base64: b64(xls) })).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      params: { reason: 'xls' },
    });
    expect(await count()).toBe(0);
    expect(await sqlGet(app.core, "SELECT count(*) AS n FROM counters WHERE name LIKE 'lead:%'")).toEqual({ n: 0 });
  });

  it('XLSX: first sheet, dates as cells, formula cells give their result, never evaluated', async () => {
    app = openTestApp();
    const data = await xlsxFile([
      ['Nom', 'Prénom', 'Courriel', 'Téléphone', 'Campagne', 'Type de lead', 'VIN', 'Date souhaitée'],
      [
        'Dubois',
        'Chloé',
        'chloe@example.fr',
        '0612345678',
        'Warranty End Reminder',
        'HQ',
        person(7).vin,
        new Date(Date.UTC(2026, 3, 3, 14, 0)),
      ],
      [
        'Moreau',
        'Luc',
        { formula: 'LOWER("LUC@EXAMPLE.FR")', result: 'luc@example.fr' },
        '',
        'service_reminder',
        'Customer Driven',
        '',
        '=HYPERLINK("x")',
      ],
    ]);
    const p = await preview('leads.xlsx', data);
    expect(p.format).toBe('xlsx');
    expect(p.mapping.columns).toMatchObject({
      lastName: 'Nom',
      firstName: 'Prénom',
      email: 'Courriel',
      phone: 'Téléphone',
      campaign: 'Campagne',
      leadType: 'Type de lead',
      vin: 'VIN',
      preferredAt1: 'Date souhaitée',
    });
    expect(p.summary.rejected).toBe(1); // '=HYPERLINK("x")' is not a date
    expect(p.rejected[0]).toMatchObject({
      line: 3,
      code: 'DATE_INVALID',
      field: 'preferredAt1',
      value: '=HYPERLINK("x")',
    });
    const r = await commit('leads.xlsx', data);
    expect(r.imported).toBe(1);
    const l = await app.core.leads.load(r.leadIds[0]!);
    expect(l).toMatchObject({
      lastName: 'Dubois',
      firstName: 'Chloé',
      leadType: 'hq_driven',
      source: 'hq_campaign',
      campaign: 'warranty_end_reminder',
    });
    expect(new Date(l.preferredAt1!).toISOString()).toBe('2026-04-03T12:00:00.000Z'); // 14:00 in Rome
  });
});

describe('import: idempotence, duplicates, transaction', () => {
  it('re-importing the same file creates nothing (external id; stable row key without one)', async () => {
    app = openTestApp();
    const hq = utf8(csv(threeRows(), ';'));
    expect((await commit('hq.csv', hq)).imported).toBe(3);
    const again = await commit('hq.csv', hq);
    expect(again).toMatchObject({ imported: 0, already: 3, skippedDuplicates: 0 });
    const web = italianWebExport(4);
    expect((await commit('web.csv', web)).imported).toBe(4);
    expect(await commit('web-copy.csv', web)).toMatchObject({ imported: 0, already: 4 });
    expect(await count()).toBe(7);
    const keys = (await sqlAll(app.core, 'SELECT external_id AS k FROM leads ORDER BY id')).map((x) => x.k);
    expect(keys.slice(0, 3)).toEqual([
      'ext:hq_campaign:HQ-000001',
      'ext:hq_campaign:HQ-000002',
      'ext:hq_campaign:HQ-000003',
    ]);
    expect(keys[3]).toMatch(/^row:[0-9a-f]{40}$/);
  });

  it('a row duplicating an open lead is flagged; skip or merge as decided', async () => {
    app = openTestApp();
    const p1 = person(1);
    const p2 = person(2);
    const existing1 = await app.core.leads.create(
      baseLead({
        firstName: p1.first,
        lastName: p1.last,
        vin: p1.vin,
        email: null,
        phone: '+39 02 1234567',
        leadType: 'hq_driven',
        source: 'hq_campaign',
      }),
      await app.core.resolveActor(),
    );
    const existing2 = await app.core.leads.create(baseLead({ email: p2.email }), await app.core.resolveActor());
    // Same VIN but another campaign: not a duplicate.
    await app.core.leads.create(
      baseLead({
        vin: person(3).vin,
        campaign: 'seasonal_promo',
        leadType: 'hq_driven',
        source: 'hq_campaign',
        email: null,
      }),
      await app.core.resolveActor(),
    );
    const data = utf8(csv(threeRows(), ';'));
    const p = await preview('hq.csv', data);
    expect(p.summary).toMatchObject({ valid: 1, duplicates: 2 });
    expect(p.duplicates).toEqual([
      expect.objectContaining({ line: 2, by: 'vin', leadId: existing1.id, leadNumber: existing1.number }),
      expect.objectContaining({ line: 3, by: 'email', leadId: existing2.id }),
    ]);
    const r = await commit('hq.csv', data, {
      decisions: [
        { line: 2, action: 'merge' },
        { line: 3, action: 'skip' },
      ],
    });
    expect(r).toMatchObject({ imported: 1, merged: 1, skippedDuplicates: 1 });
    expect(r.duplicates).toEqual([
      { line: 2, leadId: existing1.id, leadNumber: existing1.number, by: 'vin', action: 'merged' },
      { line: 3, leadId: existing2.id, leadNumber: existing2.number, by: 'email', action: 'skipped' },
    ]);
    const merged = await app.core.lists.detail(existing1.id);
    expect(merged.lead.email).toBe(p1.email); // the empty e-mail was filled
    expect(merged.lead.phone).toBe('+39 02 1234567'); // a value already there is kept
    expect(merged.history.some((h) => h.field === 'import.merged' && h.newValue === 'hq.csv:2')).toBe(true);
    expect(await count()).toBe(4);
  });

  it('all rows in one transaction: a failure leaves nothing half-imported', async () => {
    app = openTestApp();
    app.core.assign = () => {
      throw new Error('assignment exploded');
    };
    const e = await err(app.core, 'import.commit', { name: 'hq.csv', base64: b64(utf8(csv(threeRows(), ';'))) });
    expect(e.code).toBe('INTERNAL');
    expect(await count()).toBe(0);
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM history')).toEqual({ n: 0 });
    // The search's own rows: SQLite's full-text index, PostgreSQL's search documents.
    const search = app.core.data.kind === 'sqlite' ? 'leads_fts' : 'leads_search';
    expect(await sqlGet(app.core, `SELECT count(*) AS n FROM ${search}`)).toEqual({ n: 0 });
    // The search trigger is back after the rollback: a lead created by hand is searchable.
    app.core.assign = undefined;
    await app.core.leads.create(baseLead({ lastName: 'Zanzibar' }), await app.core.resolveActor());
    expect((await app.core.lists.list({ view: 'assigned', search: 'zanzi' })).total).toBe(1);
  });

  it('the assignment hook gets the new lead ids inside the transaction', async () => {
    app = openTestApp();
    const seen: number[][] = [];
    app.core.assign = async (r, ids) => {
      seen.push(ids);
      // Through the transaction's repositories (on PostgreSQL another connection would not see the new leads).
      for (const id of ids) expect(await r.leads.update(id, { assignee_id: 1 }, 1)).toBe(true);
    };
    const r = await commit('hq.csv', utf8(csv(threeRows(), ';')));
    expect(seen).toEqual([r.leadIds]);
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM leads WHERE assignee_id = 1')).toEqual({ n: 3 });
  });

  it('10,000 rows: numbers in sequence, history rows, searchable, in Not Managed Yet', async () => {
    app = openTestApp();
    await app.core.leads.create(baseLead(), await app.core.resolveActor()); // ASL-2026-000001 exists already
    const t = performance.now();
    const r = await commit('big.csv', bigHqFile(10_000));
    const elapsed = performance.now() - t;
    expect(r.imported).toBe(10_000);
    expect(r.firstNumber).toBe('ASL-2026-000002');
    expect(r.lastNumber).toBe('ASL-2026-010001');
    // Speed is measured by `npm run bench` (50,000 rows, target ≤ 5 s); here only a bound that catches a
    // row-by-row regression (an index rebuilt per row takes minutes), loose enough for a busy CI machine.
    // PostgreSQL: a server round trip per statement and its triggers; measured 15–55 s here on a shared, busy machine.
    expect(elapsed).toBeLessThan(app.core.data.kind === 'postgres' ? 90_000 : 30_000);
    expect(await sqlGet(app.core, "SELECT count(*) AS n FROM history WHERE field = 'created'")).toEqual({ n: 10_001 });
    expect((await app.core.lists.counts()).not_managed).toBe(10_001);
    const found = await app.core.lists.list({ view: 'not_managed', search: person(9876).email });
    expect(found.rows.map((x) => x.name)).toEqual([`${person(9876).first} ${person(9876).last}`]);
    expect((await app.core.lists.list({ view: 'assigned', search: person(4321).vin })).total).toBe(1);
    // The creation history of an imported lead reads like that of a lead created on the form.
    const hist = async (id: number) =>
      (await app.core.lists.detail(id)).history.map((h) => [h.field, h.oldValue, h.newValue, h.userName]).reverse();
    const imported = await hist(r.leadIds[5000]!);
    expect(imported).toEqual([
      ['created', null, 'ASL-2026-005002', 'Front desk'],
      ['assignedAt', null, '2026-03-01T23:00:00.000Z', 'Front desk'],
      ['status', null, 'assigned', 'Front desk'],
    ]);
    expect((await hist(1)).map((h) => h[0])).toEqual(imported.map((h) => h[0]));
    // A lead created afterwards gets the next number.
    expect((await app.core.leads.create(baseLead(), await app.core.resolveActor())).number).toBe('ASL-2026-010002');
  }, 180_000); // the import's speed is the elapsed bound above; the test as a whole is slower on a busy machine
});

describe('import: the bulk path', () => {
  it('ids, numbers, keys, history and the search index follow the file (a block that is not a whole number of batches)', async () => {
    app = openTestApp();
    await app.core.leads.create(baseLead(), await app.core.resolveActor());
    const n = 1037;
    const r = await commit('block.csv', bigHqFile(n, 500));
    expect(r.imported).toBe(n);
    const rows = await sqlAll<{ id: number; number: string; k: string; last: string }>(
      app.core,
      'SELECT id, number, external_id AS k, last_name AS last FROM leads WHERE id > 1 ORDER BY id',
    );
    expect(rows.map((x) => x.id)).toEqual(r.leadIds);
    rows.forEach((x, i) => {
      expect(x.id).toBe(r.leadIds[0]! + i);
      expect(x.number).toBe(`ASL-2026-${String(i + 2).padStart(6, '0')}`);
      expect(x.k).toBe(`ext:hq_campaign:${person(500 + i).id}`);
      expect(x.last).toBe(person(500 + i).last);
    });
    expect(
      await sqlGet(
        app.core,
        "SELECT count(*) AS n FROM history WHERE lead_id > 1 AND field = 'created' AND new_value = (SELECT number FROM leads WHERE id = lead_id)",
      ),
    ).toEqual({ n });
    for (const i of [0, 24, 25, 1000, 1024, 1025, n - 1]) {
      expect(
        (await app.core.lists.list({ view: 'assigned', search: person(500 + i).email })).rows.map((x) => x.id),
      ).toEqual([r.leadIds[i]]);
    }
    // SQLite: the index's automatic merging, paused for the block, is back (FTS5's default, or the value set before).
    const automerge = async () =>
      app.core.data.kind === 'sqlite'
        ? await sqlGet(app.core, "SELECT v FROM leads_fts_config WHERE k = 'automerge'")
        : undefined;
    if (app.core.data.kind === 'sqlite') {
      expect(await automerge()).toEqual({ v: 4 });
      await sqlRun(app.core, "INSERT INTO leads_fts(leads_fts, rank) VALUES ('automerge', 8)");
    }
    const r2 = await commit('block2.csv', bigHqFile(30, 5000));
    if (app.core.data.kind === 'sqlite') expect(await automerge()).toEqual({ v: 8 });
    expect((await app.core.lists.list({ view: 'assigned', search: person(5029).email })).rows.map((x) => x.id)).toEqual(
      [r2.leadIds[29]],
    );
  });
});

describe('import: presets and the watched folder', () => {
  it('presets: save, list, use by name, delete; unknown preset is a clear error', async () => {
    app = openTestApp();
    const text = 'Cliente|Cell|Targa|Telaio\nMario Rossi|333 1234567|AB123CD|' + person(1).vin + '\n';
    const p0 = await preview('dms.txt', utf8(text));
    expect(p0.delimiter).toBe('|');
    expect(p0.missing).toEqual(['campaign', 'leadType']);
    const mapping = {
      columns: { fullName: 'Cliente', phone: 'Cell', vin: 'Telaio' },
      defaults: { campaign: 'service_reminder', source: 'hq_campaign' },
    };
    await ok(app.core, 'import.presets.save', { name: 'DMS export', source: 'hq_campaign', mapping });
    expect((await ok(app.core, 'import.presets.list', {})).map((x: any) => x.name)).toEqual(['DMS export']);
    const r = await commit('dms.txt', utf8(text), { preset: 'DMS export' });
    expect(r.imported).toBe(1);
    expect(await app.core.leads.load(r.leadIds[0]!)).toMatchObject({
      firstName: 'Mario',
      lastName: 'Rossi',
      leadType: 'hq_driven',
      campaign: 'service_reminder',
    });
    expect(
      (await err(app.core, 'import.preview', { name: 'dms.txt', base64: b64(utf8(text)), preset: 'Nope' })).code,
    ).toBe('IMPORT_PRESET_UNKNOWN');
    // The next export from the same source is recognized by its columns: the preset applies by itself.
    const next = 'Cliente|Cell|Targa|Telaio\nAnna Bianchi|333 7654321|XY987ZW|' + person(2).vin + '\n';
    const auto = await preview('dms-2.txt', utf8(next));
    expect(auto).toMatchObject({ preset: 'DMS export', summary: { valid: 1 }, missing: [] });
    expect(await ok(app.core, 'import.presets.delete', { name: 'DMS export' })).toEqual({ deleted: true });
  });

  it('watched folder: files are imported and moved to done/ or failed/ with their report', async () => {
    app = openTestApp();
    const folder = join(app.dir, 'inbox');
    mkdirSync(folder);
    expect(
      (await err(app.core, 'import.watchFolder.set', { enabled: true, path: join(app.dir, 'missing') })).code,
    ).toBe('IMPORT_FOLDER_NOT_FOUND');
    await ok(app.core, 'import.watchFolder.set', { enabled: true, path: folder });
    writeFileSync(join(folder, 'hq.csv'), csv([...threeRows(), hqRow({ ...person(9), vin: 'BAD' })], ';'));
    writeFileSync(join(folder, 'photo.csv'), pngFile());
    writeFileSync(join(folder, 'notes.doc'), 'ignored');
    // The poller waits for a stable size: the first pass only notes the files.
    expect(await app.core.watchFolder.scan()).toEqual([]);
    const res = await app.core.watchFolder.scan();
    expect(res.map((x) => [x.file, x.ok, x.imported])).toEqual(
      expect.arrayContaining([
        ['hq.csv', true, 3],
        ['photo.csv', false, 0],
      ]),
    );
    expect(readdirSync(folder).sort()).toEqual(['done', 'failed', 'notes.doc']);
    const report = JSON.parse(readFileSync(join(folder, 'done', 'hq.csv.report.json'), 'utf8'));
    expect(report).toMatchObject({ imported: 3, fileName: 'hq.csv', rejected: [{ line: 5, code: 'VIN_INVALID' }] });
    expect(readFileSync(join(folder, 'done', 'hq.csv.rejected.csv'), 'utf8')).toContain('5;"The VIN is not valid');
    expect(JSON.parse(readFileSync(join(folder, 'failed', 'photo.csv.report.json'), 'utf8')).error.code).toBe(
      'IMPORT_UNREADABLE',
    );
    // The same file dropped again: moved to done/ under a new name, nothing new imported.
    writeFileSync(join(folder, 'hq.csv'), csv(threeRows(), ';'));
    const again = await ok(app.core, 'import.watchFolder.scan', {});
    expect(again).toEqual([expect.objectContaining({ file: 'hq.csv', ok: true, imported: 0 })]);
    expect(existsSync(join(folder, 'done', 'hq (2).csv.report.json'))).toBe(true);
    expect(await count()).toBe(3);
  });
});

describe('import: phone numbers normalized on the worker thread', () => {
  it("the core's worker normalizes a file's numbers (nothing logged as failed); the customers get the E.164 forms", async () => {
    const logs: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'aslm-phones-'));
    const dbPath = testDbPath(dir);
    const core = createAppCore({
      dbPath,
      clock: { now: () => Date.parse('2026-03-02T09:00:00Z') },
      timeZone: 'Europe/Rome',
      log: (m) => logs.push(m),
    });
    try {
      const data = bigHqFile(4500, 700); // three chunks for the worker
      const file = { name: 'phones.csv', data };
      await core.ready; // the importer called directly: on PostgreSQL the settings load after the start
      await core.importer.preview(file, {});
      const r = await core.importer.commit(file, { decisions: [] }, await core.resolveActor());
      expect(r.imported).toBe(4500);
      const rows = await sqlAll<{
        phone: string;
        country: string | null;
        language: Language;
        e164: string | null;
        valid: number | null;
      }>(
        sqlOn(core, dbPath),
        `SELECT l.phone, l.country, l.language, c.phone_e164 AS e164, c.phone_valid AS valid FROM leads l
        JOIN customers c ON c.id = l.customer_id`,
      );
      expect(rows.length).toBe(4500);
      for (const x of rows) {
        const p = normalizePhone(x.phone, x.country, x.language);
        expect({ e164: x.e164, valid: x.valid === 1 }).toEqual({ e164: p!.e164, valid: p!.valid });
      }
      expect(logs.filter((m) => m.includes('phone worker'))).toEqual([]);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
