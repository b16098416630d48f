// The phone worker (a worker thread of the main process, started by phonePool.ts): normalizes the numbers of a
// file import with libphonenumber while the main thread reads the file and checks it. Pure work, no database. It
// does a chunk only if it claims it first (the main thread may have taken it, or the batch been cancelled); each
// reply goes to the pool's port and bumps the shared reply count (the main thread may be sleeping on it).
import { parentPort, workerData } from 'node:worker_threads';
import { normalizePhone } from '../../../shared/people/phone';
import { CLAIM, type PhoneReply, type PhoneRequest, type PhoneWorkerData } from './phoneProtocol';

const { replies, port } = workerData as PhoneWorkerData;
const count = new Int32Array(replies);

parentPort?.on('message', (m: PhoneRequest) => {
  if (Atomics.compareExchange(new Int32Array(m.claim), 0, CLAIM.FREE, CLAIM.WORKER) !== CLAIM.FREE) return;
  const out: PhoneReply['out'] = m.items.map(([phone, country, language]) => {
    const p = normalizePhone(phone, country, language);
    return p === null ? null : [p.e164, p.valid];
  });
  port.postMessage({ batch: m.batch, chunk: m.chunk, out } satisfies PhoneReply);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
});
