// The lead service: load → apply the shared rule → write lead, contact, history and effects in one
// transaction, with optimistic concurrency on the version column.
import type { Actor, Lead } from '../../shared/domain/lead';
import { SYSTEM_ACTOR } from '../../shared/domain/lead';
import type { ActionId } from '../../shared/domain/vocabulary';
import {
  decide,
  initialLead,
  leadNumber,
  sla1DueAt,
  sla2DueAt,
  type ActionInputs,
  type Effect,
  type LeadChanges,
  type NewLeadRow,
  type Result,
  type RuleContext,
} from '../../shared/rules';
import { newLeadInput, type NewLeadInput, type RecordContactInput } from '../../shared/contract/inputs';
import { correctContact, undoContact } from '../../shared/rules/actions/contactFix';
import { AppError } from '../../shared/contract/errors';
import type { Store } from '../store/db';
import { toColumns } from '../store/leadRow';
import { contactsRepo } from '../store/repos/contacts';
import { historyRepo } from '../store/repos/history';
import { leadsRepo } from '../store/repos/leads';
import type { Clock } from './clock';
import type { SettingsService } from './settingsService';
import type { Events } from './events';
import { businessDueAt } from './kpi/businessDue';

export type EffectHandler = (effect: Effect, lead: Lead, actor: Actor) => void;
export interface CreateOptions {
  assignedAt?: number;
  masterLeadId?: number | null;
  recontacted?: boolean;
  externalId?: string | null;
  /** The moment the lead came to be, when it is not now (a follow-up created by a catch-up sweep). */
  at?: number;
  /** Runs inside the creating transaction, after the lead row exists (e.g. assignment rules). */
  afterInsert?: (lead: Lead) => void;
}

export interface LeadService {
  load(id: number): Lead;
  create(input: NewLeadInput, actor: Actor, opts?: CreateOptions): Lead;
  act<A extends ActionId>(
    action: A,
    id: number,
    version: number | null | undefined,
    input: ActionInputs[A],
    actor: Actor,
  ): Lead;
  /** A lead action outside the six buttons (e.g. whether the appointment was kept): the same load → rule → write in one transaction. */
  apply(
    name: string,
    id: number,
    version: number,
    rule: (lead: Lead, ctx: RuleContext) => Result<LeadChanges>,
    actor: Actor,
  ): Lead;
  /**
   * Undo of the actor's just-recorded contact (`input` null) or the manager's correction of a contact: one transaction,
   * the lead's version checked, history rows written (never deleted), the contact bookkeeping recomputed.
   */
  fixContact(id: number, version: number, contactId: number, input: RecordContactInput | null, actor: Actor): Lead;
  /** Writes already-decided changes (sweeps); must run inside a transaction. */
  applyChanges(lead: Lead, changes: LeadChanges, actor: Actor): Lead;
  writeHistory(
    leadId: number | null,
    rows: { at: number; field: string; oldValue: string | null; newValue: string | null }[],
    actor: Actor,
    customerId?: number | null,
  ): void;
  onEffect(kind: Effect['kind'], fn: EffectHandler): void;
  /** Runs inside every creating transaction after afterInsert (customer link, assignment rules — issue 5). */
  onCreate(fn: CreateHook): void;
}
export type CreateHook = (lead: Lead, actor: Actor, opts: CreateOptions, input: NewLeadInput) => void;

export function createLeadService(store: Store, clock: Clock, settings: SettingsService, events: Events): LeadService {
  const { sqlite } = store;
  const leads = leadsRepo(sqlite);
  const contacts = contactsRepo(sqlite);
  const history = historyRepo(sqlite);
  const effectHandlers = new Map<Effect['kind'], EffectHandler[]>();
  const createHooks: CreateHook[] = [];

  const load = (id: number): Lead => {
    const lead = leads.get(id);
    if (!lead) throw new AppError('NOT_FOUND', { params: { id } });
    return lead;
  };

  const writeHistory: LeadService['writeHistory'] = (leadId, rows, actor, customerId = null) => {
    history.insert(leadId, customerId, actor, rows);
  };

  function update(id: number, cols: Record<string, unknown>, expectedVersion: number): void {
    if (!leads.update(id, cols, expectedVersion)) throw new AppError('VERSION_CONFLICT');
  }

  const applyChanges: LeadService['applyChanges'] = (lead, changes, actor) => {
    if (Object.keys(changes.patch).length > 0) update(lead.id, toColumns(changes.patch), lead.version);
    if (changes.contact) contacts.insert(lead.id, changes.contact);
    writeHistory(lead.id, changes.history, actor);
    const updated = load(lead.id);
    for (const e of changes.effects) for (const fn of effectHandlers.get(e.kind) ?? []) fn(e, updated, actor);
    return updated;
  };

  function insertLead(row: NewLeadRow, externalId: string | null): number {
    const s = settings.rules();
    const year = new Date(row.createdAt).getUTCFullYear();
    const seq = leads.nextSeq(`lead:${year}`);
    const cols = {
      ...toColumns(row),
      number: leadNumber(year, seq),
      type_rank: row.leadType === 'customer_driven' ? 0 : 1,
      sla1_due_at: sla1DueAt(row.assignedAt, s),
      sla2_due_at: sla2DueAt(row.assignedAt, s),
      business_due_at: businessDueAt(row.assignedAt, s),
      external_id: externalId,
    };
    return leads.insert(cols);
  }

  const svc: LeadService = {
    load,
    writeHistory,
    applyChanges,
    onCreate(fn) {
      createHooks.push(fn);
    },
    onEffect(kind, fn) {
      effectHandlers.set(kind, [...(effectHandlers.get(kind) ?? []), fn]);
    },
    create(input, actor, opts = {}) {
      const parsed = newLeadInput.safeParse(input);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      const now = opts.at ?? clock.now();
      const res = initialLead(
        { ...parsed.data, assignedAt: opts.assignedAt, masterLeadId: opts.masterLeadId, recontacted: opts.recontacted },
        { now, settings: settings.rules(), campaigns: settings.campaigns() },
      );
      if (!res.ok) throw new AppError(res.error.code, { field: res.error.field });
      const created = sqlite.transaction(() => {
        const id = insertLead(res.value, opts.externalId ?? null);
        const lead = load(id);
        writeHistory(
          id,
          [
            { at: now, field: 'created', oldValue: null, newValue: lead.number },
            { at: now, field: 'assignedAt', oldValue: null, newValue: new Date(lead.assignedAt).toISOString() },
            { at: now, field: 'status', oldValue: null, newValue: lead.status },
          ],
          actor,
        );
        opts.afterInsert?.(lead);
        for (const h of createHooks) h(load(id), actor, opts, input);
        return load(id);
      })();
      events.emit({ type: 'lead.created', leadId: created.id, at: now });
      return created;
    },
    act(action, id, version, input, actor) {
      const result = sqlite.transaction(() => {
        const lead = load(id);
        if (version !== null && version !== undefined && version !== lead.version)
          throw new AppError('VERSION_CONFLICT');
        const decision = decide(action, lead, input, { now: clock.now(), user: actor, settings: settings.rules() });
        if (!decision.ok)
          throw new AppError(decision.error.code, { field: decision.error.field, params: decision.error.params });
        return applyChanges(lead, decision.value, actor);
      })();
      events.emit({ type: 'lead.changed', leadId: id, at: clock.now(), action });
      return result;
    },
    apply(name, id, version, rule, actor) {
      const result = sqlite.transaction(() => {
        const lead = load(id);
        if (version !== lead.version) throw new AppError('VERSION_CONFLICT');
        const decision = rule(lead, { now: clock.now(), user: actor, settings: settings.rules() });
        if (!decision.ok)
          throw new AppError(decision.error.code, { field: decision.error.field, params: decision.error.params });
        return applyChanges(lead, decision.value, actor);
      })();
      events.emit({ type: 'lead.changed', leadId: id, at: clock.now(), action: name });
      return result;
    },
    fixContact(id, version, contactId, input, actor) {
      const result = sqlite.transaction(() => {
        const lead = load(id);
        if (version !== lead.version) throw new AppError('VERSION_CONFLICT');
        const rows = contacts.ofLead(id);
        const ctx = { now: clock.now(), user: actor, settings: settings.rules() };
        const r =
          input === null ? undoContact(lead, rows, contactId, ctx) : correctContact(lead, rows, contactId, input, ctx);
        if (!r.ok) throw new AppError(r.error.code, { field: r.error.field, params: r.error.params });
        if (r.value.deleteContactId !== undefined) contacts.delete(id, r.value.deleteContactId);
        if (r.value.contactPatch) {
          const c = r.value.contactPatch;
          contacts.update(id, c.id, {
            direction: c.direction,
            channel: c.channel,
            outcome: c.outcome,
            verbatim: c.verbatim ?? null,
            answer: c.answer ?? null,
          });
        }
        return applyChanges(lead, { patch: r.value.patch, history: r.value.history, effects: [] }, actor);
      })();
      events.emit({
        type: 'lead.changed',
        leadId: id,
        at: clock.now(),
        action: input === null ? 'undoContact' : 'correctContact',
      });
      return result;
    },
  };
  return svc;
}

export { SYSTEM_ACTOR };
