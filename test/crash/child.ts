// The crash-test child: opens the app core and performs actions forever, acknowledging each on stdout
// only AFTER its transaction has committed. The parent kills it (SIGKILL) at random moments.
import { createAppCore } from '../../electron/core/appCore';

const dbPath = process.argv[2]!;
let seed = Number(process.argv[3] ?? 1);
const core = createAppCore({ dbPath, mode: 'browser', log: () => undefined });
const total = () => (core.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`READY ${total()}`);

async function loop(): Promise<void> {
  for (;;) {
    const pick = seed % 5;
    seed += 1;
    if (pick === 0) {
      say(`BEGIN batch 200`);
      const r = await core.dispatch('demo.load', { leads: 200, seed }, { transport: 'test' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      say(`ACK batch ${total()}`);
    } else if (pick === 1) {
      say(`BEGIN one 1`);
      const r = await core.dispatch(
        'leads.create',
        {
          firstName: 'Crash',
          lastName: `Test${seed}`,
          leadType: 'customer_driven',
          source: 'web',
          campaign: 'service_reminder',
          email: `crash${seed}@example.com`,
          language: 'en',
        },
        { transport: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      say(`ACK one ${total()} ${(r.value as { lead: { id: number } }).lead.id}`);
    } else if (pick === 3) {
      // A real file import: 40 new leads in one transaction.
      const rows = Array.from(
        { length: 40 },
        (_, i) => `Imp;Row${seed}x${i};imp${seed}x${i}@example.com;Service Reminder;Customer Driven`,
      );
      const csv = ['Nome;Cognome;E-mail;Campagna;Tipo', ...rows, ''].join('\r\n');
      say(`BEGIN import 40`);
      const r = await core.dispatch(
        'import.commit',
        { name: `crash${seed}.csv`, base64: Buffer.from(csv).toString('base64') },
        { transport: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      if ((r.value as { imported: number }).imported !== 40) throw new Error(`import: ${JSON.stringify(r.value)}`);
      say(`ACK import ${total()}`);
    } else if (pick === 4) {
      // An action on an open lead: Record contact (contact row, lead counters, history in one transaction).
      const row = core
        .store!.sqlite.prepare(
          "SELECT id, version FROM leads WHERE first_name = 'Crash' AND status IN ('assigned', 'in_progress') ORDER BY (id * ?) % 97 LIMIT 1",
        )
        .get(seed) as { id: number; version: number } | undefined;
      if (!row) continue;
      say(`BEGIN action 0 ${row.id}`);
      const r = await core.dispatch(
        'leads.recordContact',
        { id: row.id, version: row.version, input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' } },
        { transport: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const lead = (r.value as { lead: { id: number; contactAttempts: number } }).lead;
      say(`ACK action ${total()} ${lead.id} ${lead.contactAttempts}`);
    } else {
      say(`BEGIN sweep 0`);
      await core.sweeps.run(Date.now());
      say(`ACK sweep ${total()}`);
    }
  }
}
loop().catch((e) => {
  process.stderr.write(String(e));
  process.exit(2);
});
