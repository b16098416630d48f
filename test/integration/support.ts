import type { AppCore } from '../../electron/core/appCore';
import type { Lead } from '../../shared/domain/lead';
import { sqlAll } from './helpers';
export { aggregateSla } from '../../shared/rules/sla';

/** Every lead of the core's store (either store: through its leads repository), by id. */
export async function rowToLeadForTest(core: AppCore): Promise<Lead[]> {
  const ids = await sqlAll<{ id: number }>(core, 'SELECT id FROM leads ORDER BY id');
  const leads = await Promise.all(ids.map(({ id }) => core.data.repos.leads.get(id)));
  return leads.map((l) => l!);
}
