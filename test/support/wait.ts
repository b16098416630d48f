// Waiting in tests for something another core, process or timer does: `until` polls a condition (sync or async)
// every `stepMs` and fails after `ms`; it answers how long it took.
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until(cond: () => boolean | Promise<boolean>, ms = 5_000, stepMs = 10): Promise<number> {
  const t = performance.now();
  while (!(await cond())) {
    if (performance.now() - t > ms) throw new Error(`not within ${ms} ms`);
    await sleep(stepMs);
  }
  return performance.now() - t;
}
