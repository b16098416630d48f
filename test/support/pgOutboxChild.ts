// A second app core in its own process (test/integration/pgOutboxQueue.test.ts): claims the due outbox rows on
// the PostgreSQL database given, prints the claims as one JSON line, then hangs as in a long SMTP conversation
// until the test kills it (SIGKILL: no settle, no clean disconnect).
// Run: node --import tsx test/support/pgOutboxChild.ts <url> <now> <limit> <leaseMs>
import pg from 'pg';
import { claimDueOutbox } from '../../electron/store/pg/outboxQueue';

const [url, now, limit, leaseMs] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 1 });
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
const { claimed } = await claimDueOutbox(pool, { now: Number(now), limit: Number(limit), leaseMs: Number(leaseMs) });
process.stdout.write(`${JSON.stringify(claimed)}\n`);
setInterval(() => undefined, 60_000); // the "SMTP conversation" that never ends
