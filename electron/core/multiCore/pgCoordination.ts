// Several app cores on one PostgreSQL database (issue 15): what a core on PostgreSQL adds to the in-process paths.
// - Events: this core's events go to the other cores on the database's channel (store/pg/notify.ts): inside the
//   writing transaction when one is open in the emitting context (pg_notify on its connection: delivered on commit,
//   never on rollback), else just after the commit (the services emit once their transaction is committed). The
//   other cores' events are heard on a dedicated connection and emitted to this core's listeners marked `remote`.
//   Delivery is at most once: after a lost listening connection, `resync` makes every desk re-read.
// - The leader (store/pg/leader.ts): one core per database runs the jobs that write per-database results; started
//   by the first background start (a CLI command's core does not compete), released on close.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PgAsyncStore } from '../../store/pg/asyncStore';
import { startLeaderElection, type Leadership } from '../../store/pg/leader';
import { FIRST_START_LOCK, advisoryLock, advisoryUnlock } from '../../store/pg/locks';
import { notifyInTransaction, startEventListener, type PgEventListener } from '../../store/pg/notify';
import type { TransactionRunner } from '../../store/pg/sweepClaim';
import { withTransaction } from '../../store/pg/tx';
import type { AppEvent, Events } from '../events';
import type { SettingsService } from '../settingsService';

export interface PgCoreOptions {
  /** How often a follower tries to become the leader (and the leader checks its connection). Default 5 s. */
  leaderPollMs?: number;
  /** How long a claimed outbox row is this core's (store/pg/outboxQueue.ts). Default 10 min. */
  outboxLeaseMs?: number;
  /** The listener's first wait before reconnecting. Default 500 ms. */
  listenRetryMs?: number;
  /**
   * This core's per-PC values (who is at the desk, its language: localState.ts). Default: beside the database's other
   * files on this PC, `~/.aslm-desk/pg-<host>-<port>-<database>.local.json`; tests with several cores give each its own.
   */
  localStatePath?: string;
}

export interface PgCoordination {
  /** The PostgreSQL store (not afterReady's wrapper). */
  readonly data: PgAsyncStore;
  /** This core's id on the channel (its own events are not heard back). */
  readonly origin: string;
  readonly pool: pg.Pool;
  /** Runs `fn` under the first-start advisory lock: two cores starting on a new database write its first rows once. */
  firstStart<T>(fn: () => Promise<T>): Promise<T>;
  /** Sends one of this core's events to the other cores (events.ts `publish`). */
  publish(e: AppEvent): void;
  /** The listening connection (null before `hear`). */
  listener(): PgEventListener | null;
  /** Starts hearing the other cores (once); `resync` runs after a reconnect. */
  listen(events: Events, resync: () => void): PgEventListener;
  /**
   * Hears the other cores: their events emitted here marked `remote`; their settings writes make this core load the
   * settings again; after a reconnect, the settings loaded again and `settings.changed` + `sweep.done` (the desks and
   * lists re-read).
   */
  hear(events: Events, settings: Pick<SettingsService, 'invalidate'>, now: () => number): PgEventListener;
  /** The leader election, started on first use. */
  leadership(): Leadership;
  /** Whether this core leads now: waits for the election's pending check (not a guarantee: `runAsLeader` is). */
  leading(): Promise<boolean>;
  /** Leadership changes (the watched folder follows them). */
  onLeading(fn: (leading: boolean) => void): () => void;
  /** One transaction on the leader's lock-holding session (null: not the leader). */
  asLeader: TransactionRunner;
  /** One transaction on the pool (a manual run beside the leader's). */
  onPool: TransactionRunner;
  /** Leader released, listener closed (their stop starts at once; the promise tells when they are closed). */
  close(): Promise<void>;
}

export function startPgCoordination(c: {
  url: string;
  data: PgAsyncStore;
  opts: PgCoreOptions;
  log: (msg: string, err?: unknown) => void;
}): PgCoordination {
  const { url, data, opts, log } = c;
  const pool: pg.Pool = data.pg.pool;
  const origin = randomUUID();
  let leader: Leadership | null = null;
  let listener: PgEventListener | null = null;
  let closed = false;
  const changes = new Set<(leading: boolean) => void>();

  const leadership = (): Leadership => {
    if (closed) throw new Error('the core is closed');
    leader ??= startLeaderElection({
      url,
      pollMs: opts.leaderPollMs,
      log,
      onChange: (v) => {
        log(v ? 'this core leads the database (sweeps, notifications, digest)' : 'this core no longer leads');
        for (const fn of changes) fn(v);
      },
    });
    return leader;
  };

  const listen = (events: Events, resync: () => void): PgEventListener => {
    listener ??= startEventListener({
      url,
      origin,
      retryMs: opts.listenRetryMs,
      log,
      onEvent: (m) => events.emit(m.event, { remote: true }),
      onReconnect: resync,
    });
    return listener;
  };

  return {
    origin,
    data,
    pool,
    async firstStart(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await advisoryLock(client, FIRST_START_LOCK);
        try {
          return await fn();
        } finally {
          await advisoryUnlock(client, FIRST_START_LOCK).catch((e: Error) => (broken = e));
        }
      } finally {
        client.release(broken);
      }
    },
    publish(e) {
      // Queued on the transaction's connection before its COMMIT: a failure aborts that transaction (logged here).
      const sent = notifyInTransaction(data.openTransaction() ?? pool, e, origin);
      sent.catch((err: unknown) => log(`event ${e.type} not sent to the other cores`, err));
    },
    listen,
    listener: () => listener,
    leadership,
    hear(events, settings, now) {
      const resync = () => {
        // Events were missed while away: the settings and every screen are read again (a desk's `resync`).
        settings.invalidate();
        events.emit({ type: 'settings.changed', at: now(), channel: 'resync' }, { remote: true });
        events.emit({ type: 'sweep.done', name: 'resync', at: now(), changed: 0 }, { remote: true });
      };
      // Another core wrote settings: this core's loaded values are read again. So when this core becomes the leader:
      // the jobs' own marks (notify.lastRun, kpi.digest.lastDay) were written by the previous leader without an event.
      events.on((e, { remote }) => {
        if (remote && e.type === 'settings.changed') settings.invalidate();
      });
      changes.add((leading) => {
        if (leading) settings.invalidate();
      });
      return listen(events, resync);
    },
    async leading() {
      // runAsLeader waits for the election's check in progress (the first one at start-up).
      try {
        return (await leadership().runAsLeader(async () => true)) === true;
      } catch (e) {
        // The leader's connection failed under this check: not the leader any more (the election drops it).
        log('leader check failed: not leading', e);
        return false;
      }
    },
    onLeading(fn) {
      changes.add(fn);
      return () => changes.delete(fn);
    },
    asLeader: (fn) => leadership().runAsLeader(fn),
    onPool: (fn) => withTransaction(pool, fn),
    async close() {
      closed = true;
      await Promise.all([leader?.stop(), listener?.stop()]);
    },
  };
}
