// A commit right after the preview of the same file reuses the preview's parse (read, mapped, validated):
// the result must be exactly that of a commit without a preview — whatever changed in between (the database,
// the clock, the settings, the presets, the mapping, the bytes).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../shared/contract/import';
import * as mapping from '../../shared/import/mapping';
import { HQ_HEADERS, csv, hqRow, person, utf8 } from '../fixtures/importCorpus';
import { createImportService } from '../../electron/core/import/importService';
import { createPhonePool, type PhonePool } from '../../electron/core/people/phonePool';
import { baseLead, openTestApp, sqlAll, sqlGet, type TestApp } from './helpers';

// Counts the rows mapped (the parse's work), to see when the preview's parse is reused: the rows mapped by the
// import, and those remapRow maps again (a fresh row: not the kept one nor a copy of it).
vi.mock('../../shared/import/mapping', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../shared/import/mapping')>();
  return { ...orig, mapRow: vi.fn(orig.mapRow), remapRow: vi.fn(orig.remapRow) };
});
const mapped = () => {
  const re = vi.mocked(mapping.remapRow).mock;
  // A row mapped again by remapRow has a new input or error (a copy with the new creation time shares them).
  const again = re.results.filter(
    (x, i) =>
      x.type === 'return' &&
      x.value !== re.calls[i]![0] &&
      (x.value.input !== re.calls[i]![0].input || x.value.error !== re.calls[i]![0].error),
  );
  return vi.mocked(mapping.mapRow).mock.calls.length + again.length;
};
const resetCount = () => {
  vi.mocked(mapping.mapRow).mockClear();
  vi.mocked(mapping.remapRow).mockClear();
};

const START = Date.parse('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
let apps: TestApp[] = [];
beforeEach(() => {
  resetCount();
});
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});
/** An app core, ready (the importer is called directly: on PostgreSQL the settings load after the start). */
const open = async () => {
  const a = openTestApp(START);
  apps.push(a);
  await a.core.ready;
  return a;
};

/** An HQ file with every kind of row: valid, invalid, dated later, a duplicate in the file, duplicates of open leads. */
function hqFile(): Buffer {
  const rows = [HQ_HEADERS, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => hqRow(person(n)))];
  rows[3]![3] = 'not-an-email'; // EMAIL_INVALID (found after the date check)
  rows[4]![8] = '02/03/2026 10:30'; // 09:30Z: in the future at the preview, not an hour later
  rows[5]![8] = '01/01/2027'; // in the future at both
  rows[6]![5] = person(1).vin; // the VIN of line 2: a duplicate in the file
  rows[7]![8] = '02/03/2026 10:00'; // 09:00Z: exactly the preview's now
  rows.push(hqRow({ ...person(9), email: 'not-an-email', date: '01/01/2027' })); // in the future and a bad e-mail
  return utf8(csv(rows, ';'));
}
/** A web-form list without an id or a date column: the assignment date is the time of the import. */
function webFile(): Buffer {
  const rows = [['Nome', 'Cognome', 'E-mail', 'Telefono', 'Campagna', 'Fonte']];
  for (let n = 20; n < 26; n++)
    rows.push([person(n).first, person(n).last, person(n).email, person(n).phone, 'Seasonal Promo', 'Web']);
  rows.push([person(20).first, person(20).last, person(20).email, person(20).phone, 'Seasonal Promo', 'Web']); // the same row again
  return utf8(csv(rows, ';'));
}

const dump = async (a: TestApp) => {
  const all = (sql: string) => sqlAll(a.core, sql);
  // The search's own rows: SQLite's full-text index terms, PostgreSQL's search documents (migration search).
  let search: unknown[];
  if (a.core.data.kind === 'sqlite') {
    const db = a.core.store.sqlite;
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'leads_fts', 'instance')");
    search = db.prepare('SELECT * FROM temp.fts_terms ORDER BY doc, col, offset, term').all();
  } else search = await all('SELECT * FROM leads_search ORDER BY id');
  return {
    leads: await all('SELECT * FROM leads ORDER BY id'),
    customers: await all('SELECT * FROM customers ORDER BY id'),
    history: await all('SELECT * FROM history ORDER BY id'),
    vehicles: await all('SELECT * FROM vehicles ORDER BY id'),
    notifications: await all('SELECT * FROM notifications ORDER BY id'),
    search,
  };
};
const report = (r: ImportReport) => ({ ...r, ms: 0 });
const commit = async (a: TestApp, name: string, data: Buffer, opts: object = {}) => {
  const r = await a.core.importer.commit({ name, data }, { decisions: [], ...opts }, await a.core.resolveActor());
  await a.core.settled(); // the import's alerts (a call's reply waits for them; this calls the service itself)
  return r;
};

/**
 * The same story on two databases: with a preview before the commit (its parse reused) and without one.
 * `between` runs after the preview (on both), with the clock already moved by `advance`.
 */
async function both(
  name: string,
  data: Buffer,
  opts: {
    advance?: number;
    before?: (a: TestApp) => void | Promise<void>;
    between?: (a: TestApp) => void | Promise<void>;
    previewOpts?: object;
    commitOpts?: object;
  } = {},
) {
  const withPreview = await open();
  const without = await open();
  for (const a of [withPreview, without]) await opts.before?.(a);
  await withPreview.core.importer.preview({ name, data }, opts.previewOpts ?? {});
  const mappedByPreview = mapped();
  for (const a of [withPreview, without]) {
    a.clock.advance(opts.advance ?? 0);
    await opts.between?.(a);
  }
  const m0 = mapped();
  const r1 = await commit(withPreview, name, data, opts.commitOpts);
  const mappedByCommit = mapped() - m0;
  const r2 = await commit(without, name, data, opts.commitOpts);
  expect(report(r1)).toEqual(report(r2));
  expect(await dump(withPreview)).toEqual(await dump(without));
  return { r: r1, mappedByPreview, mappedByCommit, app: withPreview };
}

describe("import: a commit reuses its preview's parse, with the result of a commit without one", () => {
  it('same file, same time: no row is mapped again; duplicates and known rows are still checked at commit', async () => {
    const { r, mappedByPreview, mappedByCommit } = await both('hq.csv', hqFile(), {
      before: async (a) => {
        await a.core.leads.create(baseLead({ email: person(8).email }), await a.core.resolveActor());
      }, // line 9's e-mail
      between: async (a) => {
        // After the preview: an open lead with line 3's e-mail, and line 8 imported by another file.
        await a.core.leads.create(baseLead({ email: person(2).email }), await a.core.resolveActor());
        expect((await commit(a, 'other.csv', utf8(csv([HQ_HEADERS, hqRow(person(7))], ';')))).imported).toBe(1);
      },
    });
    expect(mappedByPreview).toBe(9);
    expect(mappedByCommit).toBe(0);
    expect(r).toMatchObject({ total: 9, imported: 1, already: 1, skippedDuplicates: 2 });
    expect(r.duplicates).toEqual([
      expect.objectContaining({ line: 3, by: 'email' }),
      expect.objectContaining({ line: 9, by: 'email' }),
    ]);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [4, 'EMAIL_INVALID'],
      [5, 'DATE_IN_FUTURE'],
      [6, 'DATE_IN_FUTURE'],
      [7, 'DUPLICATE_IN_FILE'],
      [10, 'DATE_IN_FUTURE'],
    ]);
  });

  it('an hour later: only the rows the time changes are mapped again (dated in the future, dated "now")', async () => {
    const { r, mappedByCommit } = await both('hq.csv', hqFile(), { advance: HOUR });
    expect(mappedByCommit).toBe(4); // lines 5, 6, 8 and 10
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [4, 'EMAIL_INVALID'],
      [6, 'DATE_IN_FUTURE'],
      [7, 'DUPLICATE_IN_FILE'],
      [10, 'DATE_IN_FUTURE'],
    ]);
    expect(r.imported).toBe(5); // line 5 is no longer in the future
  });

  it("no date column: the leads are assigned at the commit's time, not the preview's", async () => {
    const { r, app, mappedByCommit } = await both('web.csv', webFile(), { advance: HOUR });
    expect(r).toMatchObject({
      imported: 6,
      rejected: [expect.objectContaining({ line: 8, code: 'DUPLICATE_IN_FILE' })],
    });
    expect(mappedByCommit).toBe(7); // every row that passed the date check (the default date is the time)
    const at = await sqlAll(app.core, 'SELECT DISTINCT assigned_at AS a, created_at AS c FROM leads');
    expect(at).toEqual([{ a: START + HOUR, c: START + HOUR }]);
  });

  it('a clock that went back, other settings, another mapping, a new preset, other bytes: parsed again', async () => {
    const file = hqFile();
    const without = (field: string) =>
      Object.fromEntries(Object.entries(mapping.suggestMapping(HQ_HEADERS)).filter(([k]) => k !== field));
    const cases: Parameters<typeof both>[2][] = [
      { advance: -HOUR },
      {
        between: async (a) => {
          await a.core.settings.setRules({ ...a.core.settings.rules(), timeZone: 'America/New_York' });
        },
      },
      { commitOpts: { mapping: { columns: without('vin'), defaults: {} } } },
      {
        between: async (a) => {
          await a.core.importer.presets.save({
            name: 'HQ',
            source: 'hq_campaign',
            mapping: { columns: without('leadType'), defaults: { leadType: 'customer_driven' } },
          });
        },
      },
    ];
    for (const c of cases) {
      const { mappedByCommit } = await both('hq.csv', file, c);
      expect(mappedByCommit, JSON.stringify(c)).toBe(9);
    }
    // Other bytes under the same name.
    const a = await open();
    await a.core.importer.preview({ name: 'hq.csv', data: file }, {});
    resetCount();
    const other = utf8(csv([HQ_HEADERS, hqRow(person(1))], ';'));
    expect((await commit(a, 'hq.csv', other)).imported).toBe(1);
    expect(mapped()).toBe(1);
  });

  it("the parse is the commit's: a second commit of the same file parses again (and imports nothing)", async () => {
    const a = await open();
    const file = hqFile();
    await a.core.importer.preview({ name: 'hq.csv', data: file }, {});
    resetCount();
    expect((await commit(a, 'hq.csv', file)).imported).toBe(4);
    expect(mapped()).toBe(0);
    expect(await commit(a, 'hq.csv', file)).toMatchObject({ imported: 0, already: 4 });
    expect(mapped()).toBe(9);
  });

  it('a failed commit leaves nothing, and the next commit parses again', async () => {
    const a = await open();
    const file = hqFile();
    await a.core.importer.preview({ name: 'hq.csv', data: file }, {});
    a.core.assign = () => {
      throw new Error('assignment exploded');
    };
    await expect(commit(a, 'hq.csv', file)).rejects.toThrow('assignment exploded');
    expect(await sqlGet(a.core, 'SELECT count(*) AS n FROM leads')).toEqual({ n: 0 });
    a.core.assign = undefined;
    resetCount();
    expect((await commit(a, 'hq.csv', file)).imported).toBe(4);
    expect(mapped()).toBe(9);
  });
});

describe('import: the phone numbers of a parse nobody will use are dropped', () => {
  /** The core's own pool behind a spy that records what the import asks of each batch. */
  function spied(a: TestApp, calls: string[], link?: () => void) {
    const real = createPhonePool(() => undefined);
    const pool: PhonePool = {
      warm: () => real.warm(),
      close: () => real.close(),
      batch: () => {
        const b = real.batch();
        return {
          add: (p, c, l) => b.add(p, c, l),
          end: () => b.end(),
          wait: () => {
            calls.push('wait');
            return b.wait();
          },
          cancel: () => {
            calls.push('cancel');
            b.cancel();
          },
        };
      },
    };
    const c = a.core;
    const importer = createImportService(c.data, c.clock, c.settings, c.leads, c.events, () => ({
      phones: pool,
      linkCustomers: (r, rows, known) => {
        link?.();
        return c.customers.assignCustomers(r, rows, known);
      },
    }));
    return { importer, close: () => real.close() };
  }
  const file = (name: string, from: number, n = 30) => ({
    name,
    data: utf8(csv([HQ_HEADERS, ...Array.from({ length: n }, (_, i) => hqRow(person(from + i)))])),
  });
  const leads = async (a: TestApp) => (await sqlGet<{ n: number }>(a.core, 'SELECT count(*) AS n FROM leads'))!.n;

  it('a commit that fails writes nothing and cancels its batch; a preview replaced by another file or taken by a commit', async () => {
    const a = await open();
    const calls: string[] = [];
    const failing = spied(a, calls, () => {
      throw new Error('boom');
    });
    await expect(
      failing.importer.commit(file('x.csv', 1), { decisions: [] }, await a.core.resolveActor()),
    ).rejects.toThrow('boom');
    expect(calls).toEqual(['wait', 'cancel']);
    expect(await leads(a)).toBe(0);
    failing.close();

    calls.length = 0;
    const ok = spied(a, calls);
    await ok.importer.preview(file('a.csv', 100), {});
    await ok.importer.preview(file('b.csv', 200), {}); // a.csv's parse is dropped, and its numbers
    expect(calls).toEqual(['cancel']);
    const r = await ok.importer.commit(file('b.csv', 200), { decisions: [] }, await a.core.resolveActor()); // takes b.csv's parse and numbers
    expect(r.imported).toBe(30);
    expect(calls).toEqual(['cancel', 'wait', 'cancel']);
    const again = await ok.importer.commit(file('b.csv', 200), { decisions: [] }, await a.core.resolveActor()); // nothing new: no waiting
    expect(again.imported).toBe(0);
    expect(calls).toEqual(['cancel', 'wait', 'cancel', 'cancel']);
    ok.close();
  });
});
