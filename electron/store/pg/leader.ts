// One sweeper per database (issue 15): of the app cores sharing a PostgreSQL database, the one that holds a
// session-level advisory lock on a dedicated connection is the leader, the others try again every pollMs. The
// lock lives as long as that session: when the leader's process dies, its connection drops, or its backend is
// terminated, PostgreSQL releases it and the next poll of another core takes it.
//
// The guarantee is on the work, not on the flag: runAsLeader runs its transaction on the lock-holding session
// itself, so whatever it commits was committed while the lock was held (a session that lost the lock is gone and
// can commit nothing). isLeader() is a hint for the screens and the timers: after a network cut it may stay true
// on the old leader until its next check (checkMs), while work it tries there fails.
import pg from 'pg';
import { pgTypes } from './migrate';
import { SWEEPER_LOCK } from './locks';

export interface LeaderOptions {
  /** The connection string; the leader holds one connection of its own, outside any pool. */
  url: string;
  key?: number;
  /** How often a follower tries to take the lock (and a leader checks its connection). Default 5 s. */
  pollMs?: number;
  /**
   * After its connection failed, how long a core waits before competing again (default 2 × pollMs): the cores that
   * kept polling take the lock first, so that a core with a bad link does not win it back at once.
   */
  rejoinMs?: number;
  onChange?: (leading: boolean) => void;
  log?: (msg: string, err?: unknown) => void;
  /** Default: the store's (int8 as JS numbers), so that leader work reads rows as the store's pool does. */
  types?: pg.CustomTypesConfig;
}

export interface Leadership {
  isLeader(): boolean;
  /**
   * Runs `fn` in one transaction on the lock-holding connection. Returns null without running it when this core
   * is not the leader; throws when the connection fails meanwhile (nothing is committed then). Calls are serialized.
   */
  runAsLeader<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T | null>;
  /** The backend process id of the dedicated connection (null while disconnected). */
  backendPid(): number | null;
  /** Gives the lock up (another core takes it at its next poll) and closes the connection. */
  stop(): Promise<void>;
}

export function startLeaderElection(opts: LeaderOptions): Leadership {
  const key = opts.key ?? SWEEPER_LOCK;
  const pollMs = opts.pollMs ?? 5_000;
  const rejoinMs = opts.rejoinMs ?? 2 * pollMs;
  let rejoinAt = 0;
  const log = opts.log ?? (() => undefined);
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  /** Ticks and leader transactions, one at a time on the one connection. */
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const setLeading = (v: boolean) => {
    if (leading === v) return;
    leading = v;
    try {
      opts.onChange?.(v);
    } catch (e) {
      log('leader change listener failed', e);
    }
  };

  /** The connection failed or was closed: not the leader any more (PostgreSQL released the lock with it). */
  const drop = (c: pg.Client, why?: unknown) => {
    if (client !== c) return;
    if (why && !stopped) log('sweeper lock connection lost', why);
    client = null;
    pid = null;
    rejoinAt = Date.now() + rejoinMs;
    setLeading(false);
    c.end().catch(() => undefined);
  };

  async function tick(): Promise<void> {
    if (stopped || Date.now() < rejoinAt) return;
    if (!client) {
      const c = new pg.Client({ connectionString: opts.url, types: opts.types ?? pgTypes });
      c.on('error', (e) => drop(c, e));
      c.on('end', () => drop(c));
      client = c;
      try {
        await c.connect();
        pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      } catch (e) {
        drop(c, e);
        return;
      }
    }
    const c = client;
    try {
      if (leading)
        await c.query('SELECT 1'); // still connected, so still holding the lock
      else {
        const r = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (client === c && r.rows[0]?.ok) setLeading(true);
      }
    } catch (e) {
      drop(c, e);
    }
  }

  const loop = () => {
    if (stopped) return;
    void serial(tick).finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  loop();

  return {
    isLeader: () => leading,
    backendPid: () => pid,
    runAsLeader(fn) {
      return serial(async () => {
        const c = client;
        if (!leading || !c) return null;
        await c.query('BEGIN');
        try {
          const out = await fn(c);
          await c.query('COMMIT');
          return out;
        } catch (e) {
          await c.query('ROLLBACK').catch((err: unknown) => drop(c, err));
          throw e;
        }
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await serial(async () => {
        const c = client;
        if (!c) return;
        client = null;
        pid = null;
        setLeading(false);
        try {
          await c.query('SELECT pg_advisory_unlock_all()');
        } catch {
          // the connection is gone: so is the lock
        }
        await c.end().catch(() => undefined);
      });
    },
  };
}
