// The lead service: load → apply the shared rule → write lead, contact, history and effects in one
// transaction, with optimistic concurrency on the version column. On the AsyncStore (issue 15): each write is one
// `data.tx`; the `…In(r, …)` forms run inside a caller's transaction on its repositories `r` (a nested tx is refused).
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
import type { RuleError } from '../../shared/rules/errors';
import { correctContact, undoContact } from '../../shared/rules/actions/contactFix';
import { AppError } from '../../shared/contract/errors';
import { toColumns } from '../store/leadRow';
import type { AsyncRepos, AsyncStore } from '../store/repos/index';
import type { Clock } from './clock';
import type { SettingsService } from './settingsService';
import type { SiteService } from './sites/siteService';
import type { RuleSettings } from '../../shared/domain/settings';
import type { Events } from './events';
import { businessDueAt } from './kpi/businessDue';

/** A transaction's repositories (`data.tx`'s argument): what the `…In` forms write with. */
export type TxRepos = AsyncRepos;
export type EffectHandler = (r: TxRepos, effect: Effect, lead: Lead, actor: Actor) => void | Promise<void>;
export interface CreateOptions {
  assignedAt?: number;
  masterLeadId?: number | null;
  recontacted?: boolean;
  externalId?: string | null;
  /** The moment the lead came to be, when it is not now (a follow-up created by a catch-up sweep). */
  at?: number;
  /** The lead's site (docs/rules.md §11); absent = the column's default (site 1: one-site installations). */
  siteId?: number;
  /** Runs inside the creating transaction, after the lead row exists (e.g. assignment rules). */
  afterInsert?: (r: TxRepos, lead: Lead) => void | Promise<void>;
}
export type HistoryRows = { at: number; field: string; oldValue: string | null; newValue: string | null }[];
/** A rule deciding a lead's changes (an action outside the six buttons, e.g. whether the appointment was kept). */
export type LeadRule = (lead: Lead, ctx: RuleContext) => Result<LeadChanges>;

export interface LeadService {
  /** The lead as committed (NOT_FOUND when there is none). */
  load(id: number): Promise<Lead>;
  loadIn(r: TxRepos, id: number): Promise<Lead>;
  /** A new lead in its own transaction; `lead.created` after the commit. */
  create(input: NewLeadInput, actor: Actor, opts?: CreateOptions): Promise<Lead>;
  /** The same inside the caller's transaction: no event (the caller emits `lead.created` after its commit). */
  createIn(r: TxRepos, input: NewLeadInput, actor: Actor, opts?: CreateOptions): Promise<Lead>;
  act<A extends ActionId>(
    action: A,
    id: number,
    version: number | null | undefined,
    input: ActionInputs[A],
    actor: Actor,
  ): Promise<Lead>;
  /** The same inside the caller's transaction: no event (the caller emits `lead.changed` after its commit). */
  actIn<A extends ActionId>(
    r: TxRepos,
    action: A,
    id: number,
    version: number | null | undefined,
    input: ActionInputs[A],
    actor: Actor,
  ): Promise<Lead>;
  /** A lead action outside the six buttons (e.g. whether the appointment was kept): the same load → rule → write in one transaction. */
  apply(name: string, id: number, version: number, rule: LeadRule, actor: Actor): Promise<Lead>;
  applyIn(r: TxRepos, id: number, version: number, rule: LeadRule, actor: Actor): Promise<Lead>;
  /**
   * The same on `lead` as this transaction last returned it (createIn, actIn, applyIn, applyOn, loadIn in `r`, the
   * lead not written since): not read again — its write still checks the version. For many actions on a lead in one
   * transaction (the demo generator: a statement less each on PostgreSQL).
   */
  applyOn(r: TxRepos, lead: Lead, rule: LeadRule, actor: Actor): Promise<Lead>;
  /**
   * Undo of the actor's just-recorded contact (`input` null) or the manager's correction of a contact: one transaction,
   * the lead's version checked, history rows written (never deleted), the contact bookkeeping recomputed.
   */
  fixContact(
    id: number,
    version: number,
    contactId: number,
    input: RecordContactInput | null,
    actor: Actor,
  ): Promise<Lead>;
  /** Writes already-decided changes (sweeps) inside the caller's transaction. */
  applyChanges(r: TxRepos, lead: Lead, changes: LeadChanges, actor: Actor): Promise<Lead>;
  writeHistory(
    r: TxRepos,
    leadId: number | null,
    rows: HistoryRows,
    actor: Actor,
    customerId?: number | null,
  ): Promise<void>;
  onEffect(kind: Effect['kind'], fn: EffectHandler): void;
  /** Runs inside every creating transaction after afterInsert (customer link, assignment rules — issue 5). */
  onCreate(fn: CreateHook): void;
}
export type CreateHook = (
  r: TxRepos,
  lead: Lead,
  actor: Actor,
  opts: CreateOptions,
  input: NewLeadInput,
) => void | Promise<void>;

export function createLeadService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  events: Events,
  /** The rule figures of a site and of a lead's site (docs/rules.md §11.8); absent: the group's everywhere. */
  siteRules?: Pick<SiteService, 'rulesOf' | 'rulesOfLead'>,
): LeadService {
  const rulesAt = async (siteId: number | undefined, r: TxRepos) =>
    siteRules ? siteRules.rulesOf(siteId, r) : settings.rules();
  const rulesOfLead = async (id: number, r: TxRepos) => (siteRules ? siteRules.rulesOfLead(id, r) : settings.rules());
  /** A new lead's site: the one asked, else a follow-up's master's (undefined: the column's default). */
  const newSite = async (r: TxRepos, opts: CreateOptions) => {
    const master = opts.masterLeadId ?? null;
    return opts.siteId ?? (master === null ? undefined : await r.sites.leadSite(master));
  };
  const effectHandlers = new Map<Effect['kind'], EffectHandler[]>();
  const createHooks: CreateHook[] = [];

  const loadIn = async (r: TxRepos, id: number): Promise<Lead> => {
    const lead = await r.leads.get(id);
    if (!lead) throw new AppError('NOT_FOUND', { params: { id } });
    return lead;
  };

  const writeHistory: LeadService['writeHistory'] = (r, leadId, rows, actor, customerId = null) =>
    r.history.insert(leadId, customerId, actor, rows);

  const applyChanges: LeadService['applyChanges'] = async (r, lead, changes, actor) => {
    // The update at the lead's version, the contact, the history lines, the lead read back: one call (PostgreSQL: one
    // statement, electron/store/pg/repos/leadWrites.ts).
    const patched = Object.keys(changes.patch).length > 0;
    const updated = await r.leads.change({
      id: lead.id,
      cols: patched ? toColumns(changes.patch) : {},
      expectedVersion: lead.version,
      ...(changes.contact ? { contact: changes.contact } : {}),
      history: changes.history,
      actor,
    });
    if (!updated)
      throw patched ? new AppError('VERSION_CONFLICT') : new AppError('NOT_FOUND', { params: { id: lead.id } });
    for (const e of changes.effects) for (const fn of effectHandlers.get(e.kind) ?? []) await fn(r, e, updated, actor);
    return updated;
  };

  async function insertLead(
    r: TxRepos,
    row: NewLeadRow,
    externalId: string | null,
    siteId: number | undefined,
    s: RuleSettings,
    actor: Actor,
    now: number,
  ): Promise<Lead> {
    const year = new Date(row.createdAt).getUTCFullYear();
    const number = leadNumber(year, await r.leads.nextSeq(`lead:${year}`));
    const cols = {
      ...toColumns(row),
      number,
      type_rank: row.leadType === 'customer_driven' ? 0 : 1,
      sla1_due_at: sla1DueAt(row.assignedAt, s),
      sla2_due_at: sla2DueAt(row.assignedAt, s),
      business_due_at: businessDueAt(row.assignedAt, s),
      external_id: externalId,
      ...(siteId === undefined ? {} : { site_id: siteId }),
    };
    // The row and its creation history in one call (PostgreSQL: one statement): the values the row is stored with.
    return r.leads.insertNew(cols, actor, [
      { at: now, field: 'created', oldValue: null, newValue: number },
      { at: now, field: 'assignedAt', oldValue: null, newValue: new Date(row.assignedAt).toISOString() },
      { at: now, field: 'status', oldValue: null, newValue: row.status },
    ]);
  }

  /** The decided row of a new lead (validated before any transaction). */
  function decideNew(input: NewLeadInput, opts: CreateOptions, now: number, rules: RuleSettings): NewLeadRow {
    const parsed = newLeadInput.safeParse(input);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const res = initialLead(
      { ...parsed.data, assignedAt: opts.assignedAt, masterLeadId: opts.masterLeadId, recontacted: opts.recontacted },
      { now, settings: rules, campaigns: settings.campaigns() },
    );
    if (!res.ok) throw new AppError(res.error.code, { field: res.error.field });
    return res.value;
  }

  async function insertNew(
    r: TxRepos,
    row: NewLeadRow,
    now: number,
    input: NewLeadInput,
    actor: Actor,
    opts: CreateOptions,
    siteId: number | undefined,
    rules: RuleSettings,
  ): Promise<Lead> {
    // A Contact Again follow-up stays at its master lead's site.
    let lead = await insertLead(r, row, opts.externalId ?? null, siteId, rules, actor, now);
    // Each hook sees the lead as it then is: read again once a hook may have changed it.
    let stale = false;
    if (opts.afterInsert) {
      await opts.afterInsert(r, lead);
      stale = true;
    }
    for (const h of createHooks) {
      if (stale) lead = await loadIn(r, lead.id);
      await h(r, lead, actor, opts, input);
      stale = true;
    }
    return stale ? loadIn(r, lead.id) : lead;
  }

  const ruleError = (e: RuleError) => new AppError(e.code, { field: e.field, params: e.params });

  async function actIn<A extends ActionId>(
    r: TxRepos,
    action: A,
    id: number,
    version: number | null | undefined,
    input: ActionInputs[A],
    actor: Actor,
  ): Promise<Lead> {
    const lead = await loadIn(r, id);
    if (version !== null && version !== undefined && version !== lead.version) throw new AppError('VERSION_CONFLICT');
    return applyOn(r, lead, (l, ctx) => decide(action, l, input, ctx), actor);
  }

  async function applyIn(r: TxRepos, id: number, version: number, rule: LeadRule, actor: Actor): Promise<Lead> {
    const lead = await loadIn(r, id);
    if (version !== lead.version) throw new AppError('VERSION_CONFLICT');
    return applyOn(r, lead, rule, actor);
  }

  async function applyOn(r: TxRepos, lead: Lead, rule: LeadRule, actor: Actor): Promise<Lead> {
    const decision = rule(lead, { now: clock.now(), user: actor, settings: await rulesOfLead(lead.id, r) });
    if (!decision.ok) throw ruleError(decision.error);
    return applyChanges(r, lead, decision.value, actor);
  }

  const svc: LeadService = {
    load: (id) => loadIn(data.repos, id),
    loadIn,
    writeHistory,
    applyChanges,
    onCreate(fn) {
      createHooks.push(fn);
    },
    onEffect(kind, fn) {
      effectHandlers.set(kind, [...(effectHandlers.get(kind) ?? []), fn]);
    },
    async create(input, actor, opts = {}) {
      const now = opts.at ?? clock.now();
      // Decided before the transaction (a bad input opens none), with the figures of the lead's site.
      const siteId = await newSite(data.repos, opts);
      const rules = await rulesAt(siteId, data.repos);
      const row = decideNew(input, opts, now, rules);
      const created = await data.tx((r) => insertNew(r, row, now, input, actor, opts, siteId, rules));
      events.emit({ type: 'lead.created', leadId: created.id, at: now });
      return created;
    },
    async createIn(r, input, actor, opts = {}) {
      const now = opts.at ?? clock.now();
      const siteId = await newSite(r, opts);
      const rules = await rulesAt(siteId, r);
      return insertNew(r, decideNew(input, opts, now, rules), now, input, actor, opts, siteId, rules);
    },
    async act(action, id, version, input, actor) {
      const result = await data.tx((r) => actIn(r, action, id, version, input, actor));
      events.emit({ type: 'lead.changed', leadId: id, at: clock.now(), action });
      return result;
    },
    actIn,
    async apply(name, id, version, rule, actor) {
      const result = await data.tx((r) => applyIn(r, id, version, rule, actor));
      events.emit({ type: 'lead.changed', leadId: id, at: clock.now(), action: name });
      return result;
    },
    applyIn,
    applyOn,
    async fixContact(id, version, contactId, input, actor) {
      const result = await data.tx(async (r) => {
        const lead = await loadIn(r, id);
        if (version !== lead.version) throw new AppError('VERSION_CONFLICT');
        const rows = await r.contacts.ofLead(id);
        const ctx = { now: clock.now(), user: actor, settings: await rulesOfLead(id, r) };
        const fix =
          input === null ? undoContact(lead, rows, contactId, ctx) : correctContact(lead, rows, contactId, input, ctx);
        if (!fix.ok) throw ruleError(fix.error);
        if (fix.value.deleteContactId !== undefined) await r.contacts.delete(id, fix.value.deleteContactId);
        if (fix.value.contactPatch) {
          const c = fix.value.contactPatch;
          await r.contacts.update(id, c.id, {
            direction: c.direction,
            channel: c.channel,
            outcome: c.outcome,
            verbatim: c.verbatim ?? null,
            answer: c.answer ?? null,
          });
        }
        return applyChanges(r, lead, { patch: fix.value.patch, history: fix.value.history, effects: [] }, actor);
      });
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
