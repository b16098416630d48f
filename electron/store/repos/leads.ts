// The leads table: one lead by id, its insert and its versioned update (optimistic concurrency), the yearly lead
// number counter, and the names a lead's detail shows (assignee, linked leads' numbers, vehicle).
import type { Statement } from 'better-sqlite3';
import type { Actor, Contact, Lead } from '../../../shared/domain/lead';
import type { LeadDetail } from '../../../shared/contract/models';
import { LEAD_SELECT, rowToLead } from '../leadRow';
import { contactsRepo } from './contacts';
import { historyRepo, type HistoryChange } from './history';
import { once, type Sqlite } from './prepared';

export type VehicleRow = NonNullable<LeadDetail['vehicle']>;

/** A lead action's writes (leadService.applyChanges), in this order. */
export interface LeadChange {
  id: number;
  /** The columns updated when the lead is at `expectedVersion` (version + 1); empty: no update, no version check. */
  cols: Record<string, unknown>;
  expectedVersion: number;
  /** The contact recorded (the contacts table), if any. */
  contact?: Omit<Contact, 'id' | 'leadId'>;
  /** The lead's history lines, by `actor`. */
  history: HistoryChange[];
  actor: Actor;
}

export interface LeadsRepo {
  /** The lead, or undefined when there is no such id. */
  get(id: number): Lead | undefined;
  /** Inserts a lead (columns → values); its id. */
  insert(cols: Record<string, unknown>): number;
  /** Updates the columns when the lead is at `expectedVersion` (version + 1); whether it was. */
  update(id: number, cols: Record<string, unknown>, expectedVersion: number): boolean;
  /**
   * A new lead and its creation history lines (`history` of the inserted columns, by `actor`): the lead as stored.
   * The same rows as `insert`, history.insert and `get`; on PostgreSQL one statement.
   */
  insertNew(cols: Record<string, unknown>, actor: Actor, history: HistoryChange[]): Lead;
  /**
   * A lead action's writes: the update (undefined and nothing written when the lead is not at the expected version),
   * then the contact, then the history lines; the lead as it then is. The same rows as `update`, contacts.insert,
   * history.insert and `get`; on PostgreSQL one statement.
   */
  change(c: LeadChange): Lead | undefined;
  /** The next value of a counter (1 the first time). */
  nextSeq(name: string): number;
  number(id: number): string | undefined;
  /** Every lead's id and assignment time (a). */
  assignedAts(): { id: number; a: number }[];
  /** The stored SLA 1/2 deadlines and met flags, for new deadlines d1, d2. */
  setSlaDue(p: { d1: number; d2: number; id: number }): void;
  /** The lead's assignee (a; null: unassigned), or undefined when there is no such lead. */
  assignee(id: number): { a: number | null } | undefined;
  /** The leads of ids lo…hi with their assignee (a), by id. */
  assigneesBetween(lo: number, hi: number): { id: number; a: number | null }[];
  /** The appointment times (a) of leads in Appointment Taken or Closed In Sale in [from, to) (of one site). */
  appointmentsBetween(from: number, to: number, siteId?: number): { a: number }[];
  /**
   * The leads a sweep looks at: `lost` assigned by `bound`; `expiry` appointments not frozen whose assignment and
   * appointment are both by `bound`; `recontact` closed "contact again" without a follow-up, due by `bound`.
   */
  sweepCandidates(kind: 'lost' | 'expiry' | 'recontact', bound: number): Lead[];
  /** How many leads the database holds (reads a whole index: not for a screen's start). */
  count(): number;
  /** Whether the database holds any lead (one row read, whatever the size). */
  hasAny(): boolean;
  userName(id: number): string | undefined;
  vehicle(vin: string): VehicleRow | undefined;
}

export function leadsRepo(sqlite: Sqlite): LeadsRepo {
  const selectLead = once(() =>
    sqlite.prepare<[number], Record<string, unknown>>(`SELECT ${LEAD_SELECT} FROM leads WHERE id = ?`),
  );
  const nextSeq = once(() =>
    sqlite.prepare<[string], { value: number }>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
    ),
  );
  const vehicle = once(() =>
    sqlite.prepare<[string], VehicleRow>(
      `SELECT id, vin, model, warranty_start AS warrantyStart, warranty_end AS warrantyEnd, current_warranty AS currentWarranty,
        current_warranty_start AS currentWarrantyStart, current_warranty_end AS currentWarrantyEnd, average_km AS averageKm,
        mileage, end_of_ownership AS endOfOwnership, owner_customer_id AS ownerCustomerId, owner_name AS ownerName,
        service_contract AS serviceContract, service_contract_expiry AS serviceContractExpiry
       FROM vehicles WHERE vin = ?`,
    ),
  );
  const userName = once(() => sqlite.prepare<[number], { name: string }>('SELECT name FROM users WHERE id = ?'));
  const assignedAts = once(() =>
    sqlite.prepare<[], { id: number; a: number }>('SELECT id, assigned_at AS a FROM leads'),
  );
  const setSlaDue = once(() =>
    sqlite.prepare<[{ d1: number; d2: number; id: number }]>(`UPDATE leads SET sla1_due_at = @d1, sla2_due_at = @d2,
      sla1_met = CASE WHEN first_contact_at IS NULL THEN NULL ELSE first_contact_at <= @d1 END,
      sla2_met = CASE WHEN qualified_at IS NULL THEN NULL ELSE qualified_at <= @d2 END WHERE id = @id`),
  );
  const assignee = once(() =>
    sqlite.prepare<[number], { a: number | null }>('SELECT assignee_id AS a FROM leads WHERE id = ?'),
  );
  const assigneesBetween = once(() =>
    sqlite.prepare<[number, number], { id: number; a: number | null }>(
      'SELECT id, assignee_id AS a FROM leads WHERE id BETWEEN ? AND ? ORDER BY id',
    ),
  );
  const appointments = once(() =>
    sqlite.prepare<[number, number], { a: number }>(
      "SELECT appointment_at AS a FROM leads WHERE status IN ('appointment', 'closed_sale') AND appointment_at >= ? AND appointment_at < ?",
    ),
  );
  const appointmentsAt = once(() =>
    sqlite.prepare<[number, number, number], { a: number }>(
      "SELECT appointment_at AS a FROM leads WHERE status IN ('appointment', 'closed_sale') AND appointment_at >= ? AND appointment_at < ? AND site_id = ?",
    ),
  );
  const sweeps = {
    lost: once(() =>
      sqlite.prepare<[number], Record<string, unknown>>(
        `SELECT ${LEAD_SELECT} FROM leads WHERE status = 'assigned' AND assigned_at <= ?`,
      ),
    ),
    expiry: once(() =>
      sqlite.prepare<[number], Record<string, unknown>>(
        `SELECT ${LEAD_SELECT} FROM leads WHERE status = 'appointment' AND frozen = 0 AND max(assigned_at, coalesce(appointment_at, 0)) <= ?`,
      ),
    ),
    recontact: once(() =>
      sqlite.prepare<[number], Record<string, unknown>>(
        `SELECT ${LEAD_SELECT} FROM leads WHERE close_reason = 'contact_again' AND follow_up_lead_id IS NULL AND recontact_at <= ?`,
      ),
    ),
  };
  const count = once(() => sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM leads'));
  const hasAny = once(() => sqlite.prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM leads) AS n'));
  const leadNumber = once(() => sqlite.prepare<[number], { number: string }>('SELECT number FROM leads WHERE id = ?'));
  /** One statement per set of columns (an action changes a few, always the same for the same action). */
  const cache = new Map<string, Statement<[Record<string, unknown>]>>();
  const contacts = contactsRepo(sqlite);
  const history = historyRepo(sqlite);
  const repo: LeadsRepo = {
    get(id) {
      const row = selectLead().get(id);
      return row ? rowToLead(row) : undefined;
    },
    insertNew(cols, actor, lines) {
      const id = repo.insert(cols);
      history.insert(id, null, actor, lines);
      return repo.get(id)!;
    },
    change(c) {
      if (Object.keys(c.cols).length > 0 && !repo.update(c.id, c.cols, c.expectedVersion)) return undefined;
      if (c.contact) contacts.insert(c.id, c.contact);
      history.insert(c.id, null, c.actor, c.history);
      return repo.get(c.id);
    },
    insert(cols) {
      const keys = Object.keys(cols);
      const sig = `insert:${keys.join(',')}`;
      let stmt = cache.get(sig);
      if (!stmt) {
        stmt = sqlite.prepare(`INSERT INTO leads (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`);
        cache.set(sig, stmt);
      }
      return Number(stmt.run(cols).lastInsertRowid);
    },
    update(id, cols, expectedVersion) {
      const keys = Object.keys(cols);
      const sig = keys.join(',');
      let stmt = cache.get(sig);
      if (!stmt) {
        stmt = sqlite.prepare(
          `UPDATE leads SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, version = version + 1 WHERE id = @__id AND version = @__v`,
        );
        cache.set(sig, stmt);
      }
      return stmt.run({ ...cols, __id: id, __v: expectedVersion }).changes === 1;
    },
    nextSeq: (name) => nextSeq().get(name)!.value,
    number: (id) => leadNumber().get(id)?.number,
    count: () => count().get()!.n,
    hasAny: () => hasAny().get()!.n === 1,
    sweepCandidates: (kind, bound) => sweeps[kind]().all(bound).map(rowToLead),
    assignedAts: () => assignedAts().all(),
    setSlaDue: (p) => void setSlaDue().run(p),
    assignee: (id) => assignee().get(id),
    assigneesBetween: (lo, hi) => assigneesBetween().all(lo, hi),
    appointmentsBetween: (from, to, siteId) =>
      siteId === undefined ? appointments().all(from, to) : appointmentsAt().all(from, to, siteId),
    userName: (id) => userName().get(id)?.name,
    vehicle: (vin) => vehicle().get(vin),
  };
  return repo;
}
