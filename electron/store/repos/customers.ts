// Customers and their vehicles (electron/core/people/customerService.ts): find-or-create by key, the batch insert of
// an import's new customers, the customer's page, consents.
import type { Statement } from 'better-sqlite3';
import type { CustomerDetail } from '../../../shared/contract/people';
import { CONSENTS, type ConsentKey, type Consents, type Language } from '../../../shared/domain/vocabulary';
import { once, type Sqlite } from './prepared';

export const consentColumn = (k: ConsentKey) => `consent_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const CONSENT_SELECT = CONSENTS.map((k) => `${consentColumn(k)} AS "consent.${k}"`).join(', ');
const CUSTOMER_SELECT = `id, dms_id AS dmsId, first_name AS firstName, last_name AS lastName, email, phone, phone_e164 AS phoneE164,
  phone_valid AS phoneValid, other_phone AS otherPhone, language, country, state, city, zip, created_at AS createdAt,
  updated_at AS updatedAt, anonymized_at AS anonymizedAt, ${CONSENT_SELECT}`;
export const VEHICLE_SELECT = `id, vin, model, warranty_start AS warrantyStart, warranty_end AS warrantyEnd, current_warranty AS currentWarranty,
  current_warranty_start AS currentWarrantyStart, current_warranty_end AS currentWarrantyEnd, average_km AS averageKm,
  mileage, end_of_ownership AS endOfOwnership, owner_customer_id AS ownerCustomerId, owner_name AS ownerName,
  service_contract AS serviceContract, service_contract_expiry AS serviceContractExpiry`;

/** The columns of a new customer, in the order `insertMany`'s values give them. */
export const CUSTOMER_INSERT_COLUMNS = [
  'dms_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'phone_e164',
  'phone_valid',
  'other_phone',
  'language',
  'country',
  'state',
  'city',
  'zip',
  ...CONSENTS.map(consentColumn),
  'created_at',
  'updated_at',
];
/** New customers per INSERT statement (one statement opens the table and its indexes once for all of them). */
const INSERT_BATCH = 25;
const CHUNK = 500;

/** A stored row with its consents as `consent.<key>` columns (0/1); see rowToCustomer. */
export type CustomerRow = Record<string, unknown>;
/** What linking reads of a lead. */
export interface LeadForLinkRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  otherPhone: string | null;
  language: Language;
  country: string | null;
  state: string | null;
  city: string | null;
  zip: string | null;
  vin: string | null;
  customerId: number | null;
  consents: Consents;
}
export type KeyColumn = 'dms_id' | 'email' | 'phone_e164';

export interface CustomersRepo {
  /** The leads' customer fields, by id (at most 500 ids). */
  leadsForLinking(ids: number[]): LeadForLinkRow[];
  /** The customers not erased having one of `values` in `column` (a valid phone for phone_e164), by id. */
  byKey(column: KeyColumn, values: string[], each: (row: { id: number; k: string }) => void): void;
  /** Of these VINs, those of vehicles without an owner. */
  ownerlessVins(vins: string[], each: (vin: string) => void): void;
  /** Fills the customer's empty contact fields. */
  fill(
    id: number,
    f: { email: string | null; phone: string | null; e164: string | null; valid: number | null; dms: string | null },
    now: number,
  ): void;
  /** The vehicle gets this owner when it has none. */
  setVehicleOwner(customerId: number, vin: string): void;
  /** Inserts new customers (values in CUSTOMER_INSERT_COLUMNS order), INSERT_BATCH per statement; their ids in order. */
  insertMany(values: unknown[][]): number[];
  linkLead(customerId: number, leadId: number): void;
  customer(id: number): CustomerRow | undefined;
  leads(id: number): CustomerDetail['leads'];
  vehicles(id: number): CustomerDetail['vehicles'];
  history(id: number): CustomerDetail['history'];
  /** The lead's customer (null: none), or undefined when there is no such lead. */
  leadCustomer(leadId: number): { c: number | null } | undefined;
  setConsent(id: number, k: ConsentKey, value: boolean, now: number): void;
  /** The lead's copy of the consent (its version + 1). */
  setLeadConsent(leadId: number, k: ConsentKey, value: boolean, now: number): void;
}

export function customersRepo(sqlite: Sqlite): CustomersRepo {
  const countBetween = once(() =>
    sqlite.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM customers WHERE id BETWEEN ? AND ?'),
  );
  const link = once(() => sqlite.prepare<[number, number]>('UPDATE leads SET customer_id = ? WHERE id = ?'));
  const fill = once(() =>
    sqlite.prepare<
      [string | null, string | null, string | null, number | null, string | null, number, number]
    >(`UPDATE customers SET email = coalesce(email, ?), phone = coalesce(phone, ?), phone_e164 = CASE WHEN phone IS NULL THEN ? ELSE phone_e164 END,
      phone_valid = CASE WHEN phone IS NULL THEN ? ELSE phone_valid END, dms_id = coalesce(dms_id, ?), updated_at = ? WHERE id = ?`),
  );
  const owner = once(() =>
    sqlite.prepare<[number, string]>(
      'UPDATE vehicles SET owner_customer_id = ? WHERE vin = ? AND owner_customer_id IS NULL',
    ),
  );
  const customer = once(() =>
    sqlite.prepare<[number], CustomerRow>(`SELECT ${CUSTOMER_SELECT} FROM customers WHERE id = ?`),
  );
  const leads = once(() =>
    sqlite.prepare<
      [number],
      CustomerDetail['leads'][number]
    >(`SELECT l.id, l.number, l.status, l.campaign, l.source, l.assigned_at AS assignedAt, l.request_for AS requestFor, l.vin, u.name AS assigneeName
      FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE l.customer_id = ? ORDER BY l.assigned_at DESC, l.id DESC`),
  );
  const vehicles = once(() =>
    sqlite.prepare<[number, number], CustomerDetail['vehicles'][number]>(
      `SELECT ${VEHICLE_SELECT} FROM vehicles WHERE owner_customer_id = ? OR vin IN (SELECT vin FROM leads WHERE customer_id = ? AND vin IS NOT NULL) ORDER BY vin`,
    ),
  );
  const history = once(() =>
    sqlite.prepare<
      [number],
      CustomerDetail['history'][number]
    >(`SELECT id, at, user_id AS userId, user_name AS userName, field, old_value AS oldValue, new_value AS newValue
      FROM history WHERE customer_id = ? ORDER BY id DESC`),
  );
  const leadCustomer = once(() =>
    sqlite.prepare<[number], { c: number | null }>('SELECT customer_id AS c FROM leads WHERE id = ?'),
  );

  /** Runs `sql(n)` (a query with n parameters) over the values, 500 at a time (one prepared statement for the full chunks). */
  function chunked<T>(values: string[], sql: (n: number) => string, each: (row: T) => void): void {
    let full: Statement | null = null;
    for (let i = 0; i < values.length; i += CHUNK) {
      const chunk = values.slice(i, i + CHUNK);
      const stmt = chunk.length === CHUNK ? (full ??= sqlite.prepare(sql(CHUNK))) : sqlite.prepare(sql(chunk.length));
      for (const r of stmt.all(...chunk) as T[]) each(r);
    }
  }
  const marks = (n: number) => Array(n).fill('?').join(',');

  // One prepared INSERT per row count (a single new lead's customer, a batch's full and last statements).
  const inserts = new Map<number, Statement>();
  const insertOf = (n: number) => {
    let st = inserts.get(n);
    if (!st) {
      st = sqlite.prepare(
        `INSERT INTO customers (${CUSTOMER_INSERT_COLUMNS.join(', ')}) VALUES ${Array(n)
          .fill(`(${CUSTOMER_INSERT_COLUMNS.map(() => '?').join(', ')})`)
          .join(', ')}`,
      );
      if (n === 1 || n === INSERT_BATCH) inserts.set(n, st);
    }
    return st;
  };
  // The consent columns are a fixed set: one statement per column, prepared on first use.
  const consentUpdates = new Map<string, Statement<[number, number, number]>>();
  const consentUpdate = (sql: string) => {
    let st = consentUpdates.get(sql);
    if (!st) consentUpdates.set(sql, (st = sqlite.prepare<[number, number, number]>(sql)));
    return st;
  };

  return {
    leadsForLinking: (ids) =>
      sqlite
        .prepare<unknown[], Omit<LeadForLinkRow, 'consents'> & Record<`consent.${ConsentKey}`, number>>(
          `SELECT id, first_name AS firstName, last_name AS lastName, email, phone, other_phone AS otherPhone, language, country, state, city, zip, vin,
      customer_id AS customerId, ${CONSENT_SELECT} FROM leads WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
        )
        .all(...ids)
        .map((r): LeadForLinkRow => ({
          ...r,
          consents: Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1])) as Consents,
        })),
    byKey(column, values, each) {
      const extra = column === 'phone_e164' ? ' AND phone_valid = 1' : '';
      chunked(
        values,
        (n) =>
          `SELECT id, ${column} AS k FROM customers WHERE anonymized_at IS NULL${extra} AND ${column} IN (${marks(n)}) ORDER BY id`,
        each,
      );
    },
    ownerlessVins(vins, each) {
      chunked<{ vin: string }>(
        vins,
        (n) => `SELECT vin FROM vehicles WHERE owner_customer_id IS NULL AND vin IN (${marks(n)})`,
        (r) => each(r.vin),
      );
    },
    fill: (id, f, now) => void fill().run(f.email, f.phone, f.e164, f.valid, f.dms, now, id),
    setVehicleOwner: (customerId, vin) => void owner().run(customerId, vin),
    insertMany(values) {
      const ids: number[] = [];
      for (let at = 0; at < values.length; at += INSERT_BATCH) {
        const part = values.slice(at, at + INSERT_BATCH);
        const args: unknown[] = [];
        for (const v of part) for (const x of v) args.push(x);
        const res = insertOf(part.length).run(args);
        // The rows of one INSERT get consecutive ids (AUTOINCREMENT, inside the caller's transaction): checked.
        const last = Number(res.lastInsertRowid);
        if (
          res.changes !== part.length ||
          (part.length > 1 && countBetween().get(last - part.length + 1, last)!.n !== part.length)
        ) {
          throw new Error('customers: ids of a batch insert are not consecutive');
        }
        for (let k = part.length - 1; k >= 0; k--) ids.push(last - k);
      }
      return ids;
    },
    linkLead: (customerId, leadId) => void link().run(customerId, leadId),
    customer: (id) => customer().get(id),
    leads: (id) => leads().all(id),
    vehicles: (id) => vehicles().all(id, id),
    history: (id) => history().all(id),
    leadCustomer: (leadId) => leadCustomer().get(leadId),
    setConsent: (id, k, value, now) =>
      void consentUpdate(`UPDATE customers SET ${consentColumn(k)} = ?, updated_at = ? WHERE id = ?`).run(
        value ? 1 : 0,
        now,
        id,
      ),
    setLeadConsent: (leadId, k, value, now) =>
      void consentUpdate(
        `UPDATE leads SET ${consentColumn(k)} = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
      ).run(value ? 1 : 0, now, leadId),
  };
}
