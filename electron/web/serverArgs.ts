// The command-line options `npm run start:web` (serve.ts) and `npm run host` (host.ts) share: the database, the
// tests' clock, and a refusal that says which option was wrong (exit code 2, as a usage error).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { testClock, type TestClock } from '../core/clock';

/** Stops with a usage error. */
export function usage(message: string): never {
  console.error(message);
  process.exit(2);
}

/** --db FILE, else $ASLM_DB, else ~/.aslm-desk/aslm.sqlite. */
export const dbPathArg = (value: string | undefined): string =>
  value ?? process.env.ASLM_DB ?? join(homedir(), '.aslm-desk', 'aslm.sqlite');

/** --test-clock ISO (tests only): the app's clock starts there and the tests move it. */
export function testClockArg(value: string | undefined): TestClock | undefined {
  if (value === undefined) return undefined;
  const start = Date.parse(value);
  if (Number.isNaN(start)) usage('Invalid --test-clock (ISO date-time expected)');
  return testClock(start);
}
