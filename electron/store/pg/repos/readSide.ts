// The read side's repositories on PostgreSQL: the list views, the SLA counts and the KPI report (issue 15).
import type { AsyncRepos } from '../../repos/index';
import type { Queryable } from '../tx';
import { kpiRepoPg } from './kpi';
import { kpiReportRepoPg } from './kpiReport';
import { leadListRepoPg } from './leadList';

export type ReadRepos = Pick<AsyncRepos, 'leadList' | 'kpi' | 'kpiReport'>;

/** On a pool (each call reads committed data) or on a transaction's client. */
export function pgReadRepos(q: Queryable): ReadRepos {
  return { leadList: leadListRepoPg(q), kpi: kpiRepoPg(q), kpiReport: kpiReportRepoPg(q) };
}
