import type { AppCore } from '../../electron/core/appCore';
import type { Lead } from '../../shared/domain/lead';
import { LEAD_SELECT, rowToLead } from '../../electron/store/leadRow';
import { PG_LEAD_SELECT } from '../../electron/store/pg/repos/query';
import { sqlAll } from './helpers';
export { aggregateSla } from '../../shared/rules/sla';

/** Every lead of the core's store (either store: its leads repository's columns and row mapping), by id, in one query. */
export async function rowToLeadForTest(core: AppCore): Promise<Lead[]> {
  await core.ready;
  const select = core.data.kind === 'sqlite' ? LEAD_SELECT : PG_LEAD_SELECT;
  return (await sqlAll<Record<string, unknown>>(core, `SELECT ${select} FROM leads ORDER BY id`)).map(rowToLead);
}
