// The table worker (a worker thread of the main process, started per file by tableReader.ts): reads an import file
// (XLSX, or a large CSV) into a table off the main thread, within the limits it is given. Pure work, no database.
// It answers once: the table, or the IMPORT_UNREADABLE reason; the thread then ends.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import { readTable } from './readTable';
import type { TableWorkerData, TableWorkerReply } from './tableReader';

const { name, data, limits } = workerData as TableWorkerData;

readTable(name, data, limits).then(
  (table) => parentPort?.postMessage({ ok: true, table } satisfies TableWorkerReply),
  (e: unknown) =>
    parentPort?.postMessage(
      (e instanceof AppError
        ? { ok: false, code: e.code, params: e.params ?? {} }
        : { ok: false, code: null, message: e instanceof Error ? e.message : String(e) }) satisfies TableWorkerReply,
    ),
);
