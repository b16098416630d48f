// The outbox crash-test child: opens the app core (as the app does at start-up: recover, then deliver)
// and delivers the queued e-mails to the parent's SMTP server one by one, saying "SENT <id>" only after
// the row's 'sent' state has committed. The parent kills it (SIGKILL) at random moments.
import { createAppCore } from '../../electron/core/appCore';

const dbPath = process.argv[2]!;
const core = createAppCore({ dbPath, mode: 'browser', log: () => undefined });
const say = (line: string) => process.stdout.write(`${line}\n`);
const queued = () =>
  (
    core.store!.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE state IN ('queued', 'sending')`).get() as {
      n: number;
    }
  ).n;

async function main(): Promise<void> {
  await core.outbox.recover(Date.now());
  say(`READY ${queued()}`);
  while (queued() > 0) {
    const r = await core.outbox.deliverDue(Date.now());
    say(`BATCH ${r.sent}`);
    if (r.waiting || r.failed) throw new Error(`unexpected ${JSON.stringify(r)}`);
  }
  say('DONE');
  core.close();
  process.exit(0);
}
main().catch((e) => {
  process.stderr.write(String(e));
  process.exit(2);
});
