// A whole app core in its own process on a PostgreSQL database (test/integration/pgTwoCores.test.ts): prints `ready`
// once started; each line `deliver <now>` on its stdin delivers the outbox at that time, until the test kills it
// (SIGKILL mid-delivery: no settle, no goodbye). Started early by the test: its start-up overlaps the other tests.
// Run: node --import tsx test/support/pgCoreChild.ts <url> <start> <leaseMs>
import { createInterface } from 'node:readline';
import { createAppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';

const [url, start, leaseMs] = process.argv.slice(2);
const core = createAppCore({
  dbPath: url!,
  clock: testClock(Number(start)),
  timeZone: 'Europe/Rome',
  log: () => undefined,
  pg: { outboxLeaseMs: Number(leaseMs) },
});
await core.ready;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, now] = line.split(' ');
  if (command !== 'deliver') continue;
  const report = await core.outbox.deliverDue(Number(now));
  process.stdout.write(`delivered ${JSON.stringify(report)}\n`); // not reached while the mail server holds its answer
}
