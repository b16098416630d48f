// Customers, consents and privacy through the real core, the vehicle registry import, the workshop load.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDetail } from '../../shared/contract/models';
import type { CustomerDetail, VehicleImportReport } from '../../shared/contract/people';
import { baseLead, err, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlAll, sqlRun } from './helpers';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());
const DAY = 86_400_000;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const create = (over: object = {}) => ok<LeadDetail>(app.core, 'leads.create', baseLead(over));

describe('customers', () => {
  it('new leads find their customer by DMS id, e-mail or phone; the phone is normalized and flagged', async () => {
    const a = await create({ phone: '333 123 4567', country: 'IT' });
    const b = await create({ email: 'MARIO.ROSSI@example.it', phone: null });
    const c = await create({ email: null, phone: '+39 333 1234567' });
    const d = await create({ email: 'other@example.it', phone: '123456', customerDmsId: 'DMS-7' });
    const e = await create({ firstName: 'M.', email: 'another@example.it', phone: null, customerDmsId: 'DMS-7' });
    expect(new Set([a, b, c].map((x) => x.lead.customerId)).size).toBe(1);
    expect(d.lead.customerId).not.toBe(a.lead.customerId);
    expect(e.lead.customerId).toBe(d.lead.customerId);
    const ca = await ok<CustomerDetail>(app.core, 'customers.get', { id: a.lead.customerId });
    expect(ca.customer).toMatchObject({ phoneE164: '+393331234567', phoneValid: true });
    expect(ca.leads.map((l) => l.id).sort()).toEqual([a.lead.id, b.lead.id, c.lead.id]);
    const cd = await ok<CustomerDetail>(app.core, 'customers.get', { id: d.lead.customerId });
    expect(cd.customer.phoneValid).toBe(false);
    // The playbook reads the same check: invalid phone → e-mail at once.
    const step = await ok<{ step: { kind: string; reason: string }; phoneValid: boolean | null }>(
      app.core,
      'playbook.step',
      { id: d.lead.id },
    );
    expect(step.phoneValid).toBe(false);
    expect(step.step).toMatchObject({ kind: 'sendEmail', reason: 'phone_invalid' });
  });

  it("an import links its rows to customers: the same number written the same way twice, the registry's vehicles without an owner", async () => {
    const [v1, v2] = [person(1).vin, person(2).vin];
    const owner = await create({ email: 'owner@example.it', phone: null, vin: v2 });
    const reg = await ok<VehicleImportReport>(app.core, 'vehicles.import', {
      name: 'dms.csv',
      base64: b64(
        csv(
          [
            ['VIN', 'Model'],
            [v1, 'Ghibli'],
            [v2, 'Levante'],
          ],
          ';',
        ),
      ),
    });
    expect(reg.inserted).toBe(2);
    const vehicleOwner = async (vin: string) =>
      (
        (await sqlGet(app.core, 'SELECT owner_customer_id AS o FROM vehicles WHERE vin = ?', vin)) as {
          o: number | null;
        }
      ).o;
    expect([await vehicleOwner(v1), await vehicleOwner(v2)]).toEqual([null, owner.lead.customerId]);
    // One campaign per row: rows sharing a VIN or a phone's digits are not duplicates of each other.
    const rows = [
      [...HQ_HEADERS, 'Country'],
      [...hqRow({ ...person(1), phone: '333 555 0001' }), 'IT'], // v1: this row's customer becomes the owner
      [...hqRow({ ...person(4), vin: v1, campaign: 'Seasonal Promo', phone: '333 555 0003' }), 'IT'], // v1 again: already owned by then
      [...hqRow({ ...person(2), campaign: 'Warranty End Reminder', phone: '333 555 0002' }), 'IT'], // v2 has its owner
      [...hqRow({ ...person(5), campaign: 'Extended Warranty WEB', phone: '333 555 0002' }), 'IT'], // line 4's number: line 4's customer
      [...hqRow({ ...person(6), campaign: 'Accessories Wheels and Tyres', phone: '333 555 0002' }), 'FR'], // the same digits read for France
      [...hqRow({ ...person(3), campaign: 'Spontaneous Dealer', phone: '+39 333 555 0001' }), 'FR'], // line 2's number in E.164
    ];
    const r = await ok<{ imported: number; leadIds: number[] }>(app.core, 'import.commit', {
      name: 'hq.csv',
      base64: b64(csv(rows, ';')),
    });
    expect(r.imported).toBe(6);
    const cust = async (id: number) => (await app.core.lists.detail(id)).lead.customerId;
    const [a, b, c, d, e, f] = await Promise.all(r.leadIds.map(cust));
    expect(await vehicleOwner(v1)).toBe(a);
    expect(await vehicleOwner(v2)).toBe(owner.lead.customerId);
    expect(await sqlGet(app.core, 'SELECT count(*) AS n FROM vehicles')).toEqual({ n: 2 });
    expect(d).toBe(c);
    expect(f).toBe(a);
    expect(new Set([a, b, c, e]).size).toBe(4);
    const customer = async (id: number | null | undefined) =>
      (await ok<CustomerDetail>(app.core, 'customers.get', { id })).customer;
    expect(await customer(a)).toMatchObject({ phoneE164: '+393335550001', phoneValid: true });
    expect(await customer(c)).toMatchObject({ phoneE164: '+393335550002', phoneValid: true });
    expect((await customer(e)).phoneE164).not.toBe('+393335550002'); // read for France
  });

  it('consent changes are in history (customer and lead)', async () => {
    const a = await create();
    const c = await ok<CustomerDetail>(app.core, 'customers.setConsents', {
      id: a.lead.customerId,
      leadId: a.lead.id,
      consents: { email: true, phone: false, sms: true },
    });
    expect(c.customer.consents).toMatchObject({ email: true, sms: true, phone: false });
    expect(c.history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual(
      expect.arrayContaining([
        ['consents.email', 'false', 'true'],
        ['consents.sms', 'false', 'true'],
      ]),
    );
    const d = await ok<LeadDetail>(app.core, 'leads.get', { id: a.lead.id });
    expect(d.lead.consents.email).toBe(true);
    expect(d.history.some((h) => h.field === 'consents.sms')).toBe(true);
  });
});

describe('privacy', () => {
  it("the XLSX export writes instants as real date cells (the dealer's wall time, a date format)", async () => {
    // openTestApp: 2026-03-02 09:00 UTC, Europe/Rome = 10:00 local.
    const a = await create();
    await ok<LeadDetail>(app.core, 'leads.recordContact', {
      id: a.lead.id,
      version: await versionOf(app.core, a.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: 'ok', answer: 'ok' },
    });
    const x = await ok<{ base64: string }>(app.core, 'customers.export', {
      id: a.lead.customerId,
      format: 'xlsx',
      language: 'de',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as never);
    const cellOf = (sheet: string, header: string, row = 2) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      expect(col, `${sheet}.${header}`).toBeGreaterThan(0);
      return ws.getRow(row).getCell(col);
    };
    for (const [sheet, header] of [
      ['Leads', 'createdAt'],
      ['Leads', 'assignedAt'],
      ['Kontakte', 'at'],
    ] as const) {
      const c = cellOf(sheet, header);
      expect(c.type, `${sheet}.${header}`).toBe(ExcelJS.ValueType.Date);
      expect(c.value).toEqual(new Date('2026-03-02T10:00:00Z'));
      expect(c.numFmt).toBe('dd.mm.yyyy hh:mm');
    }
    // Not every number is a date.
    expect(cellOf('Leads', 'id').type).toBe(ExcelJS.ValueType.Number);
  });

  it('export holds everything (JSON, XLSX, PDF); erasure leaves no personal data in any table while the KPI figures stay', async () => {
    const P = {
      first: 'Gwendolyn',
      last: 'Zabriskie',
      email: 'gwen.zabriskie@example.org',
      phone: '+39 347 765 4321',
      vin: 'ZAMGW3NZABR1SK1E0',
    };
    const vin = 'ZAMGWENZABRSKXE01';
    await ok(app.core, 'vehicles.import', {
      name: 'dms.csv',
      base64: b64(`VIN;Model;Owner;Service contract\n${vin};Levante;${P.first} ${P.last};Premium\n`),
    });
    // Someone else, who must stay untouched.
    const other = await create({
      firstName: 'Ottavio',
      lastName: 'Keeper',
      email: 'ottavio@example.it',
      phone: '+39 333 000 1111',
    });
    const first = await create({
      firstName: P.first,
      lastName: P.last,
      email: P.email,
      phone: P.phone,
      vin,
      requestFor: `Tagliando per ${P.last}`,
      requestDetails: `${P.first} chiede un preventivo`,
      city: 'Modena',
      zip: '41121',
    });
    let d = await ok<LeadDetail>(app.core, 'leads.recordContact', {
      id: first.lead.id,
      version: await versionOf(app.core, first.lead.id),
      input: {
        direction: 'outbound',
        channel: 'phone',
        outcome: 'reached',
        verbatim: `${P.first} richiama`,
        answer: 'ok',
      },
    });
    d = await ok<LeadDetail>(app.core, 'leads.edit', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { phone: '+39 347 765 4322', customerNotes: `Cliente ${P.last} VIP` },
    });
    await ok<LeadDetail>(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: app.clock.now() + 2 * DAY, sendEmail: true },
    });
    const second = await create({
      firstName: P.first,
      lastName: P.last,
      email: P.email,
      phone: null,
      source: 'spontaneous',
    });
    await ok(app.core, 'playbook.sendEmail', {
      id: second.lead.id,
      version: await versionOf(app.core, second.lead.id),
    });
    await ok(app.core, 'customers.setConsents', {
      id: first.lead.customerId,
      leadId: first.lead.id,
      consents: { email: true },
    });
    const cid = first.lead.customerId!;
    expect(second.lead.customerId).toBe(cid);

    const json = await ok<{ base64: string; mime: string }>(app.core, 'customers.export', { id: cid, format: 'json' });
    const data = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8'));
    expect(data.leads).toHaveLength(2);
    expect(data.contacts[0].verbatim).toContain(P.first);
    expect(data.vehicles[0].vin).toBe(vin);
    expect(data.emails.length).toBeGreaterThan(0);
    const xlsx = await ok<{ base64: string }>(app.core, 'customers.export', {
      id: cid,
      format: 'xlsx',
      language: 'it',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    expect(wb.worksheets.length).toBe(6);
    const pdf = await ok<{ base64: string }>(app.core, 'customers.export', { id: cid, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    app.clock.advance(3 * DAY);
    const kpiBefore = await ok(app.core, 'kpi.sla', {});
    const dashBefore = await ok(app.core, 'kpi.dashboard', { period: 'this-month' });
    const countsBefore = await ok(app.core, 'leads.counts', {});
    const stats = async () =>
      await sqlAll(
        app.core,
        `SELECT id, status, campaign, source, lead_type, assigned_at, created_at, first_contact_at, qualified_at, closed_at,
      sla1_met, sla2_met, sla1_due_at, sla2_due_at, appointment_at, assignee_id, contact_attempts FROM leads ORDER BY id`,
      );
    const statsBefore = await stats();

    // Every column of every table (text and blobs, the FTS index's shadow tables included).
    const needles = [
      P.first,
      P.last,
      P.email,
      '+39 347 765 4321',
      '347 765 4322',
      '393477654321',
      '3477654322',
      '+393477654321',
      vin,
      'Modena',
      '41121',
    ].flatMap((s) => [s, s.toLowerCase()]);
    // On PostgreSQL the same scan over its catalog, each value read as text.
    const onPg = app.core.data.kind === 'postgres';
    const tables = (
      (await sqlAll(
        app.core,
        onPg
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
          : "SELECT name FROM sqlite_master WHERE type = 'table'",
      )) as { name: string }[]
    ).map((t) => t.name);
    let columns = 0;
    const scan = async () => {
      const hits = new Set<string>();
      columns = 0;
      for (const t of tables) {
        const cols = (
          (await sqlAll(
            app.core,
            onPg
              ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?"
              : 'SELECT name FROM pragma_table_info(?)',
            t,
          )) as { name: string }[]
        ).map((c) => c.name);
        for (const c of cols) {
          columns++;
          for (const n of needles) {
            const k = (
              (await sqlGet(
                app.core,
                onPg
                  ? `SELECT count(*) AS k FROM "${t}" WHERE strpos("${c}"::text, ?) > 0`
                  : `SELECT count(*) AS k FROM "${t}" WHERE instr(CAST("${c}" AS BLOB), CAST(? AS BLOB)) > 0`,
                n,
              )) as { k: number }
            ).k;
            if (k > 0) hits.add(`${t}.${c}`);
          }
        }
      }
      return [...hits].sort();
    };
    // Before: the data is really spread over many tables (the scan finds it).
    expect(await scan()).toEqual(
      expect.arrayContaining([
        'customers.first_name',
        'leads.last_name',
        'contacts.verbatim',
        'history.new_value',
        'vehicles.vin',
        'vehicles.owner_name',
        'outbox.text_body',
        onPg ? 'leads_search.doc' : 'leads_fts_data.block',
      ]),
    );
    expect(columns).toBeGreaterThan(100);

    const r = await ok<{ leads: number }>(app.core, 'customers.erase', { id: cid, confirm: true });
    expect(r.leads).toBe(2);
    expect(await scan()).toEqual([]);
    // SQLite: the FTS index itself (on PostgreSQL the scan above read the search documents, leads_search.doc).
    if (!onPg)
      expect(
        (
          (await sqlGet(
            app.core,
            "SELECT count(*) AS k FROM leads_fts WHERE leads_fts MATCH 'zabriskie OR gwendolyn'",
          )) as { k: number }
        ).k,
      ).toBe(0);
    expect((await ok(app.core, 'leads.list', { view: 'assigned', search: 'Zabriskie' })).total).toBe(0);
    // The other customer is untouched; the statistics are identical.
    expect((await ok(app.core, 'leads.list', { view: 'assigned', search: 'Keeper' })).total).toBe(1);
    expect((await app.core.leads.load(other.lead.id)).email).toBe('ottavio@example.it');
    expect(await ok(app.core, 'kpi.sla', {})).toEqual(kpiBefore);
    expect(await ok(app.core, 'kpi.dashboard', { period: 'this-month' })).toEqual(dashBefore);
    expect(await ok(app.core, 'leads.counts', {})).toEqual(countsBefore);
    expect(await stats()).toEqual(statsBefore);
    const after = await ok<CustomerDetail>(app.core, 'customers.get', { id: cid });
    expect(after.customer.anonymizedAt).not.toBeNull();
    expect((await err(app.core, 'customers.erase', { id: cid, confirm: true })).code).toBe('CUSTOMER_ERASED');
    // History stays append-only outside an erasure.
    await expect(sqlRun(app.core, "UPDATE history SET new_value = 'x' WHERE id = 1")).rejects.toThrow(
      /HISTORY_APPEND_ONLY/,
    );
  });
});

describe('vehicle registry', () => {
  it('reports bad rows by line and reason, imports the good ones in one transaction, re-import updates', async () => {
    const rows = [
      [
        'VIN',
        'Model',
        'Warranty start',
        'Warranty end',
        'Current warranty',
        'Current warranty start',
        'Current warranty end',
        'Average km',
        'Mileage',
        'Owner',
        'Service contract',
        'Service contract expiry',
      ],
      [
        'ZAMXXXXXXXX000001',
        'Ghibli',
        '01/02/2023',
        '31/01/2026',
        'Extended',
        '01/02/2026',
        '31/01/2028',
        '12.500',
        '30000',
        'Rossi Mario',
        'Premium Care',
        '31/01/2027',
      ],
      ['ZAMXXXXXXXX00000I', 'Levante'],
      ['', 'Quattroporte'],
      ['ZAMXXXXXXXX000002', 'MC20', '31/02/2024'],
      ['ZAMXXXXXXXX000003', 'Grecale', '', '', '', '', '', 'lots'],
      ['ZAMXXXXXXXX000001', 'Ghibli dup'],
      ['zamxxxxxxxx000004', 'Grecale'],
    ];
    const r1 = await ok<VehicleImportReport>(app.core, 'vehicles.import', {
      name: 'dms.csv',
      base64: b64(csv(rows, ';')),
    });
    expect(r1).toMatchObject({ total: 7, inserted: 2, updated: 0 });
    expect(r1.rejected.map((x) => [x.line, x.code, x.field])).toEqual([
      [3, 'VIN_INVALID', 'vin'],
      [4, 'VIN_REQUIRED', 'vin'],
      [5, 'DATE_INVALID', 'warrantyStart'],
      [6, 'NUMBER_INVALID', 'averageKm'],
      [7, 'DUPLICATE_IN_FILE', 'vin'],
    ]);
    const look = await ok<{
      vehicle: { model: string; serviceContract: string; averageKm: number; serviceContractExpiry: number };
    }>(app.core, 'desk.vehicleLookup', { vin: 'ZAMXXXXXXXX000001' });
    expect(look.vehicle).toMatchObject({ model: 'Ghibli', serviceContract: 'Premium Care', averageKm: 12500 });
    // XLSX re-import: updates, no duplicate.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DMS');
    ws.addRow(['Telaio', 'Modello', 'Chilometraggio', 'Contratto di servizio']);
    ws.addRow(['ZAMXXXXXXXX000001', 'Ghibli Trofeo', 41000, 'Premium Care Plus']);
    ws.addRow(['ZAMXXXXXXXX000005', 'MC20', 1200, '']);
    const r2 = await ok<VehicleImportReport>(app.core, 'vehicles.import', {
      name: 'dms.xlsx',
      base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(r2).toMatchObject({ format: 'xlsx', total: 2, inserted: 1, updated: 1, rejected: [] });
    expect(((await sqlGet(app.core, 'SELECT count(*) AS n FROM vehicles')) as { n: number }).n).toBe(3);
    // A lead with the VIN shows the registry's data and the service contract.
    const d = await ok<LeadDetail>(app.core, 'leads.create', baseLead({ vin: 'ZAMXXXXXXXX000001' }));
    expect(d.vehicle).toMatchObject({ model: 'Ghibli Trofeo', mileage: 41000, serviceContract: 'Premium Care Plus' });
    expect((await err(app.core, 'vehicles.import', { name: 'x.csv', base64: b64('Name;Model\nA;B\n') })).code).toBe(
      'REGISTRY_NO_VIN_COLUMN',
    );
  });
});

describe('workshop load', () => {
  it('counts appointments per day for two weeks against the capacity', async () => {
    await ok(app.core, 'workshop.setCapacity', { capacity: 2 });
    const at = Date.parse('2026-03-03T09:00:00Z');
    for (const [i, when] of [at, at + 3_600_000, at + DAY].entries()) {
      const d = await create({ email: `w${i}@example.it` });
      const c = await ok<LeadDetail>(app.core, 'leads.recordContact', {
        id: d.lead.id,
        version: await versionOf(app.core, d.lead.id),
        input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
      });
      await ok(app.core, 'leads.makeAppointment', {
        id: c.lead.id,
        version: await versionOf(app.core, c.lead.id),
        input: { appointmentAt: when },
      });
    }
    const w = await ok<{
      capacity: number;
      days: { date: string; appointments: number; capacity: number; open: boolean }[];
    }>(app.core, 'workshop.load', {});
    expect(w.days).toHaveLength(14);
    expect(w.days[0]!.date).toBe('2026-03-02');
    expect(w.days[1]).toEqual({ date: '2026-03-03', appointments: 2, capacity: 2, open: true });
    expect(w.days[2]!.appointments).toBe(1);
    expect(w.days[6]).toMatchObject({ date: '2026-03-08', open: false, capacity: 0 });
  });

  it('counts every appointment still planned: Closed In Sale keeps its appointment, Closed No Sale cancels it', async () => {
    const when = Date.parse('2026-03-04T09:00:00Z');
    const ids: LeadDetail[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await create({ email: `k${i}@example.it` });
      await ok<LeadDetail>(app.core, 'leads.recordContact', {
        id: d.lead.id,
        version: await versionOf(app.core, d.lead.id),
        input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
      });
      ids.push(
        await ok<LeadDetail>(app.core, 'leads.makeAppointment', {
          id: d.lead.id,
          version: await versionOf(app.core, d.lead.id),
          input: { appointmentAt: when },
        }),
      );
    }
    const load = async () =>
      (await ok<{ days: { date: string; appointments: number }[] }>(app.core, 'workshop.load', {})).days.find(
        (d) => d.date === '2026-03-04',
      )!.appointments;
    expect(await load()).toBe(3);
    await ok(app.core, 'leads.closedInSale', {
      id: ids[0]!.lead.id,
      version: await versionOf(app.core, ids[0]!.lead.id),
      input: { vin: 'ZAMXXXXXXXX000001' },
    });
    expect(await load()).toBe(3); // the sale is closed, the customer still comes to the workshop
    await ok(app.core, 'leads.closedNoSale', {
      id: ids[1]!.lead.id,
      version: await versionOf(app.core, ids[1]!.lead.id),
      input: { reason: 'customer_refuses' },
    });
    expect(await load()).toBe(2);
  });
});

describe('aslm vehicles (CLI)', () => {
  it('prints the report with refused lines (text and --json), as the default manager', async () => {
    const { vehiclesCommand } = await import('../../electron/cli/vehicles');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(app.dir, 'dms.csv');
    writeFileSync(file, 'Telaio;Modello;Scadenza contratto\nZAMXXXXXXXX000001;Ghibli;31/01/2027\nBAD;Levante;\n');
    // Even with a desk user at the desk, the CLI (the administrator's tool on the file) acts as the default manager.
    const desk = await ok<{ id: number }>(app.core, 'people.save', { name: 'Dora', roles: ['booking_operator'] });
    await ok(app.core, 'people.switch', { userId: desk.id });
    expect((await err(app.core, 'vehicles.import', { name: 'x.csv', base64: b64('VIN;Model\n') })).code).toBe(
      'FORBIDDEN',
    );
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) };
    expect(await vehiclesCommand([file, '--lang', 'it'], app.core, io)).toBe(0);
    expect(out).toEqual([
      'dms.csv: 2 righe, 1 nuovi veicoli, 0 aggiornati, 1 scartate.',
      '  Riga 3: Il VIN non è valido (17 caratteri, lettere e cifre, senza I, O e Q) (VIN = "BAD")',
    ]);
    out.length = 0;
    expect(await vehiclesCommand([file, '--json'], app.core, io)).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({
      ok: true,
      inserted: 0,
      updated: 1,
      rejected: [{ line: 3, code: 'VIN_INVALID', reason: expect.stringContaining('not valid') }],
    });
    out.length = 0;
    expect(await vehiclesCommand([join(app.dir, 'missing.csv')], app.core, io)).toBe(1);
    expect(out[0]).toMatch(/^ERR cannot read/);
  });
});
