// The crash-test child: opens the app core and performs actions forever, acknowledging each on stdout
// only AFTER its transaction has committed. The parent kills it (SIGKILL) at random moments.
import { createAppCore } from '../../electron/core/appCore';

const dbPath = process.argv[2]!;
let seed = Number(process.argv[3] ?? 1);
const core = createAppCore({ dbPath, mode: 'browser', log: () => undefined });
const total = () => (core.store.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`READY ${total()}`);

async function loop(): Promise<void> {
  for (;;) {
    const pick = seed % 3;
    seed += 1;
    if (pick === 0) {
      say(`BEGIN batch 200`);
      const r = await core.dispatch('demo.load', { leads: 200, seed }, { transport: 'test' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      say(`ACK batch ${total()}`);
    } else if (pick === 1) {
      say(`BEGIN one 1`);
      const r = await core.dispatch('leads.create', { firstName: 'Crash', lastName: `Test${seed}`, leadType: 'customer_driven', source: 'web',
        campaign: 'service_reminder', email: `crash${seed}@example.com`, language: 'en' }, { transport: 'test' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      say(`ACK one ${total()} ${(r.value as { lead: { id: number } }).lead.id}`);
    } else {
      say(`BEGIN sweep 0`);
      core.sweeps.run(Date.now());
      say(`ACK sweep ${total()}`);
    }
  }
}
loop().catch((e) => { process.stderr.write(String(e)); process.exit(2); });
