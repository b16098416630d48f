// Waiting for the write lock (docs/rules.md §11.7). SQLite lets one writer at a time into the file: the app core and
// the CLI's scheduled import take turns. Every write transaction begins IMMEDIATE (it takes the lock when it starts,
// waiting up to busy_timeout, instead of failing without waiting when a read turns into a write), and a long write
// (the file import) is retried with exponential backoff and jitter until a total limit, then refused with
// DATABASE_BUSY.
import { AppError } from '../../shared/contract/errors';

/** The total time a write waits for the lock before DATABASE_BUSY ($ASLM_BUSY_LIMIT_MS, default 60 s). */
export function busyLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.ASLM_BUSY_LIMIT_MS);
  return Number.isFinite(v) && v > 0 ? v : 60_000;
}

/** SQLite's own wait for the lock within one attempt: 10 s, never more than the total limit. */
export const busyTimeoutMs = (limit = busyLimitMs()): number => Math.max(1, Math.min(10_000, Math.round(limit)));

/** SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…: another connection holds the lock. */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** A busy error as the translated DATABASE_BUSY; anything else unchanged. */
export const asBusyAppError = (e: unknown): unknown => (isBusyError(e) ? new AppError('DATABASE_BUSY') : e);

/** The pause before attempt n+1 (n ≥ 1): 50 ms doubling up to 2 s, with ±50 % jitter so two waiters do not collide. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2_000, 50 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

export interface RetryOptions {
  limitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Runs `attempt` (one whole write transaction) until it does not fail for the lock, pausing between attempts, for at
 * most `limitMs` in all; then throws DATABASE_BUSY. Other errors pass through at once.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const limit = opts.limitMs ?? busyLimitMs();
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const start = now();
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isBusyError(e)) throw e;
      const left = limit - (now() - start);
      if (left <= 0) throw new AppError('DATABASE_BUSY');
      await sleep(Math.min(left, backoffMs(n, opts.random)));
    }
  }
}
