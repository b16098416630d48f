// The phone worker (a worker thread of the main process, started by phonePool.ts): normalizes the numbers of a
// file import with libphonenumber while the main thread reads the file and writes the database. Pure work, no
// database. A batch cancelled meanwhile (its flag set in the shared array) is answered empty without the work.
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePhone } from '../../../shared/people/phone';
import type { PhoneReply, PhoneRequest, PhoneWorkerData } from './phonePool';

const { cancelled } = workerData as PhoneWorkerData;
const flags = new Int32Array(cancelled);

parentPort?.on('message', (m: PhoneRequest) => {
  const skip = Atomics.load(flags, m.slot) === m.batch;
  const out: PhoneReply['out'] = skip ? [] : m.items.map(([phone, country, language]) => {
    const p = normalizePhone(phone, country, language);
    return p === null ? null : [p.e164, p.valid];
  });
  parentPort!.postMessage({ batch: m.batch, chunk: m.chunk, skipped: skip, out } satisfies PhoneReply);
});
