// New leads for the repository parity tests (test/integration/pgRepos*.test.ts): rows as the rules make them
// (initialLead), columns as leadService.insertLead writes them.
import { newLeadInput, type NewLeadInput } from '../../shared/contract/inputs';
import { defaultRuleSettings } from '../../shared/domain/settings';
import { initialLead, leadNumber, sla1DueAt, sla2DueAt, type NewLeadRow } from '../../shared/rules';
import { toColumns } from '../../electron/store/leadRow';

export const RULES = defaultRuleSettings('Europe/Rome');

export function newLeadRow(over: Partial<NewLeadInput>, now: number, assignedAt = now): NewLeadRow {
  const input = newLeadInput.parse({
    firstName: 'Mario',
    lastName: 'Rossi',
    leadType: 'customer_driven',
    source: 'web',
    campaign: 'service_reminder',
    email: 'mario.rossi@example.it',
    phone: '+39 333 123 4567',
    language: 'it',
    ...over,
  });
  const r = initialLead({ ...input, assignedAt }, { now, settings: RULES, campaigns: ['service_reminder', 'winter'] });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

/** The columns leadService.insertLead gives leads.insert for the row and its sequence number. */
export function leadColumns(row: NewLeadRow, seq: number, externalId: string | null = null): Record<string, unknown> {
  const year = new Date(row.createdAt).getUTCFullYear();
  return {
    ...toColumns(row),
    number: leadNumber(year, seq),
    type_rank: row.leadType === 'customer_driven' ? 0 : 1,
    sla1_due_at: sla1DueAt(row.assignedAt, RULES),
    sla2_due_at: sla2DueAt(row.assignedAt, RULES),
    external_id: externalId,
  };
}
