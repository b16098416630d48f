// What runs by itself while the app is open: the sweeps (caught up at start-up for the time the PC
// was off, then every 15 minutes with node-cron), the manager's daily digest and the watched folder.
import cron from 'node-cron';
import type { AppCore } from './appCore';
import { scheduleDailyDigest } from './kpi/digest';

export function startBackground(core: AppCore): () => void {
  const sweep = () => {
    try {
      const r = core.sweeps.run(core.clock.now());
      if (r.changes.length) core.log(`sweeps: ${r.changes.length} change(s)`);
    } catch (e) {
      // Each sweep is one transaction: a failure leaves nothing half-applied and is retried next time.
      core.log('sweep failed; it will be retried', e);
    }
  };
  sweep();
  const task = cron.schedule('*/15 * * * *', sweep);
  const stopDigest = scheduleDailyDigest(core);
  const stopWatch = core.watchFolder.start();
  return () => { void task.stop(); stopDigest(); stopWatch(); };
}
