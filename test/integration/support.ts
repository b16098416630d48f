import type { AppCore } from '../../electron/core/appCore';
import { LEAD_SELECT, rowToLead } from '../../electron/store/leadRow';
import type { Lead } from '../../shared/domain/lead';
export { aggregateSla } from '../../shared/rules/sla';

export function rowToLeadForTest(core: AppCore): Lead[] {
  return (core.store!.sqlite.prepare(`SELECT ${LEAD_SELECT} FROM leads`).all() as Record<string, unknown>[]).map(
    rowToLead,
  );
}
