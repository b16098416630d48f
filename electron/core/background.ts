// What runs by itself while the app is open. On start-up every job first catches up on the time the PC
// was off, then runs on its node-cron schedule:
// - the sweeps (Lost Sale, appointment expiry, Contact Again follow-ups): every 15 minutes;
// - the outbox: e-mails left 'sending' by a crash are queued again, then what is due is delivered
//   (appointment reminders included, at their time): every minute, and soon after an action queues one;
// - the notification scheduler (shared/rules/notifications.ts since its last run): every 5 minutes;
// - the manager's daily digest (its e-mail through the outbox) and the watched folder;
// - the query planner's statistics (PRAGMA optimize): hourly and after a file import.
// A failing job is logged and retried next time; each step is one transaction, never half-applied.
// On PostgreSQL (issue 15, several cores on one database: electron/core/multiCore/README.md) the jobs that write
// per-database results run on the leader core only: the sweeps (on the leader's session), the notification
// scheduler, the digest and the watched folder; every core delivers the outbox (claimed rows) and nothing is recovered
// at start-up (a row left 'sending' is claimed again after its lease).
import cron from 'node-cron';
import type { AppCore, MultiCore } from './appCore';
import { scheduleDailyDigest, type DigestMailer } from './kpi/digest';
import { refreshPlannerStats } from '../store/db';

export interface BackgroundOptions {
  /** Schedules (node-cron syntax); tests may speed them up. */
  sweepCron?: string;
  deliveryCron?: string;
  notifyCron?: string;
}

/** The daily digest's e-mails go through the outbox (deduplicated per manager and day). */
export function digestMailer(core: AppCore): DigestMailer {
  return (to, m, key, r) => {
    const now = core.clock.now();
    return core.outbox.enqueue(
      r,
      {
        dedupeKey: key,
        leadId: null,
        kind: 'kpi_digest',
        to: to.email,
        language: to.language,
        subject: m.subject,
        text: m.text,
        dueAt: now,
      },
      now,
    );
  };
}

/** Stops the jobs; `caughtUp` resolves once the start-up catch-up (sweeps, then notifications) is done. */
export type StopBackground = (() => void) & { caughtUp: Promise<void> };

/** The jobs start once the core is ready (`core.ready`: PostgreSQL's migrations, the settings loaded). */
export function startBackground(core: AppCore, opts: BackgroundOptions = {}): StopBackground {
  let stopped = false;
  let stopJobs: StopBackground | null = null;
  const caughtUp = core.ready.then(
    () => {
      // Stopped before the core was ready: the start-up catch-up still runs once (as when the jobs start at once);
      // the schedules stop.
      stopJobs = startJobs(core, opts);
      if (stopped) stopJobs();
      return stopJobs.caughtUp;
    },
    (e: unknown) => core.log('the background jobs did not start: the core could not start', e),
  );
  const stop = () => {
    stopped = true;
    stopJobs?.();
  };
  return Object.assign(stop, { caughtUp });
}

function startJobs(core: AppCore, opts: BackgroundOptions): StopBackground {
  const multi = core.multiCore;
  /** Whether this core runs the per-database jobs: always on SQLite, the leader's on PostgreSQL. */
  const leads = () => (multi ? multi.coordination.leading() : Promise.resolve(true));
  const sweep = async () => {
    try {
      const now = core.clock.now();
      const r = multi ? await multi.sweeps.runWith(multi.coordination.asLeader, now) : await core.sweeps.run(now);
      if (r?.changes.length) {
        core.log(`sweeps: ${r.changes.length} change(s)`);
        // After the sweeps' commits: the desks' lists refresh (docs/rules.md §12). PostgreSQL: the other cores heard
        // each batch's `sweep.done` on its commit already.
        const e = { type: 'sweep.done', name: 'sweeps', at: core.clock.now(), changed: r.changes.length } as const;
        core.events.emit(e, { published: multi !== undefined });
      }
    } catch (e) {
      // Each sweep is one transaction: a failure leaves nothing half-applied and is retried next time.
      core.log('sweep failed; it will be retried', e);
    }
  };
  const notify = async () => {
    try {
      if (await leads()) await core.notifications.run(core.clock.now());
    } catch (e) {
      core.log('notification scheduler failed; it will be retried', e);
    }
  };
  const deliver = () => {
    void core.outbox.deliverDue(() => core.clock.now());
  };
  let soon: NodeJS.Timeout | null = null;
  /** After an action queued e-mails: deliver once its transaction is over (never inside it). */
  const deliverSoon = () => {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      deliver();
    }, 200);
    soon.unref?.();
  };
  // SQLite's planner statistics (PostgreSQL's autovacuum keeps its own).
  const sqlite = core.store?.sqlite;
  const stats = () => {
    if (!sqlite) return;
    try {
      refreshPlannerStats(sqlite);
    } catch (e) {
      core.log('planner statistics not refreshed', e);
    }
  };
  let notifySoon: NodeJS.Timeout | null = null;
  let statsSoon: NodeJS.Timeout | null = null;
  const unsubscribe = core.events.on((e) => {
    if (e.type === 'outbox.queued' || e.type === 'lead.changed') deliverSoon();
    if ((e.type === 'lead.created' || e.type === 'leads.imported') && !notifySoon) {
      notifySoon = setTimeout(() => {
        notifySoon = null;
        notify();
      }, 200);
      notifySoon.unref?.();
    }
    if (e.type === 'leads.imported' && !statsSoon) {
      statsSoon = setTimeout(() => {
        statsSoon = null;
        stats();
      }, 1000);
      statsSoon.unref?.();
    }
  });

  // Catch-up at start-up, in this order: a crash's half-sent e-mails, the sweeps, the notifications, delivery.
  void core.outbox.recover(core.clock.now()).catch((e: unknown) => core.log('outbox recovery failed', e));
  // The sweeps' transactions are committed before the notifications read (as when the sweeps were synchronous).
  const caughtUp = sweep().then(async () => {
    await notify();
    deliver();
  });
  const tasks = [
    cron.schedule(opts.sweepCron ?? '*/15 * * * *', sweep),
    cron.schedule(opts.deliveryCron ?? '* * * * *', deliver),
    cron.schedule(opts.notifyCron ?? '*/5 * * * *', notify),
    cron.schedule('41 * * * *', stats),
  ];
  const stopDigest = scheduleDailyDigest(core, { mail: digestMailer(core), onlyIf: leads });
  const stopWatch = multi ? watchWhileLeading(core, multi) : core.watchFolder.start();
  const stop = () => {
    for (const t of tasks) void t.stop();
    unsubscribe();
    if (soon) clearTimeout(soon);
    if (notifySoon) clearTimeout(notifySoon);
    if (statsSoon) clearTimeout(statsSoon);
    stopDigest();
    stopWatch();
  };
  return Object.assign(stop, { caughtUp });
}

/** PostgreSQL: the watched folder is scanned by the leader only (one import per file); it follows leadership. */
function watchWhileLeading(core: AppCore, multi: MultiCore): () => void {
  let stopWatch: (() => void) | null = null;
  let stopped = false;
  const follow = (leading: boolean) => {
    if (leading && !stopWatch && !stopped) stopWatch = core.watchFolder.start();
    if (!leading && stopWatch) {
      stopWatch();
      stopWatch = null;
    }
  };
  const off = multi.coordination.onLeading(follow);
  void multi.coordination.leading().then(follow, (e: unknown) => core.log('leader check failed', e));
  return () => {
    stopped = true;
    off();
    follow(false);
  };
}
