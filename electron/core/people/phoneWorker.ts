// The phone worker (a worker thread of the main process, started by phonePool.ts): normalizes the numbers of a
// file import with libphonenumber while the main thread reads the file and checks it. Pure work, no database. Each
// reply goes to the pool's port and bumps the shared reply count (the main thread may be sleeping on it); a batch
// cancelled meanwhile (its id in its cancel slot) is answered empty without the work.
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePhone } from '../../../shared/people/phone';
import { SLOTS, type PhoneReply, type PhoneRequest, type PhoneWorkerData } from './phoneProtocol';

const { shared, port } = workerData as PhoneWorkerData;
const flags = new Int32Array(shared);

parentPort?.on('message', (m: PhoneRequest) => {
  const skip = Atomics.load(flags, m.slot) === m.batch;
  const out: PhoneReply['out'] = skip ? [] : m.items.map(([phone, country, language]) => {
    const p = normalizePhone(phone, country, language);
    return p === null ? null : [p.e164, p.valid];
  });
  port.postMessage({ batch: m.batch, chunk: m.chunk, skipped: skip, out } satisfies PhoneReply);
  Atomics.add(flags, SLOTS, 1);
  Atomics.notify(flags, SLOTS);
});
