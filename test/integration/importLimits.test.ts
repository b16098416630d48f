// Import files beyond the limits (issue #17): refused with a clear error, nothing imported, and read off the main thread
// (an XLSX, or a large CSV) so that the core keeps answering meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { readTable, TABLE_LIMITS, xlsxDeclaredSize } from '../../electron/core/import/readTable';
import { IN_PLACE_CSV_BYTES, readImportTable, startTableWorker } from '../../electron/core/import/tableReader';
import { HQ_HEADERS, bigHqFile, csv, hqRow, person, utf8, xlsxFile } from '../fixtures/importCorpus';
import { err, ok, openTestApp, type TestApp, sqlGet } from './helpers';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});
const b64 = (b: Buffer) => b.toString('base64');
const count = async () => (await sqlGet<{ n: number }>(app!.core, 'SELECT count(*) AS n FROM leads'))!.n;
const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? { code: e.code, ...e.params } : { error: String(e) };
  }
  return null;
};
const noWorker = () => {
  throw new Error('the worker must not start');
};

describe('import limits', () => {
  it('an XLSX with one huge cell is refused (cell_too_long) while the core keeps answering other calls', async () => {
    app = openTestApp();
    const huge = await xlsxFile([HQ_HEADERS, [...hqRow(person(1)).slice(0, 7), 'x'.repeat(12_000_000)]]);
    expect(huge.byteLength).toBeLessThan(200_000); // a small file…
    expect(xlsxDeclaredSize(huge)).toBeGreaterThan(12_000_000); // …that unzips into megabytes
    // The event loop is watched while the preview runs: no stall, and a list call completes before the preview ends.
    let last = performance.now();
    let stall = 0;
    const tick = setInterval(() => {
      const t = performance.now();
      stall = Math.max(stall, t - last);
      last = t;
    }, 5);
    let previewDone = false;
    const t0 = performance.now();
    const preview = err(app.core, 'import.preview', { name: 'huge.xlsx', base64: b64(huge) }).finally(() => {
      previewDone = true;
    });
    const listed = await ok(app.core, 'leads.list', { view: 'assigned', pageSize: 50 });
    expect(listed).toHaveProperty('rows');
    expect(previewDone).toBe(false);
    const e = await preview;
    const took = performance.now() - t0;
    clearInterval(tick);
    expect(e).toMatchObject({ code: 'IMPORT_UNREADABLE', params: { reason: 'cell_too_long', line: 2, max: 32_767 } });
    // Read on the main thread, the same file stalls it for most of the preview (over a second); here the main thread
    // only hands the bytes over (a share of the time, whatever the machine's load).
    expect(stall / took).toBeLessThan(0.3);
    expect(await count()).toBe(0);
    const c = await err(app.core, 'import.commit', { name: 'huge.xlsx', base64: b64(huge) });
    expect(c).toMatchObject({ code: 'IMPORT_UNREADABLE', params: { reason: 'cell_too_long' } });
  }, 60_000);

  it('an XLSX whose parts unzip beyond the limit is refused from its zip directory, before any unzipping (no worker)', async () => {
    const big = await xlsxFile([HQ_HEADERS, [...hqRow(person(1)).slice(0, 7), 'y'.repeat(2_000_000)]]);
    const limits = { ...TABLE_LIMITS, maxXlsxBytes: 1_000_000 };
    expect(await reasonOf(readImportTable('big.xlsx', big, { limits, start: noWorker }))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      reason: 'too_big',
    });
    // Within the limit it is read (by the worker).
    const small = await xlsxFile([HQ_HEADERS, hqRow(person(1))]);
    expect((await readImportTable('small.xlsx', small, { limits })).rows).toHaveLength(1);
  }, 60_000);

  it('a worker that cannot start: the file is read on the main thread (logged)', async () => {
    const logs: string[] = [];
    const small = await xlsxFile([HQ_HEADERS, hqRow(person(1))]);
    const t = await readImportTable('small.xlsx', small, {
      start: () => {
        throw new Error('no worker');
      },
      log: (m) => logs.push(m),
    });
    expect(t.rows).toHaveLength(1);
    expect(logs).toEqual([expect.stringContaining('could not start')]);
  });

  it('a worker that runs out of its heap: too_big, nothing read on the main thread', async () => {
    const small = await xlsxFile([HQ_HEADERS, hqRow(person(1))]);
    const oom = (d: Parameters<typeof startTableWorker>[0]) => {
      const w = startTableWorker(d);
      // What Node reports when the worker's heap limit is reached.
      setImmediate(() => w.emit('error', Object.assign(new Error('heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' })));
      return w;
    };
    expect(await reasonOf(readImportTable('small.xlsx', small, { start: oom }))).toMatchObject({ reason: 'too_big' });
  });

  it('CSV: a cell beyond 32,767 characters, too many rows, a file too large: refused (in place, no worker)', async () => {
    const rows = [HQ_HEADERS, hqRow(person(1)), [...hqRow(person(2)).slice(0, 8), 'z'.repeat(40_000)]];
    expect(await reasonOf(readImportTable('long.csv', utf8(csv(rows, ';')), { start: noWorker }))).toMatchObject({
      reason: 'cell_too_long',
      line: 3,
      max: 32_767,
    });
    const many = bigHqFile(30);
    expect(
      await reasonOf(readImportTable('many.csv', many, { limits: { ...TABLE_LIMITS, maxRows: 29 }, start: noWorker })),
    ).toMatchObject({ reason: 'too_many_rows' });
    expect(
      (await readImportTable('many.csv', many, { limits: { ...TABLE_LIMITS, maxRows: 30 }, start: noWorker })).rows,
    ).toHaveLength(30);
    expect(
      await reasonOf(
        readImportTable('many.csv', many, {
          limits: { ...TABLE_LIMITS, maxFileBytes: many.byteLength - 1 },
          start: noWorker,
        }),
      ),
    ).toMatchObject({ reason: 'too_big' });
  });

  it('a CSV larger than the in-place size is read by the worker, giving the same table', async () => {
    const data = bigHqFile(Math.ceil(IN_PLACE_CSV_BYTES / 120));
    expect(data.byteLength).toBeGreaterThan(IN_PLACE_CSV_BYTES);
    let started = 0;
    const t = await readImportTable('big.csv', data, {
      start: (d) => {
        started++;
        return startTableWorker(d);
      },
    });
    expect(started).toBe(1);
    expect(t).toEqual(await readTable('big.csv', data));
  }, 60_000);
});
