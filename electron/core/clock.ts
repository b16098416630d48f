// The app's only source of "now". Rules never read it; services pass clock.now() to them.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can set and move; only created when the server is started for tests. */
export interface TestClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}
export function testClock(start: number): TestClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
