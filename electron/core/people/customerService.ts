// Customers (docs/rules.md §1, §8): find-or-create on every new lead by DMS id, e-mail or phone (E.164 via
// libphonenumber for the customer's country), the customer's history (leads, vehicles), consents with
// their changes in history.
import type { Actor } from '../../../shared/domain/lead';
import { CONSENTS, type ConsentKey, type Consents, type Language } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/contract/errors';
import type { CustomerDetail } from '../../../shared/contract/people';
import type { Statement } from 'better-sqlite3';
import { normalizePhone, phoneMemoKey, type NormalizedPhone } from '../../../shared/people/phone';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';

export const consentColumn = (k: ConsentKey) => `consent_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const CONSENT_SELECT = CONSENTS.map((k) => `${consentColumn(k)} AS "consent.${k}"`).join(', ');
const CUSTOMER_SELECT = `id, dms_id AS dmsId, first_name AS firstName, last_name AS lastName, email, phone, phone_e164 AS phoneE164,
  phone_valid AS phoneValid, other_phone AS otherPhone, language, country, state, city, zip, created_at AS createdAt,
  updated_at AS updatedAt, anonymized_at AS anonymizedAt, ${CONSENT_SELECT}`;
export const VEHICLE_SELECT = `id, vin, model, warranty_start AS warrantyStart, warranty_end AS warrantyEnd, current_warranty AS currentWarranty,
  current_warranty_start AS currentWarrantyStart, current_warranty_end AS currentWarrantyEnd, average_km AS averageKm,
  mileage, end_of_ownership AS endOfOwnership, owner_customer_id AS ownerCustomerId, owner_name AS ownerName,
  service_contract AS serviceContract, service_contract_expiry AS serviceContractExpiry`;

export function rowToCustomer(r: Record<string, unknown>): CustomerDetail['customer'] {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!k.startsWith('consent.')) out[k] = v;
  out.phoneValid = r.phoneValid === null ? null : r.phoneValid === 1;
  out.consents = Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1]));
  return out as CustomerDetail['customer'];
}

/** What linking reads of a lead (a stored one has its id; an import's row before insertion has none). */
type CustomerFields = {
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
};
type NewLeadRow = CustomerFields & { id: number };

export interface CustomerService {
  /** Links new leads to their customer (found by DMS id, e-mail or phone, else created). Inside the caller's transaction. */
  linkNew(leadIds: number[], dmsIds?: Map<number, string | null>): void;
  /**
   * A file import's rows before they are inserted (inside its transaction): sets each row's customerId. `phones`:
   * numbers already normalized (by `phoneMemoKey`; the import's worker thread), the others are normalized here.
   */
  assignCustomers(rows: CustomerFields[], phones?: ReadonlyMap<string, NormalizedPhone | null>): void;
  get(id: number): CustomerDetail;
  setConsents(id: number, leadId: number | null, consents: Partial<Consents>, actor: Actor): CustomerDetail;
}

/** The columns of a new customer, in the order `resolve` builds its values. */
const INSERT_COLUMNS = [
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
const NEW = { dms: 0, email: 3, phone: 4, e164: 5, valid: 6 } as const;
/** New customers per INSERT statement (one statement opens the table and its indexes once for all of them). */
const INSERT_BATCH = 25;

export function createCustomerService(
  store: Store,
  clock: Clock,
  writeHistory: (
    leadId: number | null,
    rows: { at: number; field: string; oldValue: string | null; newValue: string | null }[],
    actor: Actor,
    customerId?: number | null,
  ) => void,
): CustomerService {
  const { sqlite } = store;
  const q = {
    leads500: (ids: number[]) =>
      sqlite
        .prepare(
          `SELECT id, first_name AS firstName, last_name AS lastName, email, phone, other_phone AS otherPhone, language, country, state, city, zip, vin,
      customer_id AS customerId, ${CONSENT_SELECT} FROM leads WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
        )
        .all(...ids) as Record<string, unknown>[],
    countBetween: sqlite.prepare('SELECT count(*) AS n FROM customers WHERE id BETWEEN ? AND ?'),
    link: sqlite.prepare('UPDATE leads SET customer_id = ? WHERE id = ?'),
    fill: sqlite.prepare(`UPDATE customers SET email = coalesce(email, ?), phone = coalesce(phone, ?), phone_e164 = CASE WHEN phone IS NULL THEN ? ELSE phone_e164 END,
      phone_valid = CASE WHEN phone IS NULL THEN ? ELSE phone_valid END, dms_id = coalesce(dms_id, ?), updated_at = ? WHERE id = ?`),
    owner: sqlite.prepare('UPDATE vehicles SET owner_customer_id = ? WHERE vin = ? AND owner_customer_id IS NULL'),
    customer: sqlite.prepare(`SELECT ${CUSTOMER_SELECT} FROM customers WHERE id = ?`),
    leads:
      sqlite.prepare(`SELECT l.id, l.number, l.status, l.campaign, l.source, l.assigned_at AS assignedAt, l.request_for AS requestFor, l.vin, u.name AS assigneeName
      FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE l.customer_id = ? ORDER BY l.assigned_at DESC, l.id DESC`),
    vehicles: sqlite.prepare(
      `SELECT ${VEHICLE_SELECT} FROM vehicles WHERE owner_customer_id = ? OR vin IN (SELECT vin FROM leads WHERE customer_id = ? AND vin IS NOT NULL) ORDER BY vin`,
    ),
    history:
      sqlite.prepare(`SELECT id, at, user_id AS userId, user_name AS userName, field, old_value AS oldValue, new_value AS newValue
      FROM history WHERE customer_id = ? ORDER BY id DESC`),
  };

  const CHUNK = 500;
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

  /** Looks the keys of a batch up in one query per 500 values (an import links 10,000 leads at once). */
  function preload(column: 'dms_id' | 'email' | 'phone_e164', values: string[], into: Map<string, number>): void {
    const extra = column === 'phone_e164' ? ' AND phone_valid = 1' : '';
    chunked<{ id: number; k: string }>(
      [...new Set(values)],
      (n) =>
        `SELECT id, ${column} AS k FROM customers WHERE anonymized_at IS NULL${extra} AND ${column} IN (${marks(n)}) ORDER BY id`,
      (r) => {
        if (!into.has(r.k)) into.set(r.k, r.id);
      },
    );
  }

  /**
   * The customer of each row (found by DMS id, e-mail or valid phone, else created), in row order; rows that
   * already have one keep it. Rows of one batch that share a key share the customer.
   */
  function resolve(
    rows: CustomerFields[],
    dmsOf: (i: number) => string | null,
    known?: ReadonlyMap<string, NormalizedPhone | null>,
  ): (number | null)[] {
    // libphonenumber is slow: each distinct number (for its country and language) is parsed once per batch,
    // and not at all when the caller has it already (`known`).
    const phones = new Map<string, NormalizedPhone | null>();
    const phoneOf = (l: CustomerFields) => {
      const k = phoneMemoKey(l.phone, l.country, l.language);
      let p = known?.has(k) ? known.get(k) : phones.get(k);
      if (p === undefined) {
        p = normalizePhone(l.phone, l.country, l.language);
        phones.set(k, p);
      }
      return p;
    };
    const todo = rows.flatMap((l, i) => {
      if (l.customerId !== null) return [];
      const phone = phoneOf(l);
      return [
        { i, l, phone, e164: phone?.valid ? phone.e164 : null, email: l.email?.toLowerCase() ?? null, dms: dmsOf(i) },
      ];
    });
    const out: (number | null)[] = rows.map((l) => l.customerId);
    if (todo.length === 0) return out;
    const byDms = new Map<string, number>();
    const byEmail = new Map<string, number>();
    const byPhone = new Map<string, number>();
    preload(
      'dms_id',
      todo.flatMap((x) => (x.dms ? [x.dms] : [])),
      byDms,
    );
    preload(
      'email',
      todo.flatMap((x) => (x.email ? [x.email] : [])),
      byEmail,
    );
    preload(
      'phone_e164',
      todo.flatMap((x) => (x.e164 ? [x.e164] : [])),
      byPhone,
    );
    // The vehicles of these VINs that have no owner yet (the only ones `owner` changes): no UPDATE for the others.
    const ownerless = new Set<string>();
    chunked<{ vin: string }>(
      [...new Set(todo.flatMap((x) => (x.l.vin ? [x.l.vin] : [])))],
      (n) => `SELECT vin FROM vehicles WHERE owner_customer_id IS NULL AND vin IN (${marks(n)})`,
      (r) => ownerless.add(r.vin),
    );
    const now = clock.now();
    // New customers are inserted together after the loop (INSERT_BATCH rows per statement, consecutive ids); until
    // then a row refers to the k-th new one as -(k + 1), and a later row of the batch that finds it fills its
    // empty contact fields in memory (what `fill` does to a stored one).
    const created: { v: unknown[]; rows: number[]; vins: string[] }[] = [];
    for (const { i, l, phone, e164, email, dms } of todo) {
      let cid =
        (dms ? byDms.get(dms) : undefined) ??
        (email ? byEmail.get(email) : undefined) ??
        (e164 ? byPhone.get(e164) : undefined);
      const valid = phone ? (phone.valid ? 1 : 0) : null;
      if (cid === undefined) {
        cid = -(created.length + 1);
        created.push({
          v: [
            dms,
            l.firstName,
            l.lastName,
            email,
            l.phone,
            phone?.e164 ?? null,
            valid,
            l.otherPhone,
            l.language,
            l.country,
            l.state,
            l.city,
            l.zip,
            ...CONSENTS.map((k) => (l.consents[k] ? 1 : 0)),
            now,
            now,
          ],
          rows: [],
          vins: [],
        });
      } else if (cid > 0) {
        q.fill.run(email, l.phone, phone?.e164 ?? null, valid, dms, now, cid);
      } else {
        const v = created[-cid - 1]!.v;
        v[NEW.email] ??= email;
        if (v[NEW.phone] === null) {
          v[NEW.phone] = l.phone;
          v[NEW.e164] = phone?.e164 ?? null;
          v[NEW.valid] = valid;
        }
        v[NEW.dms] ??= dms;
      }
      if (dms && !byDms.has(dms)) byDms.set(dms, cid);
      if (email && !byEmail.has(email)) byEmail.set(email, cid);
      if (e164 && !byPhone.has(e164)) byPhone.set(e164, cid);
      if (cid > 0) {
        out[i] = cid;
        if (l.vin && ownerless.delete(l.vin)) q.owner.run(cid, l.vin);
      } else {
        const c = created[-cid - 1]!;
        c.rows.push(i);
        if (l.vin && ownerless.delete(l.vin)) c.vins.push(l.vin);
      }
    }
    const ids = insertCustomers(created.map((c) => c.v));
    created.forEach((c, k) => {
      for (const i of c.rows) out[i] = ids[k]!;
      for (const vin of c.vins) q.owner.run(ids[k], vin);
    });
    return out;
  }

  /** Inserts new customers (values in INSERT_COLUMNS order), INSERT_BATCH per statement; their ids in order. */
  // One prepared INSERT per row count (a single new lead's customer, a batch's full and last statements).
  const inserts = new Map<number, Statement>();
  const insertOf = (n: number) => {
    let st = inserts.get(n);
    if (!st) {
      st = sqlite.prepare(
        `INSERT INTO customers (${INSERT_COLUMNS.join(', ')}) VALUES ${Array(n)
          .fill(`(${INSERT_COLUMNS.map(() => '?').join(', ')})`)
          .join(', ')}`,
      );
      if (n === 1 || n === INSERT_BATCH) inserts.set(n, st);
    }
    return st;
  };
  function insertCustomers(values: unknown[][]): number[] {
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
        (part.length > 1 && (q.countBetween.get(last - part.length + 1, last) as { n: number }).n !== part.length)
      ) {
        throw new Error('customers: ids of a batch insert are not consecutive');
      }
      for (let k = part.length - 1; k >= 0; k--) ids.push(last - k);
    }
    return ids;
  }

  function link(rows: NewLeadRow[], dmsIds?: Map<number, string | null>): void {
    const cids = resolve(rows, (i) => dmsIds?.get(rows[i]!.id) ?? null);
    rows.forEach((l, i) => {
      if (l.customerId === null && cids[i] !== null) q.link.run(cids[i], l.id);
    });
  }

  const svc: CustomerService = {
    assignCustomers(rows, phones) {
      const cids = resolve(rows, () => null, phones);
      rows.forEach((l, i) => {
        l.customerId = cids[i] ?? null;
      });
    },
    linkNew(leadIds, dmsIds) {
      const rows: NewLeadRow[] = [];
      for (let i = 0; i < leadIds.length; i += 500) {
        const chunk = leadIds.slice(i, i + 500);
        for (const r of q.leads500(chunk)) {
          const consents = Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1])) as Consents;
          rows.push({ ...(r as unknown as NewLeadRow), consents });
        }
      }
      link(rows, dmsIds);
    },
    get(id) {
      const r = q.customer.get(id) as Record<string, unknown> | undefined;
      if (!r) throw new AppError('NOT_FOUND', { params: { id } });
      return {
        customer: rowToCustomer(r),
        leads: q.leads.all(id) as CustomerDetail['leads'],
        vehicles: q.vehicles.all(id, id) as CustomerDetail['vehicles'],
        history: q.history.all(id) as CustomerDetail['history'],
      };
    },
    setConsents(id, leadId, consents, actor) {
      sqlite.transaction(() => {
        const cur = svc.get(id).customer;
        if (cur.anonymizedAt !== null) throw new AppError('CUSTOMER_ERASED');
        if (leadId !== null) {
          const l = sqlite.prepare('SELECT customer_id AS c FROM leads WHERE id = ?').get(leadId) as
            { c: number | null } | undefined;
          if (!l || l.c !== id) throw new AppError('NOT_FOUND', { field: 'leadId' });
        }
        const now = clock.now();
        const rows: { at: number; field: string; oldValue: string | null; newValue: string | null }[] = [];
        for (const k of CONSENTS) {
          const v = consents[k];
          if (v === undefined || v === cur.consents[k]) continue;
          sqlite
            .prepare(`UPDATE customers SET ${consentColumn(k)} = ?, updated_at = ? WHERE id = ?`)
            .run(v ? 1 : 0, now, id);
          // The lead the change was made from shows the customer's current consents too.
          if (leadId !== null)
            sqlite
              .prepare(`UPDATE leads SET ${consentColumn(k)} = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
              .run(v ? 1 : 0, now, leadId);
          rows.push({ at: now, field: `consents.${k}`, oldValue: String(cur.consents[k]), newValue: String(v) });
        }
        writeHistory(leadId, rows, actor, id);
      })();
      return svc.get(id);
    },
  };
  return svc;
}
