// Timing helpers for the benchmark.
export interface Stat {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function measure(
  name: string,
  n: number,
  fn: (i: number) => unknown | Promise<unknown>,
  warmup = 3,
): Promise<Stat> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i + warmup);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, n, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
