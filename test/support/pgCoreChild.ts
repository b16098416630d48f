// A whole app core in its own process on a PostgreSQL database (test/integration/pgTwoCores.test.ts): prints `ready`,
// then delivers the outbox at the time given, until the test kills it (SIGKILL mid-delivery: no settle, no goodbye).
// Run: node --import tsx test/support/pgCoreChild.ts <url> <now> <leaseMs>
import { createAppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';

const [url, now, leaseMs] = process.argv.slice(2);
const core = createAppCore({
  dbPath: url!,
  clock: testClock(Number(now)),
  timeZone: 'Europe/Rome',
  log: () => undefined,
  pg: { outboxLeaseMs: Number(leaseMs) },
});
await core.ready;
process.stdout.write('ready\n');
await core.outbox.deliverDue(Number(now));
process.stdout.write('delivered\n'); // not reached while the test's mail server holds its answer
