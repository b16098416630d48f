// Pure helpers of the KPI screens and reports: rates, traffic lights, click-through filters.
import type { KpiFilter, KpiMetric } from '../../contract/kpi';

export type Light = 'green' | 'amber' | 'red' | 'none';

/** met / (met + missed); null when nothing is decided yet (pending leads count in neither). */
export const slaRate = (f: { met: number; missed: number }): number | null =>
  f.met + f.missed === 0 ? null : f.met / (f.met + f.missed);
/** part / whole; null when whole is 0. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Green at or above the target, amber within 10 points below it, red further below; none without data. */
export function trafficLight(rate: number | null, target: number): Light {
  if (rate === null) return 'none';
  if (rate >= target - 1e-9) return 'green';
  if (rate >= target - 0.1 - 1e-9) return 'amber';
  return 'red';
}

export interface FilterBase {
  from: number;
  to: number;
  at: number;
}
export type FilterDims = Omit<KpiFilter, 'metric' | 'from' | 'to' | 'at'>;

/** The click-through filter of a figure. */
export const figureFilter = (base: FilterBase, metric: KpiMetric, dims: FilterDims = {}): KpiFilter => ({
  metric,
  from: base.from,
  to: base.to,
  at: base.at,
  ...dims,
});

/** A percentage for display ("73.4 %"), or "—". */
export const pct = (r: number | null, locale = 'en'): string =>
  r === null
    ? '—'
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(r * 100)} %`;
