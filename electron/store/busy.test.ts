import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { backoffMs, busyLimitMs, busyTimeoutMs, isBusyError, retryWhileBusy } from './busy';

const busy = (code = 'SQLITE_BUSY') => Object.assign(new Error('database is locked'), { code });

/** A fake clock the sleeps move forward. */
function fakeTime() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

describe('waiting for the write lock', () => {
  it.each([
    ['SQLITE_BUSY', true],
    ['SQLITE_BUSY_SNAPSHOT', true],
    ['SQLITE_LOCKED', true],
    ['SQLITE_CONSTRAINT', false],
    [undefined, false],
  ])('%s is busy: %s', (code, yes) => expect(isBusyError({ code })).toBe(yes));

  it('reads the limit from the environment, 60 s by default; SQLite waits 10 s at most per attempt', () => {
    expect(busyLimitMs({})).toBe(60_000);
    expect(busyLimitMs({ ASLM_BUSY_LIMIT_MS: '1500' })).toBe(1500);
    expect(busyLimitMs({ ASLM_BUSY_LIMIT_MS: 'x' })).toBe(60_000);
    expect(busyTimeoutMs(60_000)).toBe(10_000);
    expect(busyTimeoutMs(1500)).toBe(1500);
  });

  it('backs off exponentially up to 2 s, with jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffMs(n, () => 0.5))).toEqual([
      50, 100, 200, 400, 800, 1600, 2000, 2000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(25);
    expect(backoffMs(1, () => 0.999)).toBe(75);
  });

  it('retries while busy, then succeeds', async () => {
    const f = fakeTime();
    let n = 0;
    const r = await retryWhileBusy(
      () => {
        if (++n < 4) throw busy(n === 2 ? 'SQLITE_BUSY_SNAPSHOT' : 'SQLITE_BUSY');
        return 'done';
      },
      { ...f, limitMs: 10_000, random: () => 0.5 },
    );
    expect(r).toBe('done');
    expect(f.slept).toEqual([50, 100, 200]);
  });

  it('gives DATABASE_BUSY once the limit is spent, never sleeping past it', async () => {
    const f = fakeTime();
    const p = retryWhileBusy(
      () => {
        throw busy();
      },
      { ...f, limitMs: 1000, random: () => 0.5 },
    );
    await expect(p).rejects.toEqual(new AppError('DATABASE_BUSY'));
    expect(f.now()).toBe(1000);
    expect(f.slept).toEqual([50, 100, 200, 400, 250]);
  });

  it('lets any other error through at once', async () => {
    const f = fakeTime();
    await expect(
      retryWhileBusy(
        () => {
          throw new Error('boom');
        },
        { ...f },
      ),
    ).rejects.toThrow('boom');
    expect(f.slept).toEqual([]);
  });
});
